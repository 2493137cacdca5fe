package dev.kesgen.kes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.topology.KesVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every supported KES release, not one per dialect: the generated server configuration uses only keys that
 * release's parser knows, with the kinds it reads and durations Go parses, and the server arguments are flags the
 * release defines. Configurations come from four topologies (KV v1 and v2, with and without a Vault CA and
 * namespace) whose instances vary the admin identity and provisioning, one instance per release each.
 */
class EveryReleaseTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String ADMIN = "ab".repeat(32);

  @TempDir static Path dir;
  static final List<Generated> GENERATED = new ArrayList<>();

  /** One generated instance: its release, which topology it came from, its values file. */
  record Generated(KesVersion release, String label, JsonNode values) {
    String config() {
      return values.path("server").path("config").asText();
    }

    List<String> args() {
      List<String> args = new ArrayList<>();
      values.path("server").path("args").forEach(a -> args.add(a.asText()));
      return args;
    }

    @Override
    public String toString() {
      return label + " (KES " + release + ")";
    }
  }

  static List<KesVersion> releases() {
    return SupportedReleases.versions();
  }

  @BeforeAll
  static void generate() throws Exception {
    Files.copy(Path.of("src/test/resources/golden/dialect-v0.22.3/vault-ca.pem"), dir.resolve("vault-ca.pem"));
    generate("kv1", 1, "", release -> true, true);
    generate("kv1-ca", 1, "  caCertificate: vault-ca.pem\n", release -> true, false);
    generate("kv2", 2, "", release -> release.isAtLeast(KesVersion.FIRST_WITH_KV_V2), false);
    generate("kv2-ca-ns", 2, "  namespace: team-a\n  caCertificate: vault-ca.pem\n",
        release -> release.isAtLeast(KesVersion.FIRST_WITH_KV_V2), true);
  }

  private static void generate(String name, int kv, String vaultExtra, java.util.function.Predicate<KesVersion> which,
      boolean withAdmin) throws Exception {
    StringBuilder topology = new StringBuilder("""
        version: 1
        vault:
          endpoint: https://vault.example.org:8200
          kv: { mount: secret, version: %d }
        %sinstances:
        """.formatted(kv, vaultExtra));
    List<KesVersion> releases = releases().stream().filter(which).toList();
    for (int i = 0; i < releases.size(); i++) {
      topology.append(instance("r" + i, releases.get(i), "disabled", true));
      if (withAdmin) {
        topology.append(instance("r" + i + "-admin", releases.get(i), ADMIN, false));
      }
    }
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, topology);
    Path output = dir.resolve(name);
    Kesgen.generate(GenerateRequest.of(file).withOutputDirectory(output).withSecretsDirectory(dir.resolve(name + "-secrets")));
    for (int i = 0; i < releases.size(); i++) {
      for (String instance : withAdmin ? List.of("r" + i, "r" + i + "-admin") : List.of("r" + i)) {
        JsonNode values = YAML.readTree(output.resolve("kes/" + instance + "/values.yaml").toFile());
        GENERATED.add(new Generated(releases.get(i), name + "/" + instance, values));
      }
    }
  }

  // a tenant whose second key nobody but the provisioner creates, and one on a MinIO that calls more APIs
  private static String instance(String name, KesVersion release, String admin, boolean provisioning) {
    return """
          - name: %1$s
            namespace: kes-%1$s
            kes: { version: "%2$s", adminIdentity: "%3$s", provisioning: %4$s }
            tenants:
              - { name: gecko, namespace: gecko-%1$s, chart: armadillo, keys: [ gecko, gecko-extra ],
                  minioVersion: RELEASE.2020-10-09T22-55-05Z }
              - { name: lizard, namespace: lizard-%1$s, chart: minio, keys: [ lizard ],
                  minioVersion: RELEASE.2024-05-10T01-41-38Z }
        """.formatted(name, release.tag(), admin, provisioning);
  }

  @Test
  void everySupportedReleaseHasATreeAndIsGeneratedInEveryVariant() throws Exception {
    try (Stream<Path> trees = Files.list(Path.of("src/test/resources/dev/kesgen/kes/releases"))) {
      Set<String> names = Set.copyOf(trees.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tree"))
          .map(n -> n.substring(0, n.length() - ".tree".length())).toList());
      assertThat(names).containsExactlyInAnyOrderElementsOf(SupportedReleases.tags());
    }
    for (KesVersion release : releases()) {
      long variants = GENERATED.stream().filter(g -> g.release().equals(release)).count();
      assertThat(variants).as("variants of %s", release).isEqualTo(release.isAtLeast(KesVersion.FIRST_WITH_KV_V2) ? 6 : 3);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void configurationUsesOnlyWhatTheReleaseReads(KesVersion release) {
    ReleaseTree tree = ReleaseTree.of(release.tag());
    assertThat(tree.release()).isEqualTo(release.tag());
    for (Generated g : GENERATED.stream().filter(g -> g.release().equals(release)).toList()) {
      assertThat(ConfigShape.problems(tree, g.config())).as("%s", g).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void serverArgumentsAreFlagsTheReleaseDefines(KesVersion release) {
    ReleaseTree tree = ReleaseTree.of(release.tag());
    for (Generated g : GENERATED.stream().filter(g -> g.release().equals(release)).toList()) {
      List<String> args = g.args();
      assertThat(args).as("%s", g).first().isEqualTo("server");
      for (String arg : args.subList(1, args.size())) {
        assertThat(arg).as("%s: one --name=value token", g).matches("--[a-z-]+=.+");
        String flag = arg.substring(0, arg.indexOf('='));
        assertThat(tree.flags()).as("%s: flags of kes server", g).containsKey(flag);
        assertThat(tree.flags().get(flag)).as("%s: %s takes a value", g, flag).isEqualTo("string");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void dialectAgreesWithTheReleaseOnDecodingAndFlags(KesVersion release) {
    ReleaseTree tree = ReleaseTree.of(release.tag());
    KesDialect dialect = KesDialect.of(release);
    KesDialect.UnknownFields expected = switch (tree.decoder()) {
      case "strict" -> KesDialect.UnknownFields.REJECTED;
      case "strict-with-fallback" -> KesDialect.UnknownFields.STRICT_WITH_LEGACY_FALLBACK;
      case "lenient" -> KesDialect.UnknownFields.IGNORED;
      default -> throw new AssertionError("decoder " + tree.decoder());
    };
    assertThat(dialect.unknownFields()).isEqualTo(expected);
    assertThat(dialect.flagParser()).isIn(tree.flagParser().equals("pflag")
        ? List.of(KesDialect.FlagParser.PFLAG, KesDialect.FlagParser.GO_FLAG_OR_PFLAG)
        : List.of(KesDialect.FlagParser.GO_FLAG, KesDialect.FlagParser.GO_FLAG_OR_PFLAG));
    assertThat(tree.keys()).as("policy identities key").containsKey("policy.*." + dialect.policyIdentitiesKey());
    assertThat(tree.keys().containsKey("version")).as("top-level version").isEqualTo(dialect.acceptsTopLevelVersion());
    assertThat(tree.keys().containsKey("keys[].name")).as("keys list").isEqualTo(dialect.hasKeysList());
  }

  @Test
  void theCheckWouldHaveCaughtTheV0175Defect() {
    Generated v0175 = GENERATED.stream().filter(g -> g.release().tag().equals("v0.17.5")).findFirst().orElseThrow();
    String asBefore = v0175.config().replace("    identity:\n", "    identities:\n");
    assertThat(asBefore).isNotEqualTo(v0175.config());
    assertThat(ConfigShape.problems(ReleaseTree.of("v0.17.5"), asBefore))
        .anyMatch(p -> p.endsWith("identities: KES v0.17.5 knows no such key"));
  }

  @Test
  void goDurationsAreRecognised() {
    assertThat(List.of("0", "5m", "30s", "1h30m", "1.5h", "300ms", ".5s")).allMatch(d -> ConfigShape.GO_DURATION.matcher(d).matches());
    assertThat(List.of("", "5", "5d", "1 h", "m", "P1D")).noneMatch(d -> ConfigShape.GO_DURATION.matcher(d).matches());
  }
}

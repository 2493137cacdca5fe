package dev.kesgen.kes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.topology.KesKubernetesLogin;
import dev.kesgen.topology.KesVersion;
import dev.kesgen.topology.TopologyException;
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
 * namespace) whose instances vary the admin identity and provisioning, one instance per release each, and from two
 * more whose instances log in with Vault's Kubernetes auth method (KV v1 for every release that can log in that
 * way, KV v2 with a namespace where the release also reads KV v2), so the {@code keystore.vault.kubernetes} block is
 * checked against each release's own key tree too.
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
    generate("kv1-k8s", 1, KUBERNETES, EveryReleaseTest::logsInWithKubernetes, false);
    generate("kv2-ns-k8s", 2, "  namespace: team-a\n" + KUBERNETES,
        release -> logsInWithKubernetes(release) && release.isAtLeast(KesVersion.FIRST_WITH_KV_V2), false);
  }

  private static final String KUBERNETES =
      "  auth: kubernetes\n  kubernetes: { mount: k8s, host: \"https://10.0.0.1:6443\" }\n";

  /** Whether KES can log in with a Kubernetes service-account token at this release (kesgen refuses the others). */
  static boolean logsInWithKubernetes(KesVersion release) {
    return KesKubernetesLogin.of(release).canLogIn();
  }

  /** How many Kubernetes-login variants of this release are generated. */
  static int kubernetesVariants(KesVersion release) {
    return logsInWithKubernetes(release) ? (release.isAtLeast(KesVersion.FIRST_WITH_KV_V2) ? 2 : 1) : 0;
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
      long approle = release.isAtLeast(KesVersion.FIRST_WITH_KV_V2) ? 6 : 3;
      assertThat(variants).as("variants of %s", release).isEqualTo(approle + kubernetesVariants(release));
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void kubernetesLoginIsTheBlockTheReleaseReads(KesVersion release) throws Exception {
    List<Generated> kubernetes = GENERATED.stream()
        .filter(g -> g.release().equals(release) && g.label().contains("-k8s/")).toList();
    assertThat(kubernetes).as("Kubernetes variants of %s", release).hasSize(kubernetesVariants(release));
    ReleaseTree tree = ReleaseTree.of(release.tag());
    for (Generated g : kubernetes) {
      // Releases before the keystore section (v0.13 to v0.19) read the same block under keys.vault.
      String store = tree.keys().containsKey("keystore.vault.kubernetes.role") ? "keystore" : "keys";
      String prefix = store + ".vault.kubernetes.";
      assertThat(tree.keys()).as("%s: the release reads a kubernetes login", g)
          .containsKeys(prefix + "engine", prefix + "role", prefix + "jwt");
      JsonNode vault = YAML.readTree(g.config()).path(store).path("vault");
      assertThat(vault.has("approle")).as("%s: no AppRole beside the Kubernetes login", g).isFalse();
      JsonNode login = vault.path("kubernetes");
      assertThat(login.path("engine").asText()).as("%s: engine", g).isEqualTo("k8s");
      assertThat(login.path("role").asText()).as("%s: role", g).isNotBlank();
      assertThat(login.path("jwt").asText()).as("%s: jwt is the absolute path of the token file", g).startsWith("/");
      assertThat(login.has("retry")).as("%s: retry exactly where the release reads it", g)
          .isEqualTo(tree.keys().containsKey(prefix + "retry"));
    }
  }

  @Test
  void theReleasesThatCannotLogInWithKubernetesAreRefused() throws Exception {
    List<KesVersion> refused = releases().stream().filter(r -> !logsInWithKubernetes(r)).toList();
    assertThat(refused).extracting(KesVersion::tag).contains("v0.22.0", "v0.22.2", "2023-04-03T16-41-28Z");
    for (KesVersion release : refused) {
      Path file = dir.resolve("refused-" + release.tag() + ".yaml");
      Files.writeString(file, "version: 1\nvault:\n  endpoint: https://vault.example.org:8200\n"
          + "  kv: { mount: secret, version: 1 }\n" + KUBERNETES + "instances:\n"
          + instance("r", release, "disabled", false));
      Path output = dir.resolve("refused-" + release.tag());
      assertThatThrownBy(() -> Kesgen.generate(GenerateRequest.of(file).withOutputDirectory(output)
          .withSecretsDirectory(dir.resolve("refused-" + release.tag() + "-secrets"))))
          .as("KES %s with Kubernetes auth", release).isInstanceOf(TopologyException.class)
          .hasMessageContaining(file.getFileName() + ":5:")
          .hasMessageContaining("vault.auth")
          .hasMessageContaining("KES " + release.tag());
      assertThat(output).as("nothing written for %s", release).doesNotExist();
    }
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

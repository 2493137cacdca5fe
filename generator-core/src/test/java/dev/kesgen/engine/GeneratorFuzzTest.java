package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kesgen.CheckResult;
import dev.kesgen.ConfigurationException;
import dev.kesgen.EnvironmentException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole generator under fuzzed input: a topology built from a small valid grammar (one to two instances of one
 * or two tenants, names, keys, Vault settings, a supported KES and MinIO release pair, Vault's Kubernetes auth by
 * default or per instance, ServiceAccounts, API-key tenants, the externalSecrets sink) with raw mutations of its
 * text, and optionally one template override, the embedded template mutated with hostile snippets and fuzzed text.
 * Whatever the input: generate succeeds or fails with a documented exception (a topology problem, the user's or the
 * environment's; an {@code InternalException} or any other is a bug) and then writes nothing; after a success, check
 * of the same directories finds nothing, no output file holds private key material, and the access rules hold on the
 * written files.
 *
 * <p>{@code mvn verify} runs the seed inputs under {@code src/test/resources/dev/kesgen/engine/GeneratorFuzzTestInputs/}
 * (regression mode) and then fuzzes for {@code maxDuration} in the {@code fuzz-generator} execution of
 * {@code generator-core/pom.xml} ({@code -Dkesgen.fuzz.skip} leaves that out); by hand:
 * {@code JAZZER_FUZZ=1 mvn -pl generator-core -am test -Dtest=GeneratorFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GeneratorFuzzTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  /** A KES release, the KV version its golden case uses, and a tenant chart and MinIO release that go with it. */
  record Release(String kes, int kv, String chart, String minio) {}

  static final List<Release> RELEASES = List.of(
      new Release("v0.13.0", 1, "armadillo", "RELEASE.2020-10-09T22-55-05Z"),
      new Release("v0.13.4", 1, "minio-legacy", "RELEASE.2021-05-16T05-32-34Z"),
      new Release("v0.15.0", 2, "minio", "RELEASE.2021-05-16T05-32-34Z"),
      new Release("v0.17.6", 2, "minio", "RELEASE.2021-11-24T23-19-33Z"),
      new Release("v0.19.4", 2, "armadillo", "RELEASE.2022-07-17T15-43-14Z"),
      new Release("v0.22.3", 2, "minio", "RELEASE.2022-10-24T18-35-07Z"),
      new Release("2023-04-18T19-36-09Z", 1, "minio-legacy", "RELEASE.2023-08-23T10-07-06Z"),
      new Release("2023-10-24T20-26-51Z", 2, "minio", "RELEASE.2024-03-03T17-50-39Z"),
      new Release("2024-03-13T17-52-13Z", 2, "minio", "RELEASE.2024-05-10T01-41-38Z"),
      new Release("2025-03-12T09-35-18Z", 2, "minio", "RELEASE.2025-10-15T17-29-55Z"));
  static final List<String> TEMPLATES = List.of("kes/server-config.yaml.hbs", "kes/values.yaml.hbs",
      "minio/armadillo.yaml.hbs", "minio/minio-legacy.yaml.hbs", "minio/minio.yaml.hbs", "summary.md.hbs",
      "vault/apply.sh.hbs", "vault/approle.json.hbs", "vault/bootstrap.sh.hbs", "vault/policy.hcl.hbs",
      "vault/plan-policy.hcl.hbs");
  static final List<String> ENDPOINTS = List.of("https://vault.example.org:8200", "https://10.0.0.5:8200",
      "https://[fd00::1]", "http://vault.vault.svc:8200");
  static final List<String> NAMES = List.of("dev", "prod", "a", "kes-x", "gecko", "lizard", "t1", "archive");
  static final List<String> KEYS = List.of("gecko", "gecko-archive", "k1", "minio-default", "x_y", "B2");
  static final List<String> CIDRS = List.of("10.0.0.0/8", "192.168.1.0/24", "fd00::/8", "0.0.0.0/0");
  /** What an attacker or a careless hand would put into a template. */
  static final List<String> SNIPPETS = List.of("{{", "}}", "{{header}}", "{{instance.name}}", "{{#each x}}",
      "{{/each}}", "\n", "'", "\"", "\\", "#", ": ", "- ", "\t", "\"/v1/key/decrypt/*\"", "\n    - \"/v1/*\"",
      "hvs.CAESIJlWh0kVtQ1bqWcmzGyr8Hx5Hq3U", "-----BEGIN PRIVATE KEY-----", "enabled: false",
      "\"policies\": [\"root\"],", "\"token_no_default_policy\": false,", "$(vault write sys/x a=b)",
      "\n\"$vault_cli\" policy write root policies/x.hcl\n", "path \"*\" { capabilities = [\"sudo\"] }\n",
      "secret: 5b2f6e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", "  dns:\n    namespace: x\n");

  @FuzzTest(maxDuration = "60s")
  void generateThenCheckFindsNothing(FuzzedDataProvider data) throws Exception {
    String topology = mutated(data, topology(data));
    Optional<String> template = data.consumeBoolean()
        ? Optional.of(TEMPLATES.get(data.consumeInt(0, TEMPLATES.size() - 1))) : Optional.empty();
    Optional<String> override = template.isPresent() ? Optional.of(mutated(data, embedded(template.get())))
        : Optional.empty();
    Path dir = Files.createTempDirectory("kesgen-fuzz");
    try {
      run(dir, topology, template, override);
    } finally {
      delete(dir);
    }
  }

  private static void run(Path dir, String topology, Optional<String> template, Optional<String> override)
      throws Exception {
    Files.writeString(dir.resolve("topology.yaml"), topology);
    GenerateRequest request = GenerateRequest.of(dir.resolve("topology.yaml"))
        .withOutputDirectory(dir.resolve("out")).withSecretsDirectory(dir.resolve("secrets")).withClock(CLOCK);
    if (template.isPresent()) {
      Path file = dir.resolve("templates").resolve(template.get());
      Files.createDirectories(file.getParent());
      Files.writeString(file, override.get());
      request = request.withTemplateDirectory(dir.resolve("templates"));
    }
    try {
      Kesgen.generate(request);
    } catch (TopologyException | ConfigurationException | EnvironmentException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(dir.resolve("out")).as("nothing is written on " + e.getMessage()).doesNotExist();
      return;
    }
    // an InternalException, or any other, ends the test: a bug

    List<CheckResult.Finding> findings = Kesgen.check(request, Optional.empty()).findings();
    assertThat(findings).as("check right after generate").isEmpty();

    Path out = dir.resolve("out");
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        assertThat(Leaks.in(Files.readAllBytes(file))).as(out.relativize(file).toString())
            .doesNotContainKey(Leaks.Kind.PRIVATE_KEY);
      }
    }

    Topology loaded = Kesgen.load(dir.resolve("topology.yaml"));
    PlannedRun run = Engine.plan(loaded, new RunSettings(out, dir.resolve("secrets"), request.templateDirectory(),
        CLOCK, Set.of()), List.of(), EngineListener.NONE);
    List<Finding> access = AccessCheck.of(loaded, p -> read(out.resolve(p)), run.certificates()).findings();
    assertThat(access).as("the access rules on the written files").isEmpty();
  }

  /** A topology from the grammar; every choice is the fuzzer's. */
  static String topology(FuzzedDataProvider data) {
    Release release = RELEASES.get(data.consumeInt(0, RELEASES.size() - 1));
    String endpoint = ENDPOINTS.get(data.consumeInt(0, ENDPOINTS.size() - 1));
    StringBuilder y = new StringBuilder("version: 1\nvault:\n  endpoint: ").append(endpoint).append('\n');
    if (endpoint.startsWith("http:")) {
      y.append("  allowPlaintextHttp: true\n");
    }
    if (data.consumeBoolean()) {
      y.append("  namespace: ").append(pick(data, List.of("team-a", "admin/team-b"))).append('\n');
    }
    y.append("  kv: { mount: ").append(pick(data, List.of("secret", "kv", "kes-keys"))).append(", version: ")
        .append(release.kv()).append(" }\n");
    if (data.consumeBoolean()) {
      y.append("  pathPrefix: ").append(pick(data, List.of("kes", "minio/kes", "x"))).append('\n');
    }
    if (data.consumeBoolean()) {
      y.append("  allowKeyDeletion: true\n");
    }
    if (data.consumeBoolean()) {
      y.append("  approle:\n    mount: ").append(pick(data, List.of("approle", "kes-approle")))
          .append("\n    tokenPeriod: ").append(pick(data, List.of("24h", "1h", "720h")))
          .append("\n    secretIdTtl: ").append(pick(data, List.of("0s", "24h", "8760h")))
          .append("\n    tokenBoundCidrs: ").append(cidrs(data))
          .append("\n    secretIdBoundCidrs: ").append(cidrs(data)).append('\n');
    }
    boolean kubernetes = data.consumeInt(0, 3) == 0; // one time in four every instance's default is Kubernetes
    if (kubernetes || data.consumeInt(0, 3) == 0) { // and sometimes only an instance's override uses it
      if (kubernetes) {
        y.append("  auth: kubernetes\n");
      }
      y.append("  kubernetes: { mount: ").append(pick(data, List.of("kubernetes", "k8s", "cluster/a")))
          .append(", host: ").append(pick(data, List.of("https://kubernetes.default.svc", "https://10.0.0.1:6443")))
          .append(" }\n");
    }
    if (data.consumeInt(0, 4) == 0) {
      y.append("secrets:\n  sink: externalSecrets\n  externalSecrets:\n    path: ")
          .append(pick(data, List.of("kesgen", "gitops/keys"))).append("\n    store: { kind: ")
          .append(pick(data, List.of("ClusterSecretStore", "SecretStore"))).append(", name: kesgen }\n    auth: ")
          .append(pick(data, List.of("appRole", "kubernetes"))).append('\n');
    }
    y.append("defaults:\n  kes:\n    version: ").append(release.kes())
        .append("\n    certificate: { validity: 3650d, keyType: ").append(pick(data, List.of("ecdsa-p256", "ed25519")))
        .append(" }\n");
    if (data.consumeBoolean()) {
      y.append("    provisioning: false\n");
    }
    y.append("  tenant:\n    chart: ").append(release.chart()).append("\n    minioVersion: ").append(release.minio())
        .append("\n    certificate: { validity: 3650d }\ninstances:\n");
    int instances = data.consumeInt(1, 2);
    Set<String> instanceNames = new java.util.HashSet<>();
    for (int i = 0; i < instances; i++) {
      String instance = name(data, instanceNames);
      y.append("  - name: ").append(instance).append("\n    namespace: kes-").append(instance).append('\n');
      if (data.consumeInt(0, 3) == 0) {
        y.append("    vaultAuth: ").append(pick(data, List.of("approle", "kubernetes"))).append('\n');
      }
      if (data.consumeInt(0, 3) == 0) {
        y.append("    kes: { serviceAccount: sa-").append(instance).append(" }\n");
      }
      y.append("    tenants:\n");
      int tenants = data.consumeInt(1, 2);
      Set<String> tenantNames = new java.util.HashSet<>();
      Set<String> keyNames = new java.util.HashSet<>();
      for (int t = 0; t < tenants; t++) {
        String tenant = name(data, tenantNames);
        y.append("      - name: ").append(tenant).append("\n        namespace: minio-").append(tenant).append('\n');
        int keys = data.consumeInt(0, 2);
        if (keys > 0) {
          List<String> names = new ArrayList<>();
          for (int k = 0; k < keys; k++) {
            names.add(distinct(data, KEYS, keyNames));
          }
          y.append("        keys: [").append(String.join(", ", names)).append("]\n");
        }
        if (data.consumeBoolean()) {
          y.append("        autoEncryption: false\n");
        }
        if (data.consumeInt(0, 2) == 0) {
          y.append("        minioAuth: ").append(pick(data, List.of("apiKey", "certificate"))).append('\n');
        }
      }
    }
    return y.toString();
  }

  /** Up to three edits: a hostile snippet or fuzzed text inserted, or a span deleted; seven times in ten none. */
  static String mutated(FuzzedDataProvider data, String text) {
    int edits = Math.max(0, data.consumeInt(0, 9) - 6);
    StringBuilder s = new StringBuilder(text);
    for (int e = 0; e < edits; e++) {
      int at = data.consumeInt(0, s.length());
      switch (data.consumeInt(0, 2)) {
        case 0 -> s.insert(at, pick(data, SNIPPETS));
        case 1 -> s.insert(at, data.consumeString(16));
        default -> s.delete(at, Math.min(s.length(), at + data.consumeInt(1, 40)));
      }
    }
    return s.toString();
  }

  /** A name not in {@code used} (one time in 32 any text, which the loader may refuse). */
  private static String name(FuzzedDataProvider data, Set<String> used) {
    return data.consumeInt(0, 31) == 0 ? data.consumeAsciiString(10) : distinct(data, NAMES, used);
  }

  /** An entry of {@code from} not in {@code used} (any entry when all are), added to {@code used}. */
  private static String distinct(FuzzedDataProvider data, List<String> from, Set<String> used) {
    int start = data.consumeInt(0, from.size() - 1);
    for (int i = 0; i < from.size(); i++) {
      String candidate = from.get((start + i) % from.size());
      if (used.add(candidate)) {
        return candidate;
      }
    }
    return from.get(start);
  }

  private static String cidrs(FuzzedDataProvider data) {
    List<String> cidrs = new ArrayList<>();
    int n = data.consumeInt(0, 2);
    for (int i = 0; i < n; i++) {
      cidrs.add(pick(data, CIDRS));
    }
    return "[" + String.join(", ", cidrs) + "]";
  }

  private static String pick(FuzzedDataProvider data, List<String> from) {
    return from.get(data.consumeInt(0, from.size() - 1));
  }

  static String embedded(String template) throws IOException {
    try (InputStream in = GeneratorFuzzTest.class.getClassLoader()
        .getResourceAsStream("dev/kesgen/templates/" + template)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

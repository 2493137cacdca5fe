package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kesgen.vaultit.Scripts.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The externalSecrets sink against a real OpenBao: vault/apply.sh, then external-secrets/apply.sh with a token of
 * only the generated writer policy (twice: the second run changes nothing); then every ExternalSecret's
 * {@code remoteRef}, resolved as ESO's vault provider resolves it ({@link EsoRemoteRef}), read with the token the
 * reader's AppRole gives for the role id and secret id the script stored in the cluster, is byte for byte the
 * committed certificate, the key the run left in the secrets directory and the server certificate as ca.crt; pinned
 * (KV v2) and latest. The reader cannot read KES keys, KES cannot read the reader's path, and the writer cannot read
 * what it wrote. A tenant with a KES API key gets the config.env generate left beside its key, whose key has the
 * identity KES's policy names. KES's own AppRole login comes from KV too: its ExternalSecret resolves to a role id
 * and secret id that log in with exactly the instance's policy, a second run creates no second secret id, and
 * {@code --rotate-secret-id} replaces it and destroys the old one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalSecretsVaultTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  Path work;
  VaultServer server;
  VaultHttp root;

  @BeforeAll
  void start() throws Exception {
    work = Files.createTempDirectory("kesgen-vault-it-eso-");
    server = VaultServer.start(work);
    root = new VaultHttp(server.address, server.rootToken);
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
      assertThat(server.alive()).isFalse();
    }
    if (work != null) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The identity of the KES API key in a config.env, read as MinIO reads the file (export, name, =, value). */
  static String apiKeyIdentity(String configEnv) {
    String line = configEnv.strip();
    assertThat(line).startsWith("export MINIO_KMS_KES_API_KEY=");
    return dev.kesgen.pki.KesApiKey.parse(line.substring("export MINIO_KMS_KES_API_KEY=".length())).identity().hex();
  }

  static String topology(int kv, String endpoint) {
    return """
        version: 1
        vault:
          endpoint: %s
          allowPlaintextHttp: true
          kv: { mount: %s, version: %d }
          approle:
            tokenBoundCidrs: [127.0.0.0/8]
            secretIdBoundCidrs: [127.0.0.1/32]
        secrets:
          sink: externalSecrets
          externalSecrets:
            path: kesgen
            store: { kind: ClusterSecretStore, name: kesgen }
            auth: appRole
        defaults:
          kes: { version: 2025-03-12T09-35-18Z }
          tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }
        instances:
          - name: dev
            namespace: kes-dev
            tenants:
              - name: alpha
                namespace: minio-alpha
                keys: [alpha-key, alpha-archive]
              - name: beta
                namespace: minio-beta
                minioAuth: apiKey
                keys: [beta-key]
        """.formatted(endpoint, kv == 2 ? "kv2-secrets" : "kv1-secrets", kv);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void whatEachExternalSecretAsksForIsWhatTheScriptWrote(int kv) throws Exception {
    Path project = Files.createDirectories(work.resolve("kv" + kv + "/project"));
    Files.writeString(project.resolve("topology.yaml"), topology(kv, server.address));
    Deployment.generate(project, null);
    Scripts scripts = new Scripts(server, work.resolve("kv" + kv));
    String mount = kv == 2 ? "kv2-secrets" : "kv1-secrets";
    Run apply = scripts.sh(project, Map.of(), "generated/vault/apply.sh");
    assertThat(apply.exit()).as(apply.output()).isZero();

    // the operator's token holds only the generated writer policy
    root.ok(root.put("sys/policies/acl/eso-writer", Map.of("policy",
        Files.readString(project.resolve("generated/external-secrets/policies/kesgen-external-secrets-writer.hcl")))));
    String writer = root.ok(root.post("auth/token/create", Map.of("policies", List.of("eso-writer"),
        "no_default_policy", true, "ttl", "10m"))).body().path("auth").path("client_token").asText();
    Map<String, String> env = Map.of("BAO_ADDR", server.address, "BAO_TOKEN", writer);
    // the two KV versions share this server's AppRole role kes-dev: count what this run adds
    List<String> accessorsBefore = accessors("auth/approle/role/kes-dev");
    Run first = scripts.sh(project, env, "generated/external-secrets/apply.sh");
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("policy kesgen-external-secrets: written",
        "Secret kesgen-external-secrets written in namespace external-secrets", mount + "/kesgen/minio-alpha/");
    Run second = scripts.sh(project, env, "generated/external-secrets/apply.sh");
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output()).contains("no changes");
    assertVaultPlanInSync(project);

    // the reader logs in with what the script stored in the cluster (the kubectl stand-in kept the Secret)
    Map<String, String> credentials = new TreeMap<>();
    for (String line : Files.readAllLines(scripts.state.resolve("applied.yaml"))) {
      if (line.startsWith("  role-id: ") || line.startsWith("  secret-id: ")) {
        String[] kvPair = line.trim().split(": ", 2);
        credentials.put(kvPair[0], new String(Base64.getDecoder().decode(kvPair[1]), StandardCharsets.UTF_8));
      }
    }
    JsonNode store = YAML.readTree(project.resolve("generated/external-secrets/cluster-secret-store.yaml").toFile());
    String approle = store.path("spec").path("provider").path("vault").path("auth").path("appRole").path("path").asText();
    String readerToken = root.ok(KesClient.login(root, approle, credentials.get("role-id"), credentials.get("secret-id")))
        .body().path("auth").path("client_token").asText();
    VaultHttp reader = root.withToken(readerToken);

    List<Path> externalSecrets;
    try (Stream<Path> walk = Files.walk(project.resolve("generated"))) {
      externalSecrets = walk.filter(p -> p.toString().endsWith(".external-secret.yaml"))
          .filter(p -> !p.getFileName().toString().equals("approle.external-secret.yaml")).sorted().toList();
    }
    assertThat(externalSecrets).hasSize(4);
    String serverCertificate = Files.readString(project.resolve("generated/kes/dev/server.crt"));
    String firstKey = null;
    String apiKeyIdentity = null;
    for (Path file : externalSecrets) {
      JsonNode es = YAML.readTree(file.toFile());
      Path relative = project.resolve("generated").relativize(file);
      // the layout the README documents: server.crt/.key, provisioner.crt/.key, client.crt/.key beside the manifest
      String base = relative.getFileName().toString().startsWith("provisioner") ? "provisioner"
          : relative.startsWith("kes") ? "server" : "client";
      Map<String, String> expected = new TreeMap<>();
      expected.put("tls.crt", Files.readString(project.resolve("generated").resolve(relative.resolveSibling(base + ".crt"))));
      expected.put("tls.key", Files.readString(project.resolve("secrets").resolve(relative.resolveSibling(base + ".key"))));
      if (!base.equals("server")) {
        expected.put("ca.crt", serverCertificate);
      }
      if (relative.startsWith("tenants/dev/beta")) {
        // the API key's config.env, which generate left beside the key and the script copied (never the output)
        expected.put("config.env", Files.readString(project.resolve("secrets/tenants/dev/beta/config.env")));
      }
      Map<String, String> resolved = new TreeMap<>();
      for (JsonNode data : es.path("spec").path("data")) {
        JsonNode ref = data.path("remoteRef");
        assertThat(ref.path("property").asText()).isEqualTo(data.path("secretKey").asText());
        assertThat(ref.has("version")).as("pinned on KV v2 only").isEqualTo(kv == 2);
        resolved.put(data.path("secretKey").asText(), EsoRemoteRef.resolve(reader, store, ref).orElse(null));
        if (kv == 2) {
          com.fasterxml.jackson.databind.node.ObjectNode latest = ((com.fasterxml.jackson.databind.node.ObjectNode) ref.deepCopy());
          latest.remove("version");
          assertThat(EsoRemoteRef.resolve(reader, store, latest)).as("latest").contains(resolved.get(data.path("secretKey").asText()));
        }
        firstKey = firstKey == null ? ref.path("key").asText() : firstKey;
      }
      assertThat(resolved).as(relative.toString()).isEqualTo(expected);
      if (resolved.containsKey("config.env")) {
        apiKeyIdentity = apiKeyIdentity(resolved.get("config.env"));
      }
      assertThat(es.path("spec").path("target").path("template").path("type").asText()).isEqualTo("kubernetes.io/tls");
    }

    // what ESO puts into beta's config.env is a key whose identity is the one KES's policy for beta names
    JsonNode policy = YAML.readTree(YAML.readTree(project.resolve("generated/kes/dev/values.yaml").toFile())
        .path("server").path("config").asText()).path("policy");
    assertThat(apiKeyIdentity).isNotNull();
    assertThat(policy.path("beta").path("identities").get(0).asText()).isEqualTo(apiKeyIdentity);
    for (String line : Files.readAllLines(project.resolve("generated/.kesgen-manifest"))) {
      assertThat(line).doesNotContain("config.env");
    }
    try (Stream<Path> walk = Files.walk(project.resolve("generated"))) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain("kes:v1:");
      }
    }
    assertThat(first.output() + second.output() + scripts.commands()).doesNotContain("kes:v1:");

    String kesKey = kv == 2 ? mount + "/data/kes/dev/alpha-key" : mount + "/kes/dev/alpha-key";
    root.ok(root.put(kesKey, kv == 2 ? Map.of("data", Map.of("bytes", "x")) : Map.of("bytes", "x")));
    String entry = EsoRemoteRef.buildPath(Optional.of(mount), "v" + kv, firstKey);
    if (kv == 2) {
      // pinned means pinned: a later version at the same key does not change what the ExternalSecret reads
      String before = reader.ok(reader.get(entry + "?version=1")).body().path("data").path("data").path("tls.crt").asText();
      root.ok(root.put(entry, Map.of("data", Map.of("tls.crt", "later"))));
      assertThat(reader.ok(reader.get(entry + "?version=1")).body().path("data").path("data").path("tls.crt").asText())
          .isEqualTo(before);
      assertThat(reader.ok(reader.get(entry)).body().path("data").path("data").path("tls.crt").asText()).isEqualTo("later");
    }
    // the reader cannot read KES keys; KES cannot read the reader's path; the writer cannot read what it wrote
    String kes = root.ok(root.post("auth/token/create", Map.of("policies", List.of("kes-dev"),
        "no_default_policy", true, "ttl", "10m"))).body().path("auth").path("client_token").asText();
    assertThat(reader.get(kesKey).status()).isEqualTo(403);
    assertThat(root.withToken(kes).get(entry).status()).isEqualTo(403);
    assertThat(root.withToken(kes).get(kesKey).status()).as("KES itself may").isEqualTo(200);
    assertThat(root.withToken(writer).get(entry).status()).isEqualTo(403);
    Map<String, TreeSet<String>> readerCaps = root.capabilitiesOf(reader, List.of(kesKey, entry));
    assertThat(readerCaps.get(kesKey)).containsExactly("deny");
    assertThat(readerCaps.get(entry)).containsExactly("read");

    // KES's own AppRole login (issue 24 item 1): the ExternalSecret resolves, with the reader's token, to the role id
    // and a secret id that log in with exactly the instance's policy; the second run created no other secret id
    String role = "auth/approle/role/kes-dev";
    Path loginFile = project.resolve("generated/kes/dev/approle.external-secret.yaml");
    assertThat(project.resolve("generated/vault/bootstrap-dev.sh")).doesNotExist();
    Map<String, String> login = resolveAll(reader, store, loginFile);
    assertThat(login).containsOnlyKeys("role-id", "secret-id");
    assertThat(login.get("role-id")).isEqualTo(root.ok(root.get(role + "/role-id")).body().path("data")
        .path("role_id").asText());
    assertLogsInAsKesDev(login);
    List<String> created = new java.util.ArrayList<>(accessors(role));
    created.removeAll(accessorsBefore);
    assertThat(created).as("one secret id for two runs").hasSize(1);
    assertThat(accessors(role)).hasSize(accessorsBefore.size() + 1);
    assertThat(first.output() + second.output() + scripts.commands()).doesNotContain(login.get("secret-id"));
    String loginEntry = EsoRemoteRef.buildPath(Optional.of(mount), "v" + kv,
        YAML.readTree(loginFile.toFile()).path("spec").path("data").get(0).path("remoteRef").path("key").asText());
    assertThat(root.capabilitiesOf(reader, List.of(loginEntry)).get(loginEntry)).containsExactly("read");
    assertThat(root.withToken(writer).get(loginEntry).status()).as("the writer cannot read it back").isEqualTo(403);

    // rotation: a new secret id in the same entry (the next version on KV v2), every older one destroyed
    Run unknown = scripts.sh(project, env, "generated/external-secrets/apply.sh", "--rotate-secret-id", "nosuch");
    assertThat(unknown.exit()).as(unknown.output()).isEqualTo(2);
    assertThat(accessors(role)).hasSize(accessorsBefore.size() + 1);
    Run rotate = scripts.sh(project, env, "generated/external-secrets/apply.sh", "--rotate-secret-id", "dev");
    assertThat(rotate.exit()).as(rotate.output()).isZero();
    assertThat(rotate.output()).contains("older secret ids of " + role + " destroyed");
    Map<String, String> rotated = resolveAll(reader, store, loginFile);
    assertThat(rotated.get("role-id")).isEqualTo(login.get("role-id"));
    assertThat(rotated.get("secret-id")).isNotEqualTo(login.get("secret-id"));
    assertThat(rotate.output() + scripts.commands()).doesNotContain(rotated.get("secret-id"));
    VaultHttp.Response old = KesClient.login(root, "approle", login.get("role-id"), login.get("secret-id"));
    assertThat(old.status()).as("the old secret id: %s", old).isIn(400, 403);
    assertLogsInAsKesDev(rotated);
    assertThat(accessors(role)).hasSize(1);
    if (kv == 2) {
      String metadata = loginEntry.replaceFirst("/data/", "/metadata/");
      assertThat(root.ok(root.get(metadata)).body().path("data").path("current_version").asInt()).isEqualTo(2);
    }
    Run after = scripts.sh(project, env, "generated/external-secrets/apply.sh");
    assertThat(after.exit()).as(after.output()).isZero();
    assertThat(after.output()).contains("no changes");
    assertThat(resolveAll(reader, store, loginFile)).isEqualTo(rotated);
    assertThat(accessors(role)).hasSize(1);
  }

  /** Every data key of an ExternalSecret as ESO would resolve it with {@code vault}'s token. */
  private static Map<String, String> resolveAll(VaultHttp vault, JsonNode store, Path externalSecret) throws Exception {
    Map<String, String> resolved = new TreeMap<>();
    for (JsonNode data : YAML.readTree(externalSecret.toFile()).path("spec").path("data")) {
      resolved.put(data.path("secretKey").asText(), EsoRemoteRef.resolve(vault, store, data.path("remoteRef"))
          .orElseThrow(() -> new AssertionError("unresolved: " + data)));
    }
    return resolved;
  }

  /** The AppRole login gives a token of exactly policy kes-dev (no default), which reads KES's keys. */
  /**
   * {@code kesgen vault plan}, with a token of the generated read-only policy alone, finds the reader's policy and
   * AppRole role as the script wrote them (Vault answers durations in seconds, the script writes "1h") and all else in
   * sync; a reader role given the writer's policy is drift.
   */
  private void assertVaultPlanInSync(Path project) throws Exception {
    root.ok(root.put("sys/policies/acl/kesgen-vault-plan", Map.of("policy",
        Files.readString(project.resolve("generated/vault/policies/kesgen-vault-plan.hcl")))));
    String token = root.ok(root.post("auth/token/create", Map.of("policies", List.of("kesgen-vault-plan"),
        "no_default_policy", true, "ttl", "10m"))).body().path("auth").path("client_token").asText();
    dev.kesgen.GenerateRequest request = dev.kesgen.GenerateRequest.of(project.resolve("topology.yaml"))
        .withOutputDirectory(project.resolve("generated")).withSecretsDirectory(project.resolve("secrets"));
    Map<String, String> env = Map.of("BAO_ADDR", server.address, "BAO_TOKEN", token);
    dev.kesgen.live.LivePlan plan = dev.kesgen.Kesgen.vaultPlan(request, env, dev.kesgen.KesgenListener.NONE);
    assertThat(plan.lines()).as(String.join("\n", plan.lines()))
        .contains("  = policy kesgen-external-secrets: in sync", "  = AppRole role kesgen-external-secrets: in sync");
    assertThat(plan.inSync()).as(String.join("\n", plan.lines())).isTrue();

    String role = "auth/approle/role/kesgen-external-secrets";
    root.ok(root.post(role, Map.of("token_policies", List.of("kesgen-external-secrets", "eso-writer"))));
    try {
      dev.kesgen.live.LivePlan drift = dev.kesgen.Kesgen.vaultPlan(request, env, dev.kesgen.KesgenListener.NONE);
      assertThat(drift.lines()).as(String.join("\n", drift.lines())).contains(
          "  ~ AppRole role kesgen-external-secrets: will change",
          "      ~ token_policies: [\"eso-writer\", \"kesgen-external-secrets\"] -> [\"kesgen-external-secrets\"]");
    } finally {
      root.ok(root.post(role, Map.of("token_policies", List.of("kesgen-external-secrets"))));
    }
  }

  private void assertLogsInAsKesDev(Map<String, String> login) {
    JsonNode auth = root.ok(KesClient.login(root, "approle", login.get("role-id"), login.get("secret-id"))).body()
        .path("auth");
    List<String> policies = new java.util.ArrayList<>();
    auth.path("policies").forEach(p -> policies.add(p.asText()));
    assertThat(policies).containsExactly("kes-dev");
    List<String> tokenPolicies = new java.util.ArrayList<>();
    auth.path("token_policies").forEach(p -> tokenPolicies.add(p.asText()));
    assertThat(tokenPolicies).containsExactly("kes-dev");
  }

  /** The secret id accessors of a role, as {@code LIST <role>/secret-id} gives them. */
  private List<String> accessors(String role) {
    VaultHttp.Response list = root.call("LIST", role + "/secret-id", null);
    List<String> keys = new java.util.ArrayList<>();
    list.data().path("keys").forEach(k -> keys.add(k.asText()));
    return keys;
  }
}

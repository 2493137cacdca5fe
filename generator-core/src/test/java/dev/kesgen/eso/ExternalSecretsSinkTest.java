package dev.kesgen.eso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.Kesgen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The externalSecrets sink in the engine: the committed output holds the store, one ExternalSecret per Secret, the
 * policies and the write script, and no private key; the keys wait in the secrets directory without Secret
 * manifests; a second run changes no byte; rotation moves that Secret to a new KV key. That what the ExternalSecrets
 * ask for is what the script writes into a real OpenBao is proven in vault-it ({@code ExternalSecretsVaultTest}).
 */
class ExternalSecretsSinkTest {
  static final String SERVER = "kes/dev/secret.external-secret.yaml";
  static final String ALPHA = "tenants/dev/alpha/secret.external-secret.yaml";

  @TempDir Path dir;

  static Map<String, String> files(Path root) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  @Test
  void theOutputHoldsManifestsAndNoKeyAndTheKeysWaitWithoutManifests() throws Exception {
    EsoFixture f = EsoFixture.create(dir, 2, "ClusterSecretStore", "appRole");
    Kesgen.generate(f.request());
    Map<String, String> output = files(f.output);
    assertThat(output).containsKeys(SERVER, ALPHA, "tenants/dev/beta/secret.external-secret.yaml",
        "kes/dev/provisioner-secret.external-secret.yaml", "external-secrets/cluster-secret-store.yaml",
        "external-secrets/policies/kesgen-external-secrets.hcl",
        "external-secrets/policies/kesgen-external-secrets-writer.hcl", "external-secrets/apply.sh");
    assertThat(output.keySet()).noneMatch(p -> p.endsWith(".key")
        || p.endsWith("secret.yaml") && !p.endsWith(".external-secret.yaml"));
    for (Map.Entry<String, String> file : output.entrySet()) {
      assertThat(file.getValue()).as(file.getKey()).doesNotContain("PRIVATE KEY", "UFJJVkFURSBLRVk");
    }
    assertThat(output.get(ALPHA)).contains("kind: ExternalSecret\n", "  namespace: minio-alpha\n",
        "        key: kesgen/minio-alpha/", "        property: tls.key\n", "        version: \"1\"\n",
        "      type: kubernetes.io/tls\n");
    assertThat(output.get(SERVER)).doesNotContain("ca.crt");
    assertThat(output.get("external-secrets/cluster-secret-store.yaml")).contains("kind: ClusterSecretStore\n",
        "      path: secret\n", "      version: v2\n", "          path: approle\n", "        - minio-alpha\n");
    assertThat(output.get("external-secrets/policies/kesgen-external-secrets.hcl"))
        .contains("path \"secret/data/kesgen/*\" {\n  capabilities = [\"read\"]\n}\n").doesNotContain("kes/dev");
    Set<String> secrets = files(f.secrets).keySet();
    assertThat(secrets).contains("kes/dev/server.key", "tenants/dev/alpha/client.key");
    assertThat(secrets).noneMatch(p -> p.endsWith("secret.yaml"));
    assertThat(Kesgen.check(f.request(), Optional.empty()).findings()).isEmpty();
  }

  @Test
  void aSecondRunChangesNoByteAndRotationMovesOnlyThatSecret() throws Exception {
    EsoFixture f = EsoFixture.create(dir, 1, "SecretStore", "kubernetes");
    Kesgen.generate(f.request());
    Map<String, String> first = files(f.output);
    Kesgen.generate(f.request());
    assertThat(files(f.output)).isEqualTo(first);
    assertThat(first.get(ALPHA)).doesNotContain("version:");
    assertThat(first).containsKeys("external-secrets/minio-alpha/secret-store.yaml",
        "external-secrets/minio-alpha/service-account.yaml", "external-secrets/policies/kesgen-external-secrets-minio-alpha.hcl");
    assertThat(first.get("external-secrets/policies/kesgen-external-secrets-minio-alpha.hcl"))
        .contains("path \"kv1/kesgen/minio-alpha/*\"");

    dev.kesgen.Plan plan = Kesgen.plan(f.request().withRotate(Set.of("dev/alpha")), dev.kesgen.KesgenListener.NONE);
    // the key goes into Vault first, then ESO makes the Secret from the new ExternalSecret
    assertThat(Kesgen.nextSteps(plan, Kesgen.changes(plan))).containsSubsequence(
        "sh generated/external-secrets/apply.sh",
        "kubectl apply --server-side -f generated/tenants/dev/alpha/secret.external-secret.yaml");
    Kesgen.generate(f.request().withRotate(Set.of("dev/alpha")));
    Map<String, String> rotated = files(f.output);
    assertThat(rotated.get(ALPHA)).isNotEqualTo(first.get(ALPHA));
    assertThat(rotated.get("tenants/dev/beta/secret.external-secret.yaml"))
        .isEqualTo(first.get("tenants/dev/beta/secret.external-secret.yaml"));
    assertThat(rotated.get("external-secrets/apply.sh")).isNotEqualTo(first.get("external-secrets/apply.sh"));
  }

  /**
   * Issue 25: {@code minioAuth: apiKey} with this sink was refused at {@code secrets.sink} (a located error); now the
   * same topology loads, and the tenant's ExternalSecret has {@code config.env} pinned like its other keys, made from
   * the key kept in the secrets directory and never written to the output. That the script stores it and the
   * ExternalSecret resolves to it on a real OpenBao is ExternalSecretsVaultTest's.
   */
  @Test
  void aTenantWithAnApiKeyGetsItsConfigEnvFromTheSameKvEntry() throws Exception {
    EsoFixture f = EsoFixture.create(dir, 2, "ClusterSecretStore", "appRole");
    Files.writeString(f.topology, Files.readString(f.topology).replace("        namespace: minio-beta\n",
        "        namespace: minio-beta\n        minioAuth: apiKey\n"));
    Kesgen.generate(f.request());
    Map<String, String> output = files(f.output);
    String beta = output.get("tenants/dev/beta/secret.external-secret.yaml");
    String key = beta.lines().filter(l -> l.startsWith("        key: ")).findFirst().orElseThrow().substring(13);
    assertThat(beta).contains("    - secretKey: config.env\n      remoteRef:\n        key: " + key
        + "\n        property: config.env\n        version: \"1\"\n");
    assertThat(output.get(ALPHA)).doesNotContain("config.env");
    String configEnv = Files.readString(f.secrets.resolve("tenants/dev/beta/config.env"));
    assertThat(Files.getPosixFilePermissions(f.secrets.resolve("tenants/dev/beta/config.env")))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    dev.kesgen.pki.KesApiKey apiKey = dev.kesgen.pki.KesApiKey.parse(configEnv
        .substring("export MINIO_KMS_KES_API_KEY=".length()).strip());
    assertThat(apiKey).isEqualTo(dev.kesgen.pki.KesApiKey.fromPrivateKeyPem(
        Files.readString(f.secrets.resolve("tenants/dev/beta/client.key"))));
    // the identity KES allows for beta is the key's
    assertThat(output.get("kes/dev/values.yaml")).contains("\"" + apiKey.identity().hex() + "\"");
    assertThat(output.get("external-secrets/apply.sh")).contains("kesgen_put '" + key + "' ",
        " 'tenants/dev/beta/config.env'\n");
    for (Map.Entry<String, String> file : output.entrySet()) {
      assertThat(file.getValue()).as(file.getKey()).doesNotContain(apiKey.encoded(), "kes:v1:");
    }
    // the file waits for a kept key too: removed, it is written again from the key on the next run
    Files.delete(f.secrets.resolve("tenants/dev/beta/config.env"));
    Kesgen.generate(f.request());
    assertThat(Files.readString(f.secrets.resolve("tenants/dev/beta/config.env"))).isEqualTo(configEnv);
    assertThat(files(f.output)).isEqualTo(output);
    assertThat(Kesgen.check(f.request(), Optional.empty()).findings()).isEmpty();
  }

  /**
   * Issue 24 item 1: with this sink an instance's AppRole login travels through KV: no bootstrap script, an
   * ExternalSecret for the Secret the KES chart reads ({@code vault.approleSecretName}, keys role-id and secret-id),
   * the writer may create exactly that role's secret ids, and the operator's policy no longer may.
   */
  @Test
  void theInstancesAppRoleLoginIsAnExternalSecretAndNoBootstrapScript() throws Exception {
    EsoFixture f = EsoFixture.create(dir, 2, "SecretStore", "appRole");
    Kesgen.generate(f.request());
    Map<String, String> output = files(f.output);
    assertThat(output).doesNotContainKey("vault/bootstrap-dev.sh");
    String login = output.get("kes/dev/approle.external-secret.yaml");
    assertThat(output.get("kes/dev/values.yaml")).contains("  approleSecretName: \"kes-dev-approle\"\n");
    String key = login.lines().filter(l -> l.startsWith("        key: ")).findFirst().orElseThrow().substring(13);
    assertThat(key).matches("kesgen/kes-dev/kes-dev-approle/[0-9a-f]{16}");
    assertThat(login).contains("  name: kes-dev-approle\n  namespace: kes-dev\n", "      type: Opaque\n",
        "    - secretKey: role-id\n", "        property: role-id\n", "    - secretKey: secret-id\n",
        "        property: secret-id\n", "    kind: SecretStore\n").doesNotContain("version:");
    assertThat(output.get("external-secrets/policies/kesgen-external-secrets-kes-dev.hcl"))
        .contains("path \"secret/data/kesgen/kes-dev/*\"");
    assertThat(output.get("external-secrets/policies/kesgen-external-secrets-writer.hcl")).contains(
        "path \"auth/approle/role/kes-dev/secret-id\" {\n  capabilities = [\"list\", \"update\"]\n}\n",
        "path \"auth/approle/role/kes-dev/secret-id-accessor/destroy\" {\n  capabilities = [\"update\"]\n}\n",
        "path \"secret/data/" + key + "\" {\n  capabilities = [\"create\", \"update\"]\n}\n");
    assertThat(output.get("vault/policies/kesgen-operator.hcl")).doesNotContain("secret-id");
    assertThat(output.get("external-secrets/apply.sh")).contains("kesgen_login 'dev' 'auth/approle/role/kes-dev' '"
        + key + "' ", "--rotate-secret-id");
    assertThat(output.get("SUMMARY.md")).contains("| `dev` | `kes-dev` | `kes-dev/kes-dev-approle` | `kes/dev/approle.external-secret.yaml` |");
  }

  @Test
  void theSecretEsoMadeCopiedIntoTheOutputIsALeakThatCheckReports() throws Exception {
    EsoFixture f = EsoFixture.create(dir, 2, "ClusterSecretStore", "appRole");
    Kesgen.generate(f.request());
    // what kubectl get secret -o yaml prints once ESO has made it, committed by mistake, alone and appended
    String certificate = Files.readString(f.output.resolve("kes/dev/server.crt"));
    String key = Files.readString(f.secrets.resolve("kes/dev/server.key"));
    String made = new dev.kesgen.pki.KubernetesTlsSecret("kes-tls", "kes-dev", certificate, key, Optional.empty())
        .toYaml();
    Files.writeString(f.output.resolve("kes/dev/made.yaml"), made);
    Files.writeString(f.output.resolve(SERVER), Files.readString(f.output.resolve(SERVER)) + "---\n"
        + made.lines().filter(l -> !l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n")));
    java.util.List<dev.kesgen.CheckResult.Finding> findings = Kesgen.check(f.request(), Optional.empty()).findings();
    assertThat(findings).filteredOn(x -> x.kind() == dev.kesgen.CheckResult.Kind.SECRET_IN_OUTPUT)
        .extracting(dev.kesgen.CheckResult.Finding::subject)
        .containsExactlyInAnyOrder("kes/dev/made.yaml", SERVER);
  }

  @Test
  void checkInCiNeedsNoKeyAndNoVault() throws Exception {
    EsoFixture f = EsoFixture.create(dir, 1, "SecretStore", "appRole");
    Kesgen.generate(f.request());
    // another checkout: no secrets directory at all, no Vault anywhere
    assertThat(Kesgen.check(f.request().withSecretsDirectory(dir.resolve("ci")), Optional.empty()).findings())
        .isEmpty();
  }
}

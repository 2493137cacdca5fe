package dev.kesgen.eso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth: kubernetes}: External Secrets Operator logs in on the topology's kubernetes auth method
 * ({@code vault.kubernetes.mount}, not a fixed {@code kubernetes}) as the ServiceAccount the topology names, the
 * reader's role binds exactly that account, and {@code vault/apply.sh} enables and configures the method once, whether
 * ESO alone or ESO and KES use it. That the login works on OpenBao is proven in vault-it
 * ({@code ExternalSecretsKubernetesLoginTest}).
 */
class ExternalSecretsKubernetesLoginTest {
  @TempDir Path dir;

  static String topology(String storeKind, String kesAuth, String serviceAccount) {
    return """
        version: 1
        vault:
          endpoint: https://vault.example.org:8200
          kv: { mount: secret, version: 2 }
          auth: %s
          kubernetes: { mount: k8s/prod, host: "https://kubernetes.default.svc" }
        secrets:
          sink: externalSecrets
          externalSecrets:
            store: { kind: %s }
            auth: kubernetes
        %s
        defaults:
          kes: { version: 2025-03-12T09-35-18Z }
          tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }
        instances:
          - name: dev
            namespace: kes-dev
            tenants:
              - { name: alpha, namespace: minio-alpha }
        """.formatted(kesAuth, storeKind, serviceAccount);
  }

  private Map<String, String> generate(String name, String topology) throws Exception {
    Path root = Files.createDirectories(dir.resolve(name));
    Files.writeString(root.resolve("topology.yaml"), topology);
    GenerateRequest request = GenerateRequest.of(root.resolve("topology.yaml")).withOutputDirectory(root.resolve("generated"))
        .withSecretsDirectory(root.resolve("secrets")).withClock(EsoFixture.CLOCK);
    Kesgen.generate(request);
    assertThat(Kesgen.check(request, Optional.empty()).findings()).as("check, with the script proof").isEmpty();
    return ExternalSecretsSinkTest.files(root.resolve("generated"));
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theClusterStoreLogsInOnTheTopologysMountAsTheNamedAccount() throws Exception {
    Map<String, String> out = generate("cluster", topology("ClusterSecretStore", "kubernetes",
        "    serviceAccount: { name: eso-controller, namespace: eso }"));

    assertThat(out.get("external-secrets/cluster-secret-store.yaml")).contains("        kubernetes:\n"
        + "          mountPath: k8s/prod\n"
        + "          role: kesgen-external-secrets\n"
        + "          serviceAccountRef:\n"
        + "            name: eso-controller\n"
        + "            namespace: eso\n");
    String script = out.get("external-secrets/apply.sh");
    assertThat(script).contains("write 'auth/k8s/prod/role/kesgen-external-secrets' -",
        "\"bound_service_account_names\": [\"eso-controller\"], \"bound_service_account_namespaces\": [\"eso\"]",
        "grep -qF '\"k8s/prod/\"'", "the Kubernetes auth method k8s/prod/ does not exist: run vault/apply.sh first")
        .doesNotContain("auth/kubernetes/");
    assertThat(out.get("external-secrets/policies/kesgen-external-secrets-writer.hcl"))
        .contains("path \"auth/k8s/prod/role/kesgen-external-secrets\" {\n  capabilities = [\"create\", \"read\", \"update\"]");
    // one method, enabled and configured once, for KES and ESO alike
    String apply = out.get("vault/apply.sh");
    assertThat(count(apply, "auth enable -path='k8s/prod' kubernetes")).isEqualTo(1);
    assertThat(count(apply, "\"$vault_cli\" write 'auth/k8s/prod/config' -")).isEqualTo(1);
    assertThat(out.get("vault/kubernetes/kes-dev.json")).contains("\"bound_service_account_names\": [\"kes-dev\"]");
  }

  @Test
  void withoutAServiceAccountTheClusterStoreNamesTheOperatorsOwn() throws Exception {
    Map<String, String> out = generate("default", topology("ClusterSecretStore", "kubernetes", ""));

    assertThat(out.get("external-secrets/cluster-secret-store.yaml")).contains(
        "          serviceAccountRef:\n            name: external-secrets\n            namespace: external-secrets\n");
    assertThat(out.get("external-secrets/apply.sh")).contains("\"bound_service_account_names\": [\"external-secrets\"],"
        + " \"bound_service_account_namespaces\": [\"external-secrets\"]");
  }

  @Test
  void whereOnlyEsoUsesTheMethodVaultApplyStillEnablesAndConfiguresIt() throws Exception {
    Map<String, String> out = generate("eso-only", topology("ClusterSecretStore", "approle", ""));

    String apply = out.get("vault/apply.sh");
    assertThat(count(apply, "auth enable -path='k8s/prod' kubernetes")).isEqualTo(1);
    assertThat(count(apply, "\"$vault_cli\" write 'auth/k8s/prod/config' -")).isEqualTo(1);
    assertThat(out).containsKey("vault/kubernetes/config.json").doesNotContainKey("vault/kubernetes/kes-dev.json");
    assertThat(out.get("vault/policies/kesgen-operator.hcl")).contains("path \"sys/auth/k8s/prod\"",
        "path \"auth/k8s/prod/config\"");
  }

  @Test
  void aSecretStoreLogsInAsTheAccountOfItsOwnNamespace() throws Exception {
    Map<String, String> out = generate("namespaced", topology("SecretStore", "approle", ""));

    assertThat(out.get("external-secrets/minio-alpha/secret-store.yaml")).contains("          mountPath: k8s/prod\n"
        + "          role: kesgen-external-secrets-minio-alpha\n"
        + "          serviceAccountRef:\n"
        + "            name: kesgen-external-secrets\n")
        .doesNotContain("            namespace:");
    assertThat(out.get("external-secrets/minio-alpha/service-account.yaml")).contains("  name: kesgen-external-secrets\n"
        + "  namespace: minio-alpha\n");
    assertThat(out.get("external-secrets/apply.sh")).contains("write 'auth/k8s/prod/role/kesgen-external-secrets-minio-alpha' -",
        "\"bound_service_account_names\": [\"kesgen-external-secrets\"], \"bound_service_account_namespaces\": [\"minio-alpha\"]");
  }
}

package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on the output of a topology with Kubernetes instances ({@code golden/kubernetes-auth}): clean as
 * generated, and one finding for an instance whose committed output mixes the AppRole and the Kubernetes login.
 */
class KubernetesAuthCheckTest {
  static final Path TOPOLOGY = Path.of("src/test/resources/golden/kubernetes-auth/topology.yaml");

  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  private List<String> access() throws Exception {
    return Kesgen.check(request(), Optional.empty()).findings().stream()
        .filter(f -> f.kind() == CheckResult.Kind.ACCESS).map(CheckResult.Finding::toString).toList();
  }

  @Test
  void theGeneratedOutputPassesCheck() throws Exception {
    Kesgen.generate(request());

    assertThat(Kesgen.check(request(), Optional.empty()).findings()).isEmpty();
    assertThat(dir.resolve("generated/vault/bootstrap-alpha.sh")).doesNotExist();
    assertThat(dir.resolve("generated/vault/approles/kes-alpha.json")).doesNotExist();
    assertThat(dir.resolve("generated/vault/bootstrap-gamma.sh")).exists();
  }

  @Test
  void anAppRoleFileLeftBesideAKubernetesInstanceIsReported() throws Exception {
    Kesgen.generate(request());
    // what the instance's output held before its topology switched to vaultAuth: kubernetes
    Files.copy(dir.resolve("generated/vault/bootstrap-gamma.sh"), dir.resolve("generated/vault/bootstrap-alpha.sh"));

    assertThat(access()).containsExactly("vault/bootstrap-alpha.sh: instance alpha: the output mixes two ways of"
        + " logging in to Vault, AppRole (vault/bootstrap-alpha.sh) and Kubernetes (vault/kubernetes/kes-alpha.json,"
        + " kes/alpha/values.yaml (vault.auth: kubernetes)); the topology says vaultAuth kubernetes, so run generate"
        + " and remove what is left of the other (vault/bootstrap-alpha.sh), and in Vault the AppRole role kes-alpha"
        + " with its secret ids");
  }

  @Test
  void aKubernetesRoleLeftBesideAnAppRoleInstanceIsReported() throws Exception {
    Kesgen.generate(request());
    Files.copy(dir.resolve("generated/vault/kubernetes/kes-alpha.json"),
        dir.resolve("generated/vault/kubernetes/kes-gamma.json"));

    assertThat(access()).containsExactly("vault/kubernetes/kes-gamma.json: instance gamma: the output mixes two ways"
        + " of logging in to Vault, AppRole (vault/approles/kes-gamma.json, vault/bootstrap-gamma.sh,"
        + " kes/gamma/values.yaml (vault.approleSecretName)) and Kubernetes (vault/kubernetes/kes-gamma.json); the"
        + " topology says vaultAuth approle, so run generate and remove what is left of the other"
        + " (vault/kubernetes/kes-gamma.json)");
  }

  @Test
  void aValuesFileWhoseServiceAccountIsAnotherInstancesIsReported() throws Exception {
    Kesgen.generate(request());
    Path values = dir.resolve("generated/kes/alpha/values.yaml");
    Files.writeString(values, Files.readString(values).replace("name: \"kes-alpha-login\"", "name: \"kes-beta\""));

    assertThat(access()).anySatisfy(f -> assertThat(f).startsWith("kes/alpha/values.yaml: instance alpha, Vault login"
        + " of the KES chart: serviceAccount.name is \"kes-beta\", but must be \"kes-alpha-login\""));
  }

  @Test
  void aRoleWidenedToEveryServiceAccountIsReported() throws Exception {
    Kesgen.generate(request());
    Path role = dir.resolve("generated/vault/kubernetes/kes-alpha.json");
    Files.writeString(role, Files.readString(role).replace("[\"kes-alpha-login\"]", "[\"*\"]"));

    assertThat(access()).contains("vault/kubernetes/kes-alpha.json: instance alpha, kubernetes auth role kes-alpha:"
        + " bound_service_account_names is [\"*\"], but must be [\"kes-alpha-login\"] (the instance's ServiceAccount"
        + " only (kes.serviceAccount))");
  }

  @Test
  void anApplyScriptWritingTheMethodsConfigurationFromAnotherFileIsReported() throws Exception {
    Kesgen.generate(request());
    Path apply = dir.resolve("generated/vault/apply.sh");
    Files.writeString(apply, Files.readString(apply).replace("write 'auth/k8s/config' - < 'kubernetes/config.json'",
        "write 'auth/k8s/config' - < 'elsewhere.json'"));

    assertThat(access()).anySatisfy(f -> assertThat(f).startsWith("vault/apply.sh: line ").contains(
        "writes auth/k8s/config from 'elsewhere.json'; it may write it only from kubernetes/config.json"));
  }
}

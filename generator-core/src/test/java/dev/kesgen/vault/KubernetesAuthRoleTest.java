package dev.kesgen.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.Vault;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration of Vault's kubernetes method, for a Vault outside the cluster and for one inside it. */
class KubernetesAuthRoleTest {
  @Test
  void withACaVaultTrustsItAndReviewsWithTheLoginsToken() {
    Vault.Kubernetes k = new Vault.Kubernetes("kubernetes", URI.create("https://10.0.0.1:6443/"),
        Optional.of(new Vault.CaCertificate(Path.of("ca.pem"), "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n")));

    assertThat(KubernetesAuthRole.config(k)).containsEntry("disable_local_ca_jwt", true)
        .containsEntry("kubernetes_host", "https://10.0.0.1:6443")
        .containsEntry("kubernetes_ca_cert", "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n")
        .containsEntry("token_reviewer_jwt", "").containsEntry("pem_keys", List.of());
  }

  @Test
  void withoutACaVaultUsesItsOwnPodsCaAndToken() {
    // OpenBao refuses disable_local_ca_jwt=true without kubernetes_ca_cert (B@v2.6.2:.../path_config.go:152-154)
    Vault.Kubernetes k = new Vault.Kubernetes("kubernetes", URI.create("https://kubernetes.default.svc"),
        Optional.empty());

    assertThat(KubernetesAuthRole.config(k)).containsEntry("disable_local_ca_jwt", false)
        .containsEntry("kubernetes_ca_cert", "").containsEntry("kubernetes_host", "https://kubernetes.default.svc");
  }

  @Test
  void theBodyIsJsonWithItsPemEscaped() {
    assertThat(JsonBody.of(new java.util.LinkedHashMap<>(java.util.Map.of("a", "x\n\"y\"\\")))).isEqualTo(
        "{\n  \"a\": \"x\\n\\\"y\\\"\\\\\"\n}\n");
  }
}

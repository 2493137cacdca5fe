package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.CertificateSpec;
import dev.kesgen.topology.GoDuration;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateTargetTest {
  private final Instance instance = Fixtures.instance(KeyType.ECDSA_P256, KeyType.ED25519);

  @Test
  void serverTargetPlacesCertificateKeyAndSecretByInstance() {
    CertificateTarget target = CertificateTarget.server(instance);

    assertThat(target).extracting(CertificateTarget::name, CertificateTarget::certificatePath,
            CertificateTarget::keyPath, CertificateTarget::secretPath, CertificateTarget::secretName,
            CertificateTarget::secretNamespace)
        .containsExactly("kes/dev", "kes/dev/server.crt", "kes/dev/server.key", "kes/dev/secret.yaml", "kes-tls",
            "kes-ns");
  }

  @Test
  void clientTargetPlacesCertificateKeyAndSecretByInstanceAndTenant() {
    CertificateTarget target = CertificateTarget.client(instance, Fixtures.tenant(instance));

    assertThat(target).extracting(CertificateTarget::name, CertificateTarget::certificatePath,
            CertificateTarget::keyPath, CertificateTarget::secretPath, CertificateTarget::secretName,
            CertificateTarget::secretNamespace)
        .containsExactly("tenants/dev/minio", "tenants/dev/minio/client.crt", "tenants/dev/minio/client.key",
            "tenants/dev/minio/secret.yaml", "kes-dev-minio-client", "minio-ns");
  }

  @Test
  void refusesANameThatClimbsOutOfItsRoot() {
    assertThatThrownBy(() -> new dev.kesgen.layout.CertificateId.Client("dev", ".."))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    assertThatThrownBy(() -> new dev.kesgen.layout.CertificateId.Server("a/b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instance");
  }

  @Test
  void serverProfileDropsConfiguredNamesItAlreadyHas() {
    CertificateSpec spec = new CertificateSpec(KeyType.ED25519, new GoDuration(365, 'd'), new GoDuration(30, 'd'),
        List.of("kes.kes-ns.svc", "kes.example.org"), List.of("10.0.0.1", "10.0.0.1"));

    CertificateProfile profile = CertificateProfile.server(Fixtures.instance(spec, Fixtures.spec(KeyType.ED25519)));

    assertThat(profile.dnsNames()).containsExactly("kes.kes-ns", "kes.kes-ns.svc", "kes.example.org");
    assertThat(profile.ipAddresses()).containsExactly("10.0.0.1");
  }

  @Test
  void genericClientFactoryServesFurtherClientCertificates() {
    CertificateProfile profile = CertificateProfile.client("provisioner.kes-ns", Fixtures.spec(KeyType.RSA_2048));

    assertThat(profile.kind()).isEqualTo(CertificateProfile.Kind.CLIENT);
    assertThat(profile.commonName()).isEqualTo("provisioner.kes-ns");
    assertThat(profile.dnsNames()).isEmpty();
  }

  @Test
  void refusesRenewBeforeThatIsNotShorterThanValidity() {
    CertificateSpec spec = new CertificateSpec(KeyType.ED25519, new GoDuration(30, 'd'), new GoDuration(720, 'h'),
        List.of(), List.of());

    assertThatThrownBy(() -> CertificateProfile.client("a.b", spec))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renewBefore 720h");
  }

  @Test
  void secretManifestRefusesANameThatIsNotAKubernetesName() {
    assertThatThrownBy(() -> new KubernetesTlsSecret("Bad: name", "ns", "c", "k", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

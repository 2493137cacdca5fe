package dev.kesgen.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every name of a certificate comes from its id, and parses back to it. */
class CertificateIdTest {
  static final List<CertificateId> IDS = List.of(
      new CertificateId.Server("dev"), new CertificateId.Client("dev", "gecko"), new CertificateId.Provisioner("dev"));

  @Test
  void formatsEveryName() {
    assertThat(IDS).extracting(CertificateId::name)
        .containsExactly("kes/dev", "tenants/dev/gecko", "kes/dev/provisioner");
    assertThat(IDS).extracting(CertificateId::rotationName).containsExactly("dev", "dev/gecko", "dev:provisioner");
    assertThat(IDS).extracting(CertificateId::certificatePath)
        .containsExactly("kes/dev/server.crt", "tenants/dev/gecko/client.crt", "kes/dev/provisioner.crt");
    assertThat(IDS).extracting(CertificateId::keyPath)
        .containsExactly("kes/dev/server.key", "tenants/dev/gecko/client.key", "kes/dev/provisioner.key");
    assertThat(IDS).extracting(CertificateId::secretManifestPath)
        .containsExactly("kes/dev/secret.yaml", "tenants/dev/gecko/secret.yaml", "kes/dev/provisioner-secret.yaml");
  }

  @Test
  void parsesWhatItFormats() {
    for (CertificateId id : IDS) {
      assertThat(CertificateId.parseRotationName(id.rotationName())).contains(id);
      assertThat(CertificateId.parsePath(id.certificatePath())).contains(id);
    }
  }

  @Test
  void parsesNothingElse() {
    assertThat(CertificateId.parseRotationName("dev/gecko/x")).isEmpty();
    assertThat(CertificateId.parseRotationName("dev:other")).isEmpty();
    assertThat(CertificateId.parsePath("kes/dev/values.yaml")).isEqualTo(Optional.empty());
    assertThat(CertificateId.parsePath("tenants/dev/client.crt")).isEmpty();
  }
}

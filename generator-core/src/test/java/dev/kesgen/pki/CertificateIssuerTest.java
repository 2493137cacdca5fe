package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.KeyType;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateIssuerTest {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  // KeyUsage bits as X509Certificate.getKeyUsage() indexes them.
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_ENCIPHERMENT = 2;

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void serverCertificateHasKeyTypeAndSignatureAlgorithmOfTheProfile(KeyType keyType) {
    X509Certificate certificate = Fixtures.server(keyType).certificate();

    assertThat(CertificateFacts.of(certificate).keyType()).contains(keyType);
    assertThat(certificate.getSigAlgName()).isEqualToIgnoringCase(CertificateIssuer.signatureAlgorithm(keyType));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void isSelfSignedAndNotACa(KeyType keyType) throws Exception {
    X509Certificate certificate = Fixtures.server(keyType).certificate();

    certificate.verify(certificate.getPublicKey());
    assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
  }

  @Test
  void serverCertificateIsForServerAuthOnly() throws Exception {
    assertThat(Fixtures.server(KeyType.ECDSA_P256).certificate().getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
  }

  @Test
  void clientCertificateIsForClientAuthOnly() throws Exception {
    assertThat(Fixtures.client(KeyType.ED25519).certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
  }

  @Test
  void nonRsaKeyUsageIsDigitalSignatureOnly() {
    boolean[] usage = Fixtures.server(KeyType.ECDSA_P256).certificate().getKeyUsage();

    assertThat(indexesSet(usage)).containsExactly(DIGITAL_SIGNATURE);
  }

  @Test
  void rsaKeyUsageAddsKeyEncipherment() {
    boolean[] usage = Fixtures.server(KeyType.RSA_2048).certificate().getKeyUsage();

    assertThat(indexesSet(usage)).containsExactly(DIGITAL_SIGNATURE, KEY_ENCIPHERMENT);
  }

  @Test
  void serverCertificateCarriesServiceNamesThenConfiguredNamesAndIps() throws Exception {
    X509Certificate certificate = Fixtures.server(KeyType.ECDSA_P256).certificate();

    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=kes");
    assertThat(certificate.getSubjectAlternativeNames()).containsExactly(
        List.of(2, "kes.kes-ns"), List.of(2, "kes.kes-ns.svc"), List.of(2, "kes.example.org"),
        List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
  }

  @Test
  void clientCertificateNamesTenantAndNamespaceAndHasNoSans() throws Exception {
    X509Certificate certificate = Fixtures.client(KeyType.ED25519).certificate();

    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=minio.minio-ns");
    assertThat(certificate.getSubjectAlternativeNames()).isNull();
  }

  @Test
  void serialIsPositiveAndAtLeast64Bits() {
    X509Certificate certificate = Fixtures.server(KeyType.ED25519).certificate();

    assertThat(certificate.getSerialNumber().signum()).isEqualTo(1);
    assertThat(certificate.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
  }

  @Test
  void serialsDiffer() {
    CertificateIssuer issuer = new CertificateIssuer(Fixtures.clock(Fixtures.T0));
    CertificateProfile profile = CertificateProfile.server(Fixtures.instance(KeyType.ED25519, KeyType.ED25519));

    assertThat(issuer.issue(profile).certificate().getSerialNumber())
        .isNotEqualTo(issuer.issue(profile).certificate().getSerialNumber());
  }

  @Test
  void notBeforeIsBackdatedByAtMostOneMinuteEvenWithinASecond() {
    Instant now = Fixtures.T0.plusMillis(700);
    CertificateIssuer issuer = new CertificateIssuer(Fixtures.clock(now));
    X509Certificate certificate = issuer.issue(
        CertificateProfile.server(Fixtures.instance(KeyType.ED25519, KeyType.ED25519))).certificate();

    Duration backdate = Duration.between(certificate.getNotBefore().toInstant(), now);
    assertThat(backdate).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void notAfterIsValidityAfterNowRoundedUpToTheSecond() {
    Instant now = Fixtures.T0.plusMillis(700);
    CertificateIssuer issuer = new CertificateIssuer(Fixtures.clock(now));
    X509Certificate certificate = issuer.issue(
        CertificateProfile.server(Fixtures.instance(KeyType.ED25519, KeyType.ED25519))).certificate();

    assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Fixtures.T0.plusSeconds(1).plus(Duration.ofDays(365)));
  }

  private static List<Integer> indexesSet(boolean[] bits) {
    List<Integer> set = new java.util.ArrayList<>();
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        set.add(i);
      }
    }
    return set;
  }
}

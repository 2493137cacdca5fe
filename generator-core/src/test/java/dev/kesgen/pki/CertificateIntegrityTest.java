package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.CertificateSpec;
import dev.kesgen.topology.GoDuration;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A committed certificate kesgen would not have issued is never kept. */
class CertificateIntegrityTest {
  @TempDir Path root;

  private final Instance instance = Fixtures.instance(KeyType.ECDSA_P256, KeyType.ED25519);
  private final CertificateTarget target = CertificateTarget.server(instance);
  private final CertificateProfile profile = target.profile();

  private static Decision decide(java.security.cert.X509Certificate certificate, CertificateProfile wanted) {
    return RenewalPolicy.decide(Optional.of(certificate), wanted, Fixtures.T0.plus(Duration.ofDays(1)), false);
  }

  @Test
  void theReviewersSwappedCertificateIsReissuedNamingEveryProblem() throws Exception {
    // same CN, SANs, EKU and key type, but CA:TRUE, keyCertSign, 20 years and a foreign key
    Forgery forgery = new Forgery();
    forgery.ca = true;
    forgery.keyUsage = KeyUsage.digitalSignature | KeyUsage.keyCertSign;
    forgery.lifetime = Duration.ofDays(7300);
    Path file = root.resolve("generated").resolve(target.certificatePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, Pem.encodeCertificate(forgery.server(profile)), StandardCharsets.UTF_8);
    // the operator's own key is still in the secrets directory
    CertificateOutcome mine = new CertificateLifecycle(Fixtures.clock(Fixtures.T0))
        .maintain(target, root.resolve("other"), KeySource.NONE, false);
    new SecretsDirectory(root.resolve("secrets"), root.resolve("generated")).store(new SecretDelivery(mine, Optional.empty()));

    CertificateOutcome outcome = new CertificateLifecycle(Fixtures.clock(Fixtures.T0))
        .maintain(target, root.resolve("generated"), root.resolve("secrets"), false);

    assertThat(outcome.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(outcome.decision()).isEqualTo(new Decision.Issue(Decision.Reason.INVALID,
        "not a certificate kesgen issues: it is a CA certificate (basicConstraints CA:TRUE);"
            + " key usage is [digitalSignature, keyCertSign], kesgen issues [digitalSignature]"));
    assertThat(outcome.certificate().getBasicConstraints()).isEqualTo(-1);
  }

  @Test
  void aCertificateNotSignedByItsOwnKeyIsInvalid() {
    Forgery forgery = new Forgery();
    forgery.signingKey = Forgery.p256().getPrivate();

    assertThat(decide(forgery.server(profile), profile)).isEqualTo(new Decision.Issue(Decision.Reason.INVALID,
        "not a certificate kesgen issues: its signature does not verify with its own public key"));
  }

  @Test
  void aCertificateIssuedBySomeoneElseIsInvalid() {
    Forgery forgery = new Forgery();
    forgery.issuer = "CN=Evil CA";

    assertThat(decide(forgery.server(profile), profile)).isEqualTo(new Decision.Issue(Decision.Reason.INVALID,
        "not a certificate kesgen issues: issuer CN=Evil CA is not its subject (not self-signed)"));
  }

  @Test
  void aLifetimeLongerThanValidityIsRenewed() {
    Forgery forgery = new Forgery();
    forgery.lifetime = Duration.ofDays(7300);

    assertThat(decide(forgery.server(profile), profile)).isEqualTo(new Decision.Issue(Decision.Reason.MISMATCH,
        "valid for 7300d (2031-05-04T10:20:30Z to 2051-04-29T10:20:30Z), longer than validity 365d allows"));
  }

  @Test
  void aCertificateKesgenIssuedUnderALongerValidityIsRenewedWhenValidityShrinks() {
    IssuedCertificate issued = Fixtures.server(KeyType.ECDSA_P256); // 365d
    CertificateSpec shorter = new CertificateSpec(KeyType.ECDSA_P256, new GoDuration(90, 'd'), new GoDuration(30, 'd'),
        List.of("kes.example.org"), List.of("127.0.0.1", "::1"));
    CertificateProfile wanted = CertificateProfile.server(Fixtures.instance(shorter, Fixtures.spec(KeyType.ED25519)));

    Decision decision = decide(issued.certificate(), wanted);

    assertThat(decision).isInstanceOf(Decision.Issue.class);
    assertThat(((Decision.Issue) decision).reason()).isEqualTo(Decision.Reason.MISMATCH);
    assertThat(((Decision.Issue) decision).detail()).startsWith("valid for 365d 1m (").endsWith("longer than validity 90d allows");
  }

  @Test
  void aLongerValidityKeepsTheCertificate() {
    IssuedCertificate issued = Fixtures.server(KeyType.ECDSA_P256); // 365d
    CertificateSpec longer = new CertificateSpec(KeyType.ECDSA_P256, new GoDuration(730, 'd'), new GoDuration(30, 'd'),
        List.of("kes.example.org"), List.of("127.0.0.1", "::1"));

    assertThat(decide(issued.certificate(), CertificateProfile.server(Fixtures.instance(longer,
        Fixtures.spec(KeyType.ED25519))))).isEqualTo(new Decision.Keep());
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void everyCertificateKesgenIssuesPassesUnchanged(KeyType keyType) {
    Instance of = Fixtures.instance(keyType, keyType);
    assertThat(decide(Fixtures.server(keyType).certificate(), CertificateProfile.server(of)))
        .isEqualTo(new Decision.Keep());
    assertThat(decide(Fixtures.client(keyType).certificate(), CertificateProfile.client(of, Fixtures.tenant(of))))
        .isEqualTo(new Decision.Keep());
  }
}

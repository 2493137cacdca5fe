package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.GoDuration;
import dev.kesgen.topology.KeyType;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {
  private final CertificateProfile profile =
      CertificateProfile.server(Fixtures.instance(KeyType.ECDSA_P256, KeyType.ED25519));
  private final X509Certificate certificate = Fixtures.server(KeyType.ECDSA_P256).certificate();
  private final Instant notAfter = certificate.getNotAfter().toInstant();
  private final Instant boundary = notAfter.minus(Duration.ofDays(30));

  @Test
  void issuesWhenThereIsNoCertificate() {
    assertThat(RenewalPolicy.decide(Optional.empty(), profile, Fixtures.T0, false))
        .isEqualTo(new Decision.Issue(Decision.Reason.MISSING, "no certificate yet"));
  }

  @Test
  void keepsAMatchingCertificateOneSecondBeforeTheRenewalBoundary() {
    assertThat(decide(profile, boundary.minusSeconds(1), false)).isEqualTo(new Decision.Keep());
  }

  @Test
  void renewsExactlyAtTheBoundaryWhereRemainingValidityEqualsRenewBefore() {
    assertThat(decide(profile, boundary, false)).isEqualTo(new Decision.Issue(Decision.Reason.EXPIRING,
        "expires " + notAfter + ", within renewBefore 30d"));
  }

  @Test
  void renewsAnExpiredCertificate() {
    assertThat(decide(profile, notAfter.plusSeconds(1), false)).isEqualTo(new Decision.Issue(
        Decision.Reason.EXPIRING, "expired " + notAfter + ", within renewBefore 30d"));
  }

  @Test
  void renewsACertificateOneSecondBeforeItsNotBefore() {
    Instant notBefore = certificate.getNotBefore().toInstant();

    assertThat(decide(profile, notBefore.minusSeconds(1), false)).isEqualTo(new Decision.Issue(
        Decision.Reason.NOT_YET_VALID, "not valid until " + notBefore + ", later than now ("
            + notBefore.minusSeconds(1) + ")"));
  }

  @Test
  void keepsACertificateExactlyAtItsNotBeforeWithNoSkewAllowance() {
    // Go accepts a certificate from NotBefore on (verify.go: now.Before(c.NotBefore) is the rejection)
    Instant notBefore = certificate.getNotBefore().toInstant();

    assertThat(decide(profile, notBefore, false)).isEqualTo(new Decision.Keep());
    assertThat(decide(profile, notBefore.minusNanos(1), false)).isInstanceOf(Decision.Issue.class);
  }

  @Test
  void keepsWhatKesgenIssuedAtTheInstantItIssuedIt() {
    // the issuer backdates by a minute, so the run that issues a certificate (or a check at the same instant,
    // even within a second) never finds it not yet valid
    Instant at = Fixtures.T0.plusMillis(999);
    X509Certificate issued = new CertificateIssuer(Fixtures.clock(at)).issue(profile).certificate();

    assertThat(RenewalPolicy.decide(Optional.of(issued), profile, at, false)).isEqualTo(new Decision.Keep());
  }

  @Test
  void reissuesWhenRotationIsRequested() {
    assertThat(decide(profile, Fixtures.T0, true))
        .isEqualTo(new Decision.Issue(Decision.Reason.ROTATION_REQUESTED, "rotation requested"));
  }

  @Test
  void reissuesWhenTheKeyTypeChanged() {
    CertificateProfile wanted = with(profile, KeyType.ED25519, profile.dnsNames(), profile.ipAddresses());

    assertThat(decide(wanted, Fixtures.T0, false)).isEqualTo(new Decision.Issue(Decision.Reason.MISMATCH,
        "key type is ecdsa-p256, topology wants ed25519"));
  }

  @Test
  void reissuesWhenADnsNameWasAdded() {
    List<String> dns = List.of("kes.kes-ns", "kes.kes-ns.svc", "kes.example.org", "kes.example.net");
    CertificateProfile wanted = with(profile, profile.keyType(), dns, profile.ipAddresses());

    assertThat(decide(wanted, Fixtures.T0, false)).isEqualTo(new Decision.Issue(Decision.Reason.MISMATCH,
        "DNS names are [kes.example.org, kes.kes-ns, kes.kes-ns.svc], topology wants "
            + "[kes.example.net, kes.example.org, kes.kes-ns, kes.kes-ns.svc]"));
  }

  @Test
  void reissuesWhenAnIpAddressWasRemoved() {
    CertificateProfile wanted = with(profile, profile.keyType(), profile.dnsNames(), List.of("127.0.0.1"));

    assertThat(decide(wanted, Fixtures.T0, false)).isEqualTo(new Decision.Issue(Decision.Reason.MISMATCH,
        "IP addresses are [0:0:0:0:0:0:0:1, 127.0.0.1], topology wants [127.0.0.1]"));
  }

  @Test
  void reissuesWhenTheSubjectChanged() {
    CertificateProfile wanted = new CertificateProfile(profile.kind(), "kes2", profile.dnsNames(),
        profile.ipAddresses(), profile.keyType(), profile.validity(), profile.renewBefore());

    assertThat(decide(wanted, Fixtures.T0, false)).isEqualTo(new Decision.Issue(Decision.Reason.MISMATCH,
        "subject is CN=kes, topology wants CN=kes2"));
  }

  @Test
  void reissuesWhenTheUseChanged() {
    CertificateProfile wanted = new CertificateProfile(CertificateProfile.Kind.CLIENT, "kes", profile.dnsNames(),
        profile.ipAddresses(), profile.keyType(), profile.validity(), profile.renewBefore());

    assertThat(decide(wanted, Fixtures.T0, false)).isEqualTo(new Decision.Issue(Decision.Reason.MISMATCH,
        "use is SERVER, topology wants CLIENT"));
  }

  @Test
  void namesEveryDifference() {
    CertificateProfile wanted = with(profile, KeyType.RSA_2048, List.of("other"), List.of());

    Decision decision = decide(wanted, Fixtures.T0, false);

    assertThat(((Decision.Issue) decision).detail()).contains("key type", "DNS names", "IP addresses");
  }

  @Test
  void keepsWhenNamesOnlyChangedOrderCaseOrIpSpelling() {
    CertificateProfile wanted = with(profile, profile.keyType(),
        List.of("KES.example.org", "kes.kes-ns.svc", "kes.kes-ns"), List.of("0:0::1", "127.0.0.1"));

    assertThat(decide(wanted, Fixtures.T0, false)).isEqualTo(new Decision.Keep());
  }

  @Test
  void keepsWhenOnlyTheValidityGrew() {
    // a shorter validity renews certificates issued for longer (CertificateIntegrityTest)
    CertificateProfile wanted = new CertificateProfile(profile.kind(), profile.commonName(), profile.dnsNames(),
        profile.ipAddresses(), profile.keyType(), new GoDuration(730, 'd'), new GoDuration(7, 'd'));

    assertThat(decide(wanted, Fixtures.T0, false)).isEqualTo(new Decision.Keep());
  }

  private Decision decide(CertificateProfile wanted, Instant now, boolean rotate) {
    return RenewalPolicy.decide(Optional.of(certificate), wanted, now, rotate);
  }

  private static CertificateProfile with(CertificateProfile p, KeyType keyType, List<String> dns, List<String> ips) {
    return new CertificateProfile(p.kind(), p.commonName(), dns, ips, keyType, p.validity(), p.renewBefore());
  }
}

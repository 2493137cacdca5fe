package dev.kesgen.pki;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides, as a pure function of its arguments, whether a committed certificate is kept or reissued.
 *
 * <p>Checks in this order, first match wins: no certificate ({@code MISSING}); rotation asked for
 * ({@code ROTATION_REQUESTED}); not a certificate kesgen issues, that is not self-signed by its own key, a CA, or
 * other key usages ({@code INVALID}, naming every problem); subject, use, key type or SANs differ, or the
 * certificate is valid for longer than {@code validity} ({@code MISMATCH}, naming every difference);
 * {@code now < notBefore} ({@code NOT_YET_VALID}: exactly at {@code notBefore} it is valid, as for Go, with no
 * allowance for clock skew; kesgen's own certificates start one minute before they are issued, so a run never flags
 * what it just issued); {@code notAfter - now <= renewBefore} ({@code EXPIRING}; so exactly at the boundary the
 * certificate is renewed, and an expired one is too). SANs compare as sets, DNS names case-insensitively, IPs in canonical form, so
 * reordering names in the topology does not reissue. A longer {@code validity} does not reissue; a shorter one
 * reissues every certificate issued for longer.
 */
public final class RenewalPolicy {
  private RenewalPolicy() {}

  /** The decision for the committed certificate (if any), the wanted profile, the current time and a rotation wish. */
  public static Decision decide(
      Optional<X509Certificate> committed, CertificateProfile wanted, Instant now, boolean rotationRequested) {
    return decide(committed, wanted, now, rotationRequested, false);
  }

  /**
   * As {@link #decide(Optional, CertificateProfile, Instant, boolean)}, where {@code signatureVerified} says that
   * this very certificate's self-signature was already verified ({@link VerifiedPairs}): only that one check is
   * skipped; every other integrity rule, the topology's comparison and expiry against {@code now} are decided here.
   */
  static Decision decide(Optional<X509Certificate> committed, CertificateProfile wanted, Instant now,
      boolean rotationRequested, boolean signatureVerified) {
    Objects.requireNonNull(wanted, "wanted");
    Objects.requireNonNull(now, "now");
    if (committed.isEmpty()) {
      return new Decision.Issue(Decision.Reason.MISSING, "no certificate yet");
    }
    if (rotationRequested) {
      return new Decision.Issue(Decision.Reason.ROTATION_REQUESTED, "rotation requested");
    }
    List<String> problems = CertificateIntegrity.problems(committed.get(), signatureVerified);
    if (!problems.isEmpty()) {
      return new Decision.Issue(Decision.Reason.INVALID, "not a certificate kesgen issues: " + String.join("; ", problems));
    }
    return decide(CertificateFacts.of(committed.get()), wanted, now);
  }

  /**
   * The decision for a committed certificate with these facts that has no integrity problem (its exact bytes were
   * found to have none, see {@link VerifiedPairs}) and no rotation asked for: the topology's comparison, lifetime
   * and validity against {@code now}, decided as for a parsed certificate.
   */
  static Decision decide(CertificateFacts facts, CertificateProfile wanted, Instant now) {
    Objects.requireNonNull(wanted, "wanted");
    Objects.requireNonNull(now, "now");
    List<String> differences = differences(facts, wanted);
    differences.addAll(CertificateIntegrity.lifetime(facts, wanted));
    if (!differences.isEmpty()) {
      return new Decision.Issue(Decision.Reason.MISMATCH, String.join("; ", differences));
    }
    if (now.isBefore(facts.notBefore())) {
      // Go rejects a certificate before its NotBefore, with no skew allowed: "if now.Before(c.NotBefore)"
      // (golang/go@go1.26.8:src/crypto/x509/verify.go:459), so MinIO would refuse this KES server certificate
      return new Decision.Issue(Decision.Reason.NOT_YET_VALID, "not valid until " + facts.notBefore()
          + ", later than now (" + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
    }
    Duration left = Duration.between(now, facts.notAfter());
    Duration renewBefore = wanted.renewBefore().toDuration();
    if (left.compareTo(renewBefore) <= 0) {
      String when = left.isNegative() || left.isZero() ? "expired " : "expires ";
      return new Decision.Issue(Decision.Reason.EXPIRING,
          when + facts.notAfter() + ", within renewBefore " + wanted.renewBefore());
    }
    return new Decision.Keep();
  }

  private static List<String> differences(CertificateFacts facts, CertificateProfile wanted) {
    List<String> out = new ArrayList<>();
    String subject = CertificateFacts.subjectOf(wanted);
    if (!facts.subject().equals(subject)) {
      out.add("subject is " + facts.subject() + ", topology wants " + subject);
    }
    if (!facts.kind().equals(Optional.of(wanted.kind()))) {
      out.add("use is " + facts.kind().map(Enum::name).orElse("unknown") + ", topology wants " + wanted.kind());
    }
    if (!facts.keyType().equals(Optional.of(wanted.keyType()))) {
      out.add("key type is " + facts.keyType().map(Object::toString).orElse("unsupported")
          + ", topology wants " + wanted.keyType());
    }
    TreeSet<String> haveDns = new TreeSet<>(facts.dnsNames());
    TreeSet<String> wantDns = new TreeSet<>(wanted.dnsNames().stream().map(CertificateFacts::dnsName).toList());
    if (!haveDns.equals(wantDns)) {
      out.add("DNS names are " + haveDns + ", topology wants " + wantDns);
    }
    TreeSet<String> haveIps = new TreeSet<>(facts.ipAddresses());
    TreeSet<String> wantIps = new TreeSet<>(wanted.ipAddresses().stream().map(CertificateFacts::ipAddress).toList());
    if (!haveIps.equals(wantIps)) {
      out.add("IP addresses are " + haveIps + ", topology wants " + wantIps);
    }
    return out;
  }
}

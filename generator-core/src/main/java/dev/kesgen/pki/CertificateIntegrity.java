package dev.kesgen.pki;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a committed certificate is one kesgen issues at all, whatever the topology says: self-signed by its own
 * key (issuer = subject, signature valid), {@code CA:FALSE}, exactly kesgen's key usage and one extended key usage.
 * A certificate that fails any of these was not written by kesgen as it stands (it was swapped, edited or forged),
 * so it must never be kept: its identity would flow into the KES policy and the tenants' trust.
 */
final class CertificateIntegrity {
  private static final String[] KEY_USAGE = {
      "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign",
      "cRLSign", "encipherOnly", "decipherOnly"};
  /** The one minute {@link CertificateIssuer} backdates by, on top of {@code validity}. */
  static final Duration BACKDATE = Duration.ofMinutes(1);

  private CertificateIntegrity() {}

  /** Every reason this certificate is not one kesgen issues; empty if there is none. */
  static List<String> problems(X509Certificate certificate) {
    return problems(certificate, false);
  }

  /**
   * As {@link #problems(X509Certificate)}; with {@code signatureVerified} the signature is not verified again (an
   * earlier run verified exactly these bytes, see {@link VerifiedPairs}), every other rule is.
   */
  static List<String> problems(X509Certificate certificate, boolean signatureVerified) {
    List<String> problems = new ArrayList<>();
    if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
      problems.add("issuer " + certificate.getIssuerX500Principal().getName() + " is not its subject (not self-signed)");
    } else if (!signatureVerified && !signedByItsOwnKey(certificate)) {
      problems.add("its signature does not verify with its own public key");
    }
    if (certificate.getBasicConstraints() != -1) {
      problems.add("it is a CA certificate (basicConstraints CA:TRUE)");
    } else if (certificate.getExtensionValue("2.5.29.19") == null) {
      problems.add("it has no basicConstraints extension (kesgen writes CA:FALSE)");
    }
    List<String> usage = keyUsage(certificate);
    // by the certificate's own key: a change of key type in the topology is a MISMATCH, not a forgery
    List<String> expected = "RSA".equals(certificate.getPublicKey().getAlgorithm())
        ? List.of("digitalSignature", "keyEncipherment") : List.of("digitalSignature");
    if (!usage.equals(expected)) {
      problems.add("key usage is " + usage + ", kesgen issues " + expected);
    }
    try {
      List<String> eku = certificate.getExtendedKeyUsage();
      if (eku == null || eku.size() != 1) {
        problems.add("extended key usage is " + (eku == null ? "[]" : eku) + ", kesgen issues exactly one");
      }
    } catch (CertificateParsingException e) {
      problems.add("its extended key usage cannot be read");
    }
    return problems;
  }

  /**
   * Why this certificate's lifetime is longer than a certificate of this profile would get, if it is: kesgen issues
   * for {@code validity} plus the one-minute backdate.
   */
  static List<String> lifetime(X509Certificate certificate, CertificateProfile wanted) {
    return lifetime(CertificateFacts.of(certificate), wanted);
  }

  /** As {@link #lifetime(X509Certificate, CertificateProfile)}, from the certificate's facts. */
  static List<String> lifetime(CertificateFacts facts, CertificateProfile wanted) {
    Duration lifetime = Duration.between(facts.notBefore(), facts.notAfter());
    Duration allowed = wanted.validity().toDuration().plus(BACKDATE);
    if (lifetime.compareTo(allowed) <= 0) {
      return List.of();
    }
    return List.of("valid for " + describe(lifetime) + " (" + facts.notBefore() + " to "
        + facts.notAfter() + "), longer than validity " + wanted.validity() + " allows");
  }

  /**
   * Verifies the signature over the TBS bytes with BouncyCastle's {@code Signature} directly: about half the cost of
   * going through {@code X509CertificateHolder} and a content-verifier provider, which a no-op run over 10,000
   * certificates spent most of its time in. The JDK's certificate parser has already refused a certificate whose
   * inner and outer signature algorithms differ, the one check the holder adds.
   */
  private static boolean signedByItsOwnKey(X509Certificate certificate) {
    try {
      Signature signature = Signature.getInstance(certificate.getSigAlgName(), CertificateIssuer.signer());
      signature.initVerify(certificate.getPublicKey());
      signature.update(certificate.getTBSCertificate());
      return signature.verify(certificate.getSignature());
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static List<String> keyUsage(X509Certificate certificate) {
    boolean[] bits = certificate.getKeyUsage();
    List<String> names = new ArrayList<>();
    if (bits != null) {
      for (int i = 0; i < bits.length; i++) {
        if (bits[i]) {
          names.add(i < KEY_USAGE.length ? KEY_USAGE[i] : "bit " + i);
        }
      }
    }
    return names;
  }

  private static String describe(Duration duration) {
    long days = duration.toDays();
    Duration rest = duration.minusDays(days);
    StringBuilder text = new StringBuilder().append(days).append('d');
    if (rest.toHours() > 0) {
      text.append(' ').append(rest.toHours()).append('h');
    }
    if (rest.toMinutesPart() > 0) {
      text.append(' ').append(rest.toMinutesPart()).append('m');
    }
    return text.toString();
  }
}

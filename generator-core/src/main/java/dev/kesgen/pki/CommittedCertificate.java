package dev.kesgen.pki;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate as a run commits it: its PEM text (the exact bytes of the certificate file), their SHA-256 and the
 * {@link CertificateFacts} decisions need. The parsed {@link X509Certificate} is made only when asked for: a
 * certificate kept through the facts cache ({@link VerifiedPairs}) is decided from its facts, and a no-op run never
 * needs it parsed.
 */
public final class CommittedCertificate {
  private final String pem;
  private final String sha256;
  private final CertificateFacts facts;
  private volatile X509Certificate parsed;

  private CommittedCertificate(String pem, String sha256, CertificateFacts facts, X509Certificate parsed) {
    this.pem = Objects.requireNonNull(pem, "pem");
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    this.facts = Objects.requireNonNull(facts, "facts");
    this.parsed = parsed;
  }

  /** This parsed certificate, in kesgen's own PEM encoding. */
  public static CommittedCertificate of(X509Certificate certificate) {
    String pem = Pem.encodeCertificate(certificate);
    return new CommittedCertificate(pem, sha256(pem), CertificateFacts.of(certificate), certificate);
  }

  /** A certificate known by its exact text, whose hash and facts an earlier run recorded; parsed on demand. */
  static CommittedCertificate cached(String pem, String sha256, CertificateFacts facts) {
    return new CommittedCertificate(pem, sha256, facts, null);
  }

  /** The PEM text to commit. */
  public String pem() {
    return pem;
  }

  /** Lowercase hex SHA-256 of {@link #pem()}'s UTF-8 bytes, the file's content once committed. */
  public String sha256() {
    return sha256;
  }

  /** What kesgen compares in it. */
  public CertificateFacts facts() {
    return facts;
  }

  /** The parsed certificate, parsing {@link #pem()} the first time it is asked for. */
  public X509Certificate certificate() {
    X509Certificate certificate = parsed;
    if (certificate == null) {
      certificate = Pem.decodeCertificate(pem);
      parsed = certificate;
    }
    return certificate;
  }

  /** Whether the X.509 certificate has been parsed (for tests proving the cache is used). */
  boolean isParsed() {
    return parsed != null;
  }

  static String sha256(String pem) {
    return VerifiedPairs.sha256(pem.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CommittedCertificate c && c.pem.equals(pem) && c.facts.equals(facts);
  }

  @Override
  public int hashCode() {
    return pem.hashCode();
  }

  @Override
  public String toString() {
    return "CommittedCertificate[" + facts.subject() + ", sha256 " + sha256 + "]";
  }
}

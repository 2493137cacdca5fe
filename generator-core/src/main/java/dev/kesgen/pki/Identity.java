package dev.kesgen.pki;

import dev.kesgen.topology.NameRules;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * A KES identity: lowercase hex SHA-256 of the DER SubjectPublicKeyInfo of a certificate (minio/kes auth.go).
 *
 * @param hex 64 lowercase hex digits
 */
public record Identity(String hex) {
  public Identity {
    Objects.requireNonNull(hex, "hex");
    if (!NameRules.isIdentity(hex)) {
      throw new IllegalArgumentException("an identity is 64 lowercase hex digits: " + hex);
    }
  }

  /** The identity of this certificate, from the SubjectPublicKeyInfo bytes exactly as the certificate carries them. */
  public static Identity of(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    try {
      // Hash the certificate's own SPKI bytes rather than the JDK's re-encoding of the key, as KES (Go) does.
      byte[] spki = Certificate.getInstance(certificate.getEncoded())
          .getSubjectPublicKeyInfo()
          .getEncoded(ASN1Encoding.DER);
      return ofSpki(spki);
    } catch (CertificateEncodingException | java.io.IOException e) {
      throw new PkiException("cannot read the public key of certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  /** The identity of a certificate carrying this public key (its X.509 encoding is the DER SubjectPublicKeyInfo). */
  public static Identity of(PublicKey publicKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    if (!"X.509".equals(publicKey.getFormat())) {
      throw new IllegalArgumentException("public key is not X.509 encoded: " + publicKey.getFormat());
    }
    return ofSpki(publicKey.getEncoded());
  }

  /** The identity of the DER SubjectPublicKeyInfo {@code spki}: its SHA-256 in lowercase hex. */
  static Identity ofSpki(byte[] spki) {
    try {
      return new Identity(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}

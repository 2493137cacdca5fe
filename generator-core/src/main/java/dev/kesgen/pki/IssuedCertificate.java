package dev.kesgen.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A freshly issued certificate with its new private key; the key exists only in memory until the secrets writer
 * stores it.
 *
 * @param certificate the self-signed certificate
 * @param privateKey its private key
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {
  public IssuedCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "IssuedCertificate[" + certificate.getSubjectX500Principal() + ", private key hidden]";
  }
}

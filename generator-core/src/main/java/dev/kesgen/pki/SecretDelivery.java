package dev.kesgen.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes TLS Secret a run delivers: the certificate's outcome (with its private key where one is at hand)
 * and the certificate its owner must trust.
 *
 * @param outcome the certificate's outcome
 * @param peerCertificate the certificate the owner must trust, delivered as {@code ca.crt} (the KES server
 *     certificate for a tenant and the provisioner); empty for none
 */
public record SecretDelivery(CertificateOutcome outcome, Optional<X509Certificate> peerCertificate) {
  public SecretDelivery {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(peerCertificate, "peerCertificate");
  }

  /** The certificate this delivers. */
  public CertificateTarget target() {
    return outcome.target();
  }

  /** The Secret with its private key, when the key is at hand. */
  public Optional<KubernetesTlsSecret> secret() {
    CertificateTarget target = outcome.target();
    return outcome.privateKeyPem().map(key -> new KubernetesTlsSecret(target.secretName(), target.secretNamespace(),
        outcome.certificatePem(), key, peerCertificate.map(Pem::encodeCertificate)));
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "SecretDelivery[" + outcome.target().name() + "]";
  }
}

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
        outcome.certificatePem(), key, peerCertificate.map(Pem::encodeCertificate), configEnv(key)));
  }

  /**
   * The {@code config.env} of an API-key target made from its private key, checked against the certificate's
   * identity; empty for a certificate.
   */
  public Optional<String> configEnv(String privateKeyPem) {
    if (!outcome.target().apiKey()) {
      return Optional.empty();
    }
    KesApiKey key = KesApiKey.fromPrivateKeyPem(privateKeyPem);
    if (!key.identity().equals(outcome.identity())) {
      throw new PkiException("the API key of " + outcome.target().name() + " does not belong to its committed record "
          + outcome.target().certificatePath() + "; rotate " + outcome.target().id().rotationName());
    }
    return Optional.of(key.configEnv());
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "SecretDelivery[" + outcome.target().name() + "]";
  }
}

package dev.kesgen.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Where the private keys and Kubernetes Secrets of a run are delivered. {@link SecretsDirectory} is the first;
 * {@link #prepare} is called for every certificate before the output is touched, {@link #store} after it was written.
 */
public interface SecretSink {
  /**
   * Makes sure {@link #store} can deliver what this outcome needs, so that a sink that cannot take new keys fails
   * the run before certificates whose keys would be lost are committed.
   *
   * @throws PkiException if it cannot
   */
  void prepare(CertificateOutcome outcome);

  /**
   * Delivers what the outcome has: a new private key, and the Secret whenever the key is at hand.
   *
   * @param peerCertificate the certificate the owner must trust ({@code ca.crt}); empty for none
   * @throws PkiException if it cannot
   */
  StoredSecrets store(CertificateOutcome outcome, Optional<X509Certificate> peerCertificate);
}

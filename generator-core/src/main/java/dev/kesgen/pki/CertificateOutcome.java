package dev.kesgen.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of maintaining one certificate: the certificate to commit, its identity and expiry, what was done and
 * why, and the private key where one is at hand.
 *
 * @param target the certificate this is about
 * @param committed the certificate to commit (kept or new): its PEM text, byte-identical for a kept certificate
 *     written by kesgen, and its facts; parsed only when {@link #certificate()} is asked for
 * @param identity its KES identity
 * @param action what was done
 * @param decision the decision with its reason
 * @param privateKeyPem the PKCS#8 PEM of its private key: the new key for ISSUED and RENEWED (not yet written),
 *     the local key for KEPT; empty for KEPT_KEY_ABSENT
 */
public record CertificateOutcome(
    CertificateTarget target,
    CommittedCertificate committed,
    Identity identity,
    Action action,
    Decision decision,
    Optional<String> privateKeyPem) {

  /** What kesgen did with a certificate. */
  public enum Action {
    /** No certificate existed; a new key and certificate were made. */
    ISSUED,
    /** A certificate existed but was replaced by a new key and certificate (see the decision's reason). */
    RENEWED,
    /** The committed certificate stays and its private key is in the secrets directory. */
    KEPT,
    /**
     * The committed certificate stays; its private key is not in this secrets directory (not an error; a local key
     * of another certificate is one, and fails the run).
     */
    KEPT_KEY_ABSENT;

    /** Whether the committed certificate stayed (whatever became of its key). */
    public boolean isKept() {
      return this == KEPT || this == KEPT_KEY_ABSENT;
    }
  }

  public CertificateOutcome {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(committed, "committed");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }

  /** The outcome for this parsed certificate. */
  public static CertificateOutcome of(CertificateTarget target, X509Certificate certificate, Action action,
      Decision decision, Optional<String> privateKeyPem) {
    return new CertificateOutcome(target, CommittedCertificate.of(certificate), Identity.of(certificate), action,
        decision, privateKeyPem);
  }

  /** The certificate to commit, parsed on first use (a certificate kept from the facts cache is not yet parsed). */
  public X509Certificate certificate() {
    return committed.certificate();
  }

  /** Its PEM text, byte-identical for a kept certificate written by kesgen. */
  public String certificatePem() {
    return committed.pem();
  }

  /** Its expiry. */
  public Instant notAfter() {
    return committed.facts().notAfter();
  }

  /** Whether a new private key was made that the secrets writer must store. */
  public boolean hasNewKey() {
    return action == Action.ISSUED || action == Action.RENEWED;
  }

  /** Never shows the private key. */
  @Override
  public String toString() {
    return "CertificateOutcome[" + target.name() + ", " + action + ", " + decision + ", identity " + identity
        + ", expires " + notAfter() + ", private key " + (privateKeyPem.isPresent() ? "hidden" : "absent") + "]";
  }
}

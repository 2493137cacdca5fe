package dev.kesgen.pki;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Maintains one certificate: reads the committed certificate from the output directory, decides with
 * {@link RenewalPolicy}, and issues a new key and certificate only when needed.
 *
 * <p>It writes nothing: the output writer commits {@link CertificateOutcome#certificatePem()} with the rest of the
 * generated files, and {@link SecretsDirectory} stores the private key. A kept certificate needs no private key:
 * its identity and expiry come from the public certificate. But where its key is present it must belong to it: a
 * local key of another certificate fails the run, naming both files.
 */
public final class CertificateLifecycle {
  private final Clock clock;
  private final CertificateIssuer issuer;

  /** A lifecycle deciding by this clock and issuing with this issuer (which should use the same clock). */
  public CertificateLifecycle(Clock clock, CertificateIssuer issuer) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
  }

  /** A lifecycle with an issuer on the same clock and a fresh {@link SecureRandom}. */
  public CertificateLifecycle(Clock clock) {
    this(clock, new CertificateIssuer(clock));
  }

  /**
   * The outcome for this certificate.
   *
   * @param target the certificate
   * @param outputDirectory where committed certificates are read from ({@code target.certificatePath()} below it)
   * @param secretsDirectory where its private key may be ({@code target.keyPath()} below it)
   * @param rotationRequested whether a new key and certificate were asked for by name
   */
  public CertificateOutcome maintain(
      CertificateTarget target, Path outputDirectory, Path secretsDirectory, boolean rotationRequested) {
    return maintain(target, outputDirectory, KeySource.directory(secretsDirectory), rotationRequested);
  }

  /**
   * The outcome for this certificate, reading a kept certificate's private key from {@code keys}.
   *
   * @param target the certificate
   * @param outputDirectory where committed certificates are read from ({@code target.certificatePath()} below it)
   * @param keys where the private keys of kept certificates are
   * @param rotationRequested whether a new key and certificate were asked for by name
   */
  public CertificateOutcome maintain(
      CertificateTarget target, Path outputDirectory, KeySource keys, boolean rotationRequested) {
    return maintain(target, outputDirectory, keys, VerifiedPairs.NONE, rotationRequested);
  }

  /**
   * The outcome for this certificate, as {@link #maintain(CertificateTarget, Path, KeySource, boolean)}, skipping
   * the signature and key-pair checks for a certificate and key whose exact bytes {@code verified} holds; every
   * other rule and the renewal decision (by this lifecycle's clock) are decided as without it.
   */
  public CertificateOutcome maintain(CertificateTarget target, Path outputDirectory, KeySource keys,
      VerifiedPairs verified, boolean rotationRequested) {
    Path certificateFile = outputDirectory.resolve(target.certificatePath());
    Optional<X509Certificate> committed = readCertificate(certificateFile);
    // The local key is read first only for a certificate an earlier run verified (by its path and its DER's hash); a
    // key that cannot be read here is read again, and reported, below.
    Optional<String> knownKey = Optional.empty();
    String path = target.certificatePath();
    if (committed.isPresent() && !rotationRequested && verified.knows(path, committed.get())) {
      try {
        knownKey = keys.privateKeyPem(target).filter(pem -> verified.verified(path, committed.get(), pem));
      } catch (PkiException e) {
        knownKey = Optional.empty();
      }
    }
    Decision decision = RenewalPolicy.decide(committed, target.profile(), clock.instant(), rotationRequested,
        knownKey.isPresent());
    if (decision instanceof Decision.Issue issue) {
      IssuedCertificate issued = issuer.issue(target.profile());
      CertificateOutcome.Action action = issue.reason() == Decision.Reason.MISSING
          ? CertificateOutcome.Action.ISSUED : CertificateOutcome.Action.RENEWED;
      return outcome(target, issued.certificate(), action, decision,
          Optional.of(Pem.encodePrivateKey(issued.privateKey())));
    }
    X509Certificate certificate = committed.orElseThrow();
    if (knownKey.isPresent()) {
      // exactly the key bytes an earlier run decoded and found to belong to exactly this certificate
      return outcome(target, certificate, CertificateOutcome.Action.KEPT, decision, knownKey);
    }
    Optional<String> local = keys.privateKeyPem(target);
    if (local.isEmpty()) {
      return outcome(target, certificate, CertificateOutcome.Action.KEPT_KEY_ABSENT, decision, Optional.empty());
    }
    String keyPem = local.get();
    PrivateKey key;
    try {
      key = Pem.decodePrivateKey(keyPem);
    } catch (PkiException e) {
      throw new PkiException("the private key " + target.keyPath() + " in the secrets directory: " + e.getMessage()
          + "; restore the key, or delete it and rotate " + target.id().rotationName() + " to issue a new one", e);
    }
    if (!KeyPairCheck.belongsTo(key, certificate)) {
      // One of the two was replaced: keeping the certificate would deploy an identity nobody here holds the key of,
      // and delivering the key would pair it with a certificate it does not belong to.
      throw new PkiException("the committed certificate " + certificateFile + " and the private key " + target.keyPath()
          + " in the secrets directory do not belong together; one of them was replaced. If the certificate is what"
          + " is deployed, restore its key; if the key is, restore the certificate from version control; or rotate "
          + target.id().rotationName() + " to issue a new pair");
    }
    return outcome(target, certificate, CertificateOutcome.Action.KEPT, decision, Optional.of(keyPem));
  }

  private static CertificateOutcome outcome(CertificateTarget target, X509Certificate certificate,
      CertificateOutcome.Action action, Decision decision, Optional<String> keyPem) {
    return new CertificateOutcome(target, certificate, Pem.encodeCertificate(certificate), Identity.of(certificate),
        certificate.getNotAfter().toInstant(), action, decision, keyPem);
  }

  private static Optional<X509Certificate> readCertificate(Path file) {
    Optional<String> pem = read(file);
    if (pem.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pem.decodeCertificate(pem.get()));
    } catch (PkiException e) {
      throw new PkiException(file + ": " + e.getMessage()
          + "; restore it from version control, or delete it to issue a new certificate", e);
    }
  }

  /** The committed certificate's text, read as every file is ({@link RegularFiles}): no link, FIFO or device. */
  private static Optional<String> read(Path file) {
    try {
      return RegularFiles.readIfPresent(file, InputKind.CERTIFICATE)
          .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    } catch (UnsafeFileException e) {
      throw new PkiException(e.getMessage(), e);
    } catch (IOException e) {
      throw new PkiException("cannot read " + file + ": " + dev.kesgen.files.Failures.describe(e), e);
    }
  }
}

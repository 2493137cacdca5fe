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
  private final java.util.concurrent.atomic.AtomicInteger parses = new java.util.concurrent.atomic.AtomicInteger();

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
   * The outcome for this certificate, as {@link #maintain(CertificateTarget, Path, KeySource, boolean)}, using what
   * {@code verified} holds for a certificate file whose exact bytes (and path) an earlier run verified with a key:
   * such a certificate is not parsed, its integrity, identity and encoding are taken from the entry, and its key is
   * accepted if it is exactly the key file verified with it. The decision from the topology, lifetime, rotation and
   * the clock is made every run, from the entry's facts.
   */
  public CertificateOutcome maintain(CertificateTarget target, Path outputDirectory, KeySource keys,
      VerifiedPairs verified, boolean rotationRequested) {
    Path certificateFile = outputDirectory.resolve(target.certificatePath());
    String path = target.certificatePath();
    Optional<byte[]> bytes = read(certificateFile);
    Optional<VerifiedPairs.Entry> known = bytes.isPresent() && !rotationRequested
        ? verified.known(path, VerifiedPairs.sha256(bytes.get())) : Optional.empty();
    if (known.isPresent()) {
      VerifiedPairs.Entry entry = known.get();
      CommittedCertificate committed = CommittedCertificate.cached(
          new String(bytes.get(), StandardCharsets.UTF_8), entry.certificate(), entry.facts());
      Decision decision = RenewalPolicy.decide(entry.facts(), target.profile(), clock.instant());
      if (decision instanceof Decision.Issue issue) {
        return issue(target, issue);
      }
      Optional<String> knownKey;
      try {
        knownKey = keys.privateKeyPem(target).filter(pem -> verified.verified(path, entry.certificate(), pem));
      } catch (PkiException e) {
        knownKey = Optional.empty(); // read again, and reported, below
      }
      if (knownKey.isPresent()) {
        // exactly the key bytes an earlier run decoded and found to belong to exactly this certificate
        return new CertificateOutcome(target, committed, entry.identity(), CertificateOutcome.Action.KEPT, decision,
            knownKey);
      }
      return kept(target, certificateFile, committed, entry.identity(), decision, keys);
    }
    Optional<X509Certificate> parsed = bytes.map(b -> parse(certificateFile, b));
    Decision decision = RenewalPolicy.decide(parsed, target.profile(), clock.instant(), rotationRequested, false);
    if (decision instanceof Decision.Issue issue) {
      return issue(target, issue);
    }
    X509Certificate certificate = parsed.orElseThrow();
    return kept(target, certificateFile, CommittedCertificate.of(certificate), Identity.of(certificate), decision,
        keys);
  }

  private CertificateOutcome issue(CertificateTarget target, Decision.Issue issue) {
    IssuedCertificate issued = issuer.issue(target.profile());
    CertificateOutcome.Action action = issue.reason() == Decision.Reason.MISSING
        ? CertificateOutcome.Action.ISSUED : CertificateOutcome.Action.RENEWED;
    return CertificateOutcome.of(target, issued.certificate(), action, issue,
        Optional.of(Pem.encodePrivateKey(issued.privateKey())));
  }

  /** A kept certificate whose key is not known to belong to it: the local key, if any, is checked against it. */
  private static CertificateOutcome kept(CertificateTarget target, Path certificateFile, CommittedCertificate committed,
      Identity identity, Decision decision, KeySource keys) {
    Optional<String> local = keys.privateKeyPem(target);
    if (local.isEmpty()) {
      return new CertificateOutcome(target, committed, identity, CertificateOutcome.Action.KEPT_KEY_ABSENT, decision,
          Optional.empty());
    }
    String keyPem = local.get();
    PrivateKey key;
    try {
      key = Pem.decodePrivateKey(keyPem);
    } catch (PkiException e) {
      throw new PkiException("the private key " + target.keyPath() + " in the secrets directory: " + e.getMessage()
          + "; restore the key, or delete it and rotate " + target.id().rotationName() + " to issue a new one", e);
    }
    if (!KeyPairCheck.belongsTo(key, committed.certificate())) {
      // One of the two was replaced: keeping the certificate would deploy an identity nobody here holds the key of,
      // and delivering the key would pair it with a certificate it does not belong to.
      throw new PkiException("the committed certificate " + certificateFile + " and the private key " + target.keyPath()
          + " in the secrets directory do not belong together; one of them was replaced. If the certificate is what"
          + " is deployed, restore its key; if the key is, restore the certificate from version control; or rotate "
          + target.id().rotationName() + " to issue a new pair");
    }
    return new CertificateOutcome(target, committed, identity, CertificateOutcome.Action.KEPT, decision,
        Optional.of(keyPem));
  }

  /** How many committed certificates this lifecycle has X.509-parsed (for tests proving the facts cache is used). */
  int parses() {
    return parses.get();
  }

  private X509Certificate parse(Path file, byte[] bytes) {
    parses.incrementAndGet();
    try {
      return Pem.decodeCertificate(new String(bytes, StandardCharsets.UTF_8));
    } catch (PkiException e) {
      throw new PkiException(file + ": " + e.getMessage()
          + "; restore it from version control, or delete it to issue a new certificate", e);
    }
  }

  /** The committed certificate's text, read as every file is ({@link RegularFiles}): no link, FIFO or device. */
  private static Optional<byte[]> read(Path file) {
    try {
      return RegularFiles.readIfPresent(file, InputKind.CERTIFICATE);
    } catch (UnsafeFileException e) {
      throw new PkiException(e.getMessage(), e);
    } catch (IOException e) {
      throw new PkiException("cannot read " + file + ": " + dev.kesgen.files.Failures.describe(e), e);
    }
  }
}

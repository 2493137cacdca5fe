package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification cache: what it skips, what it never hides, and when it is not trusted. */
class VerifiedPairsTest {
  @TempDir Path root;

  private final Instance instance = Fixtures.instance(KeyType.ECDSA_P256, KeyType.ED25519);
  private final CertificateTarget target = CertificateTarget.server(instance);

  @Test
  void aKeptPairIsRecordedOwnerOnlyAndFoundAgain() throws IOException {
    CertificateOutcome kept = warm();

    VerifiedPairs pairs = VerifiedPairs.read(secrets());

    assertThat(pairs.size()).isEqualTo(1);
    assertThat(pairs.verified(target.certificatePath(), kept.certificate(), kept.privateKeyPem().orElseThrow()))
        .isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache()))).isEqualTo("rw-------");
    assertThat(Files.readString(cache())).doesNotContain(kept.privateKeyPem().orElseThrow().lines().skip(1)
        .findFirst().orElseThrow());
  }

  @Test
  void anotherKeyFileForTheSameCertificateIsNotVerified() throws IOException {
    CertificateOutcome kept = warm();

    VerifiedPairs pairs = VerifiedPairs.read(secrets());

    assertThat(pairs.verified(target.certificatePath(), kept.certificate(), kept.privateKeyPem().orElseThrow() + "\n"))
        .isFalse();
  }

  @Test
  void theCacheNeverHidesExpiry() throws IOException {
    CertificateOutcome kept = warm();
    Instant due = kept.notAfter().minus(Duration.ofDays(30));

    CertificateOutcome later = lifecycle(due).maintain(target, output(), KeySource.directory(secrets()),
        VerifiedPairs.read(secrets()), false);

    assertThat(later.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(((Decision.Issue) later.decision()).reason()).isEqualTo(Decision.Reason.EXPIRING);
  }

  @Test
  void aCacheOthersCanReadOrWriteIsIgnored() throws IOException {
    warm();
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-rw-r--"));

    assertThat(VerifiedPairs.read(secrets()).size()).isZero();
  }

  @Test
  void aLinkedOrCorruptOrMissingCacheIsIgnored() throws IOException {
    warm();
    String text = Files.readString(cache());
    Path elsewhere = root.resolve("elsewhere");
    Files.writeString(elsewhere, text);
    Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
    Files.delete(cache());
    assertThat(VerifiedPairs.read(secrets()).size()).isZero();

    Files.createSymbolicLink(cache(), elsewhere);
    assertThat(VerifiedPairs.read(secrets()).size()).isZero();

    Files.delete(cache());
    Files.writeString(cache(), text.replace(' ', '_'), StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-------"));
    assertThat(VerifiedPairs.read(secrets()).size()).isZero();
  }

  @Test
  void anEntryVouchesOnlyForTheCertificateAtItsOwnPath() throws IOException {
    CertificateOutcome kept = warm();
    String key = kept.privateKeyPem().orElseThrow();

    VerifiedPairs pairs = VerifiedPairs.read(secrets());

    assertThat(pairs.knows("kes/dev/server.crt", kept.certificate())).isTrue();
    assertThat(pairs.knows("kes/prod/server.crt", kept.certificate())).isFalse();
    assertThat(pairs.verified("kes/prod/server.crt", kept.certificate(), key)).isFalse();
    assertThat(Files.readString(cache())).contains("\nkes/dev/server.crt " + VerifiedPairs.certificateHash(
        kept.certificate()) + " " + VerifiedPairs.keyHash(key) + " " + kept.identity().hex() + " ");
  }

  @Test
  void anEntryForAnotherPathDoesNotSkipTheSignatureCheckOfTheSameBytesHere() throws IOException {
    // The attack: a certificate signed by another key, over the committed public key (so the local key belongs to it),
    // and a cache entry for exactly those bytes and that key file, but recorded for another certificate's path.
    CertificateOutcome kept = warm();
    String key = kept.privateKeyPem().orElseThrow();
    Forgery forgery = new Forgery();
    forgery.subjectKey = new java.security.KeyPair(kept.certificate().getPublicKey(), Pem.decodePrivateKey(key));
    forgery.signingKey = Forgery.key(target.profile().keyType()).getPrivate();
    java.security.cert.X509Certificate forged = forgery.server(target.profile());
    Files.writeString(output().resolve(target.certificatePath()), Pem.encodeCertificate(forged));
    plantCache(entry("kes/other/server.crt", forged, key));
    CertificateOutcome elsewhere = keep();
    plantCache(entry("kes/dev/server.crt", forged, key));
    CertificateOutcome here = keep();

    assertThat(elsewhere.decision()).isInstanceOf(Decision.Issue.class);
    assertThat(((Decision.Issue) elsewhere.decision()).detail())
        .startsWith("not a certificate kesgen issues: its signature does not verify with its own public key");
    // the same entry at this path is what skips the check: only the path binding stopped the forgery above
    assertThat(here.action()).isEqualTo(CertificateOutcome.Action.KEPT);
  }

  @Test
  void aCacheOwnedByAnotherUserIsIgnoredSoAForgeryItVouchesForIsCaught() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "only root can give a file to another user");
    // The attack: another user (who can write the secrets directory) plants an owner-only cache vouching for a
    // certificate signed by another key over the committed public key.
    CertificateOutcome kept = warm();
    String key = kept.privateKeyPem().orElseThrow();
    Forgery forgery = new Forgery();
    forgery.subjectKey = new java.security.KeyPair(kept.certificate().getPublicKey(), Pem.decodePrivateKey(key));
    forgery.signingKey = Forgery.key(target.profile().keyType()).getPrivate();
    java.security.cert.X509Certificate forged = forgery.server(target.profile());
    Files.writeString(output().resolve(target.certificatePath()), Pem.encodeCertificate(forged));
    plantCache(entry("kes/dev/server.crt", forged, key));
    Files.setOwner(cache(), root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

    CertificateOutcome outcome = keep();

    assertThat(VerifiedPairs.read(secrets()).size()).isZero();
    assertThat(((Decision.Issue) outcome.decision()).detail())
        .startsWith("not a certificate kesgen issues: its signature does not verify with its own public key");
  }

  @Test
  void anotherUsersCacheIsReplacedByThisUsersOwnEvenWithTheSameContent() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "only root can give a file to another user");
    CertificateOutcome kept = warm();
    String text = Files.readString(cache());
    java.nio.file.attribute.UserPrincipal me = Files.getOwner(cache());
    Files.setOwner(cache(), root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

    boolean written = new SecretsDirectory(secrets(), output()).storeVerified(List.of(kept));

    assertThat(written).isTrue();
    assertThat(Files.getOwner(cache(), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isEqualTo(me);
    assertThat(Files.readString(cache())).isEqualTo(text);
    assertThat(VerifiedPairs.read(secrets()).size()).isEqualTo(1);
  }

  @Test
  void aCacheOfTheEarlierFormatWithoutPathsIsIgnored() throws IOException {
    CertificateOutcome kept = warm();
    Files.writeString(cache(), "# kesgen: certificate and key pairs verified in this secrets directory (sha256 of the"
        + " certificate DER, sha256 of the key file); not a secret, never committed, safe to delete\n"
        + VerifiedPairs.certificateHash(kept.certificate()) + " " + VerifiedPairs.keyHash(kept.privateKeyPem()
        .orElseThrow()) + "\n");

    assertThat(VerifiedPairs.read(secrets()).size()).isZero();
  }

  /** A cache line for this certificate and key file at this path, as kesgen writes it (facts included). */
  static String entry(String path, java.security.cert.X509Certificate certificate, String key) {
    return VerifiedPairs.line(path, new VerifiedPairs.Entry(VerifiedPairs.certificateHash(certificate),
        VerifiedPairs.keyHash(key), Identity.of(certificate), CertificateFacts.of(certificate)));
  }

  /** Replaces the cache with kesgen's header and this one line, owner-only, as kesgen writes it. */
  private void plantCache(String line) throws IOException {
    String header = Files.readString(cache()).lines().findFirst().orElseThrow();
    Files.writeString(cache(), header + "\n" + line + "\n", StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-------"));
  }

  /** The committed server certificate maintained with the cache as it is in the secrets directory. */
  private CertificateOutcome keep() {
    return lifecycle(Fixtures.T0.plus(Duration.ofDays(2))).maintain(target, output(), KeySource.directory(secrets()),
        VerifiedPairs.read(secrets()), false);
  }

  /** Issues and stores the server certificate, keeps it once (verifying it) and records the pair. */
  private CertificateOutcome warm() throws IOException {
    CertificateOutcome issued = lifecycle(Fixtures.T0).maintain(target, output(), secrets(), false);
    Path certificate = output().resolve(target.certificatePath());
    Files.createDirectories(certificate.getParent());
    Files.writeString(certificate, issued.certificatePem(), StandardCharsets.UTF_8);
    SecretsDirectory directory = new SecretsDirectory(secrets(), output());
    directory.store(new SecretDelivery(issued, Optional.empty()));
    CertificateOutcome kept = lifecycle(Fixtures.T0.plus(Duration.ofDays(1))).maintain(target, output(),
        KeySource.directory(secrets()), directory.verified(), false);
    assertThat(kept.action()).isEqualTo(CertificateOutcome.Action.KEPT);
    assertThat(directory.storeVerified(List.of(kept))).isTrue();
    return kept;
  }

  private Path cache() {
    return secrets().resolve(VerifiedPairs.FILE);
  }

  private static CertificateLifecycle lifecycle(Instant at) {
    return new CertificateLifecycle(Fixtures.clock(at));
  }

  private Path output() {
    return root.resolve("generated");
  }

  private Path secrets() {
    return root.resolve("secrets");
  }
}

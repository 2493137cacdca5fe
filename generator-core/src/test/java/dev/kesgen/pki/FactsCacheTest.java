package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.CertificateSpec;
import dev.kesgen.topology.GoDuration;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The certificate-facts cache in {@link VerifiedPairs}: a hit skips the X.509 parse and nothing that depends on the
 * topology or the clock, decides exactly as a miss does, and never survives a changed byte or an untrusted file.
 */
class FactsCacheTest {
  @org.junit.jupiter.api.io.TempDir Path root;

  private final Instance instance = Fixtures.instance(KeyType.ECDSA_P256, KeyType.ED25519);
  private final CertificateTarget server = CertificateTarget.server(instance);
  private final CertificateTarget client = CertificateTarget.client(instance, Fixtures.tenant(instance));
  private static final Instant DAY_2 = Fixtures.T0.plus(Duration.ofDays(2));
  /** The header kesgen wrote, read by {@link #warm}. */
  private String header;

  @Test
  void aHitIsNotParsedAndAMissIs() throws Exception {
    warm(server);
    CertificateLifecycle cached = lifecycle(DAY_2);
    CertificateLifecycle uncached = lifecycle(DAY_2);

    CertificateOutcome hit = cached.maintain(server, output(), keys(), VerifiedPairs.read(secrets()), false);
    CertificateOutcome miss = uncached.maintain(server, output(), keys(), VerifiedPairs.NONE, false);

    assertThat(hit.action()).isEqualTo(CertificateOutcome.Action.KEPT);
    assertThat(cached.parses()).isZero();
    assertThat(hit.committed().isParsed()).isFalse();
    assertThat(uncached.parses()).isEqualTo(1);
    // what the outcome still hands out is the committed certificate, parsed when first asked for
    assertThat(hit.certificate().getEncoded()).isEqualTo(miss.certificate().getEncoded());
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aHitDecidesAndEncodesExactlyAsAMiss(KeyType keyType) throws IOException {
    Instance typed = Fixtures.instance(keyType, keyType);
    for (CertificateTarget target : List.of(CertificateTarget.server(typed),
        CertificateTarget.client(typed, Fixtures.tenant(typed)))) {
      warm(target);
      for (Instant at : List.of(DAY_2, Fixtures.T0.plus(Duration.ofDays(300)))) {
        CertificateOutcome hit = lifecycle(at).maintain(target, output(), keys(), VerifiedPairs.read(secrets()), false);
        CertificateOutcome miss = lifecycle(at).maintain(target, output(), keys(), VerifiedPairs.NONE, false);

        assertThat(hit.action()).isEqualTo(CertificateOutcome.Action.KEPT);
        assertThat(hit).isEqualTo(miss);
        assertThat(hit.certificatePem()).isEqualTo(miss.certificatePem())
            .isEqualTo(Files.readString(output().resolve(target.certificatePath())));
        assertThat(hit.committed().sha256()).isEqualTo(miss.committed().sha256());
        assertThat(hit.committed().facts()).isEqualTo(CertificateFacts.of(miss.certificate()));
        assertThat(VerifiedPairs.text(List.of(hit))).isEqualTo(VerifiedPairs.text(List.of(miss)));
      }
    }
  }

  @Test
  void anotherTenantsCertificateSwappedInIsParsedAndRenewedAsWithoutCache() throws IOException {
    warm(server);
    CertificateOutcome other = lifecycle(Fixtures.T0).maintain(client, output(), secrets(), false);
    Files.writeString(output().resolve(server.certificatePath()), other.certificatePem());

    CertificateLifecycle lifecycle = lifecycle(DAY_2);
    String hit = describe(() -> lifecycle.maintain(server, output(), keys(), VerifiedPairs.read(secrets()), false));

    assertThat(lifecycle.parses()).isEqualTo(1);
    assertThat(hit).isEqualTo(describe(() -> lifecycle(DAY_2).maintain(server, output(), keys(), VerifiedPairs.NONE,
        false)));
    assertThat(hit).contains("MISMATCH");
  }

  @Test
  void everySingleChangedByteIsParsedAndDecidedAsWithoutCache() throws IOException {
    warm(server);
    Path file = output().resolve(server.certificatePath());
    byte[] original = Files.readAllBytes(file);
    // every byte of the body (the header and footer lines too), plus one appended byte
    for (int i = 0; i <= original.length; i += (i < 40 || i > original.length - 40) ? 1 : 7) {
      byte[] changed = i == original.length ? java.util.Arrays.copyOf(original, i + 1) : original.clone();
      changed[i] = (byte) (changed[i] == 'A' ? 'B' : i == original.length ? '\n' : 'A');
      Files.write(file, changed);
      CertificateLifecycle lifecycle = lifecycle(DAY_2);

      String hit = describe(() -> lifecycle.maintain(server, output(), keys(), VerifiedPairs.read(secrets()), false));
      String miss = describe(() -> lifecycle(DAY_2).maintain(server, output(), keys(), VerifiedPairs.NONE, false));

      assertThat(hit).as("byte %d", i).isEqualTo(miss);
      assertThat(lifecycle.parses()).as("byte %d", i).isEqualTo(1);
    }
  }

  @Test
  void aCertificateWithAnEditedSanUnderTheSameKeyIsRenewedAsWithoutCache() throws IOException {
    // The attack: the committed certificate replaced by one with other names over the same public key, so the local
    // key still belongs to it; only its bytes (and so their hash) differ.
    CertificateOutcome kept = warm(server);
    Forgery forgery = new Forgery();
    forgery.subjectKey = new java.security.KeyPair(kept.certificate().getPublicKey(),
        Pem.decodePrivateKey(kept.privateKeyPem().orElseThrow()));
    forgery.signingKey = forgery.subjectKey.getPrivate();
    CertificateProfile wanted = server.profile();
    X509Certificate edited = forgery.server(new CertificateProfile(wanted.kind(), wanted.commonName(),
        List.of("kes.example.org", "evil.example.org"), wanted.ipAddresses(), wanted.keyType(), wanted.validity(),
        wanted.renewBefore()));
    Files.writeString(output().resolve(server.certificatePath()), Pem.encodeCertificate(edited));

    CertificateLifecycle lifecycle = lifecycle(DAY_2);
    CertificateOutcome hit = lifecycle.maintain(server, output(), keys(), VerifiedPairs.read(secrets()), false);
    CertificateOutcome miss = lifecycle(DAY_2).maintain(server, output(), keys(), VerifiedPairs.NONE, false);

    assertThat(lifecycle.parses()).isEqualTo(1);
    assertThat(hit.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(hit.decision()).isEqualTo(miss.decision());
    assertThat(((Decision.Issue) hit.decision()).detail()).contains("evil.example.org");
  }

  @Test
  void theClockCrossingRenewBeforeRenewsACachedCertificate() throws IOException {
    CertificateOutcome kept = warm(server);
    Instant boundary = kept.notAfter().minus(Duration.ofDays(30));

    CertificateLifecycle before = lifecycle(boundary.minusSeconds(1));
    CertificateOutcome stillKept = before.maintain(server, output(), keys(), VerifiedPairs.read(secrets()), false);
    CertificateLifecycle at = lifecycle(boundary);
    CertificateOutcome renewed = at.maintain(server, output(), keys(), VerifiedPairs.read(secrets()), false);

    assertThat(before.parses()).isZero();
    assertThat(stillKept.action()).isEqualTo(CertificateOutcome.Action.KEPT);
    assertThat(at.parses()).isZero();
    assertThat(renewed.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(renewed.decision()).isEqualTo(lifecycle(boundary).maintain(server, output(), keys(), VerifiedPairs.NONE,
        false).decision());
    assertThat(((Decision.Issue) renewed.decision()).reason()).isEqualTo(Decision.Reason.EXPIRING);
  }

  @Test
  void aNotYetValidCachedCertificateIsRenewed() throws IOException {
    CertificateOutcome kept = warm(server);

    CertificateOutcome early = lifecycle(Fixtures.T0.minus(Duration.ofDays(1))).maintain(server, output(), keys(),
        VerifiedPairs.read(secrets()), false);

    assertThat(kept.action()).isEqualTo(CertificateOutcome.Action.KEPT);
    assertThat(((Decision.Issue) early.decision()).reason()).isEqualTo(Decision.Reason.NOT_YET_VALID);
  }

  @Test
  void aTopologyChangeRenewsACachedCertificateAsWithoutCache() throws IOException {
    warm(server);
    List<CertificateSpec> changes = List.of(
        new CertificateSpec(KeyType.ECDSA_P256, new GoDuration(365, 'd'), new GoDuration(30, 'd'),
            List.of("kes.example.org", "new.example.org"), List.of("127.0.0.1", "::1")),
        new CertificateSpec(KeyType.ECDSA_P256, new GoDuration(365, 'd'), new GoDuration(30, 'd'),
            List.of("kes.example.org"), List.of("127.0.0.1", "::1", "10.0.0.1")),
        new CertificateSpec(KeyType.ED25519, new GoDuration(365, 'd'), new GoDuration(30, 'd'),
            List.of("kes.example.org"), List.of("127.0.0.1", "::1")),
        new CertificateSpec(KeyType.ECDSA_P256, new GoDuration(90, 'd'), new GoDuration(30, 'd'),
            List.of("kes.example.org"), List.of("127.0.0.1", "::1")));
    for (CertificateSpec spec : changes) {
      CertificateTarget changed = CertificateTarget.server(Fixtures.instance(spec, Fixtures.spec(KeyType.ED25519)));
      CertificateLifecycle lifecycle = lifecycle(DAY_2);

      CertificateOutcome hit = lifecycle.maintain(changed, output(), keys(), VerifiedPairs.read(secrets()), false);
      CertificateOutcome miss = lifecycle(DAY_2).maintain(changed, output(), keys(), VerifiedPairs.NONE, false);

      assertThat(lifecycle.parses()).as(spec.toString()).isZero();
      assertThat(hit.action()).as(spec.toString()).isEqualTo(CertificateOutcome.Action.RENEWED);
      assertThat(((Decision.Issue) hit.decision()).reason()).isEqualTo(Decision.Reason.MISMATCH);
      assertThat(hit.decision()).isEqualTo(miss.decision());
    }
  }

  @Test
  void rotationByNameRenewsACachedCertificate() throws IOException {
    warm(server);

    CertificateOutcome rotated = lifecycle(DAY_2).maintain(server, output(), keys(), VerifiedPairs.read(secrets()),
        true);

    assertThat(((Decision.Issue) rotated.decision()).reason()).isEqualTo(Decision.Reason.ROTATION_REQUESTED);
  }

  @Test
  void aForgedEntryForOtherBytesIsNotUsed() throws IOException {
    // An entry claiming a far later expiry, recorded for bytes that are not the committed file's: never consulted.
    CertificateOutcome kept = warm(server);
    VerifiedPairs.Entry real = VerifiedPairs.read(secrets()).known(server.certificatePath(), kept.committed().sha256())
        .orElseThrow();
    plant(VerifiedPairs.line(server.certificatePath(), new VerifiedPairs.Entry("0".repeat(64), real.key(),
        real.identity(), later(real.facts()))));

    CertificateOutcome outcome = expiring(kept);

    assertThat(outcome.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
  }

  @Test
  void aForgedEntryInAFileKesgenDoesNotTrustIsIgnored() throws IOException {
    CertificateOutcome kept = warm(server);
    VerifiedPairs.Entry real = VerifiedPairs.read(secrets()).known(server.certificatePath(), kept.committed().sha256())
        .orElseThrow();
    String forged = VerifiedPairs.line(server.certificatePath(), new VerifiedPairs.Entry(real.certificate(),
        real.key(), real.identity(), later(real.facts())));
    // the forged entry as such is believed (only whoever can write the owner-only file can plant it) ...
    plant(forged);
    assertThat(expiring(kept).action()).isEqualTo(CertificateOutcome.Action.KEPT);

    // ... but not from a file others may access
    plant(forged);
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-r-----"));
    assertThat(expiring(kept).action()).isEqualTo(CertificateOutcome.Action.RENEWED);

    // nor through a link
    plant(forged);
    Path elsewhere = root.resolve("elsewhere");
    Files.move(cache(), elsewhere);
    Files.createSymbolicLink(cache(), elsewhere);
    assertThat(expiring(kept).action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    Files.delete(cache());

    // nor of format 2 (no facts), whose header it now has
    plant(forged);
    Files.writeString(cache(), Files.readString(cache()).replace("format 3", "format 2"));
    assertThat(expiring(kept).action()).isEqualTo(CertificateOutcome.Action.RENEWED);

    // nor with a malformed line beside it
    plant(forged + "\nkes/dev/other.crt " + "0".repeat(64));
    assertThat(expiring(kept).action()).isEqualTo(CertificateOutcome.Action.RENEWED);

    // nor oversized, though empty lines are all it has more
    plant(forged);
    try (java.io.OutputStream out = Files.newOutputStream(cache(), java.nio.file.StandardOpenOption.APPEND)) {
      byte[] newlines = new byte[1024 * 1024];
      java.util.Arrays.fill(newlines, (byte) '\n');
      for (int i = 0; i < 64; i++) {
        out.write(newlines);
      }
    }
    assertThat(expiring(kept).action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    // (the same file cut below the limit is read)
    try (RandomAccessFile file = new RandomAccessFile(cache().toFile(), "rw")) {
      file.setLength(64L * 1024 * 1024 - 1);
    }
    assertThat(expiring(kept).action()).isEqualTo(CertificateOutcome.Action.KEPT);
  }

  @Test
  void aForgedEntryInAFileOwnedByAnotherUserIsIgnored() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "only root can give a file to another user");
    CertificateOutcome kept = warm(server);
    VerifiedPairs.Entry real = VerifiedPairs.read(secrets()).known(server.certificatePath(), kept.committed().sha256())
        .orElseThrow();
    plant(VerifiedPairs.line(server.certificatePath(), new VerifiedPairs.Entry(real.certificate(), real.key(),
        real.identity(), later(real.facts()))));
    Files.setOwner(cache(), root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

    assertThat(expiring(kept).action()).isEqualTo(CertificateOutcome.Action.RENEWED);
  }

  @Test
  void aCachedCertificateWithAnotherLocalKeyStillFails() throws IOException {
    warm(server);
    Files.writeString(secrets().resolve(server.keyPath()),
        Pem.encodePrivateKey(Fixtures.server(KeyType.ECDSA_P256).privateKey()));

    String hit = describe(() -> lifecycle(DAY_2).maintain(server, output(), keys(), VerifiedPairs.read(secrets()),
        false));

    assertThat(hit).contains("do not belong together");
    assertThat(hit).isEqualTo(describe(() -> lifecycle(DAY_2).maintain(server, output(), keys(), VerifiedPairs.NONE,
        false)));
  }

  /**
   * The same facts, valid from 330 days later to 330 days later (a later notAfter alone would fail the lifetime rule),
   * so that on the day {@link #expiring} the real certificate is due, the forged one is not.
   */
  private static CertificateFacts later(CertificateFacts facts) {
    return new CertificateFacts(facts.kind(), facts.subject(), facts.dnsNames(), facts.ipAddresses(), facts.keyType(),
        facts.notBefore().plus(Duration.ofDays(330)), facts.notAfter().plus(Duration.ofDays(330)));
  }

  /** The server certificate maintained with the cache on the day it is due for renewal. */
  private CertificateOutcome expiring(CertificateOutcome kept) {
    return lifecycle(kept.notAfter().minus(Duration.ofDays(10))).maintain(server, output(), keys(),
        VerifiedPairs.read(secrets()), false);
  }

  /** An outcome or the failure, as text, to compare a hit with a miss. */
  private static String describe(java.util.function.Supplier<CertificateOutcome> run) {
    try {
      CertificateOutcome o = run.get();
      // a new certificate has a new key: only a kept one's identity and text can be compared
      return o.action() + " " + o.decision() + (o.action().isKept() ? " " + o.identity() + " " + o.certificatePem()
          : "");
    } catch (PkiException e) {
      return "failed: " + e.getMessage();
    }
  }

  /** Replaces the cache with kesgen's header and these lines, owner-only. */
  private void plant(String lines) throws IOException {
    Files.deleteIfExists(cache());
    Files.writeString(cache(), header + "\n" + lines + "\n", StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rw-------"));
  }

  /**
   * Issues and stores this certificate at T0, keeps it once on day 1 (verifying and parsing it) and records it with
   * the other entries already there; the kept outcome.
   */
  private CertificateOutcome warm(CertificateTarget target) throws IOException {
    CertificateOutcome issued = lifecycle(Fixtures.T0).maintain(target, output(), secrets(), false);
    Path certificate = output().resolve(target.certificatePath());
    Files.createDirectories(certificate.getParent());
    Files.writeString(certificate, issued.certificatePem(), StandardCharsets.UTF_8);
    SecretsDirectory directory = new SecretsDirectory(secrets(), output());
    directory.store(new SecretDelivery(issued, Optional.empty()));
    CertificateLifecycle lifecycle = lifecycle(Fixtures.T0.plus(Duration.ofDays(1)));
    CertificateOutcome kept = lifecycle.maintain(target, output(), keys(), VerifiedPairs.NONE, false);
    assertThat(kept.action()).isEqualTo(CertificateOutcome.Action.KEPT);
    assertThat(lifecycle.parses()).isEqualTo(1);
    directory.storeVerified(List.of(kept));
    assertThat(VerifiedPairs.read(secrets()).known(target.certificatePath(), kept.committed().sha256())).isPresent();
    header = Files.readString(cache()).lines().findFirst().orElseThrow();
    return kept;
  }

  private KeySource keys() {
    return KeySource.directory(secrets());
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

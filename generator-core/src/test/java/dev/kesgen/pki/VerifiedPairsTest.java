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
    assertThat(pairs.verified(kept.certificate(), kept.privateKeyPem().orElseThrow())).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache()))).isEqualTo("rw-------");
    assertThat(Files.readString(cache())).doesNotContain(kept.privateKeyPem().orElseThrow().lines().skip(1)
        .findFirst().orElseThrow());
  }

  @Test
  void anotherKeyFileForTheSameCertificateIsNotVerified() throws IOException {
    CertificateOutcome kept = warm();

    VerifiedPairs pairs = VerifiedPairs.read(secrets());

    assertThat(pairs.verified(kept.certificate(), kept.privateKeyPem().orElseThrow() + "\n")).isFalse();
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

  /** Issues and stores the server certificate, keeps it once (verifying it) and records the pair. */
  private CertificateOutcome warm() throws IOException {
    CertificateOutcome issued = lifecycle(Fixtures.T0).maintain(target, output(), secrets(), false);
    Path certificate = output().resolve(target.certificatePath());
    Files.createDirectories(certificate.getParent());
    Files.writeString(certificate, issued.certificatePem(), StandardCharsets.UTF_8);
    SecretsDirectory directory = new SecretsDirectory(secrets(), output());
    directory.store(issued, Optional.empty());
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

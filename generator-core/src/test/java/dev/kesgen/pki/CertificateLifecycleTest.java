package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateLifecycleTest {
  @TempDir Path root;

  private final Instance instance = Fixtures.instance(KeyType.ECDSA_P256, KeyType.ED25519);
  private final CertificateTarget target = CertificateTarget.server(instance);

  @Test
  void issuesACertificateWithANewKeyWhenNoneIsCommitted() {
    CertificateOutcome outcome = lifecycle(Fixtures.T0).maintain(target, output(), secrets(), false);

    assertThat(outcome.action()).isEqualTo(CertificateOutcome.Action.ISSUED);
    assertThat(outcome.decision()).isEqualTo(new Decision.Issue(Decision.Reason.MISSING, "no certificate yet"));
    assertThat(Pem.decodePrivateKey(outcome.privateKeyPem().orElseThrow()).getAlgorithm()).isEqualTo("EC");
    assertThat(outcome.identity()).isEqualTo(Identity.of(outcome.certificate()));
    assertThat(outcome.notAfter()).isEqualTo(outcome.certificate().getNotAfter().toInstant());
    assertThat(outcome.certificatePem()).isEqualTo(Pem.encodeCertificate(outcome.certificate()));
  }

  @Test
  void writesNothingItself() throws IOException {
    lifecycle(Fixtures.T0).maintain(target, output(), secrets(), false);

    try (Stream<Path> files = Files.list(root)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void keepsTheCommittedCertificateAndReadsTheLocalKey() throws IOException {
    CertificateOutcome first = issueAndStore(Fixtures.T0);

    CertificateOutcome second = lifecycle(Fixtures.T0.plus(Duration.ofDays(1)))
        .maintain(target, output(), secrets(), false);

    assertThat(second.action()).isEqualTo(CertificateOutcome.Action.KEPT);
    assertThat(second.decision()).isEqualTo(new Decision.Keep());
    assertThat(second.privateKeyPem()).isEqualTo(first.privateKeyPem());
    assertThat(second.identity()).isEqualTo(first.identity());
  }

  @Test
  void aTeammateWithoutKeysGetsByteIdenticalCertificatePemAndTheSameIdentity() throws IOException {
    CertificateOutcome first = issueAndStore(Fixtures.T0);
    Path emptySecrets = root.resolve("teammate-secrets");

    CertificateOutcome teammate = lifecycle(Fixtures.T0.plus(Duration.ofDays(100)))
        .maintain(target, output(), emptySecrets, false);

    assertThat(teammate.action()).isEqualTo(CertificateOutcome.Action.KEPT_KEY_ABSENT);
    assertThat(teammate.certificatePem()).isEqualTo(first.certificatePem())
        .isEqualTo(Files.readString(output().resolve(target.certificatePath()), StandardCharsets.UTF_8));
    assertThat(teammate.identity()).isEqualTo(first.identity());
    assertThat(teammate.notAfter()).isEqualTo(first.notAfter());
    assertThat(teammate.privateKeyPem()).isEmpty();
  }

  @Test
  void renewsWithANewKeyOnceWithinRenewBefore() throws IOException {
    CertificateOutcome first = issueAndStore(Fixtures.T0);
    Instant boundary = first.notAfter().minus(Duration.ofDays(30));

    CertificateOutcome renewed = lifecycle(boundary).maintain(target, output(), secrets(), false);

    assertThat(renewed.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(((Decision.Issue) renewed.decision()).reason()).isEqualTo(Decision.Reason.EXPIRING);
    assertThat(renewed.identity()).isNotEqualTo(first.identity());
    assertThat(renewed.notAfter()).isEqualTo(boundary.plus(Duration.ofDays(365)));
  }

  @Test
  void renewsACertificateIssuedByAMachineWhoseClockWasAheadUntilItsNotBefore() throws IOException {
    // issued an hour "in the future" (the issuer's clock was ahead), then kept by a run at the right time
    Instant ahead = Fixtures.T0.plus(Duration.ofHours(1));
    CertificateOutcome early = issueAndStore(ahead);
    Instant notBefore = early.certificate().getNotBefore().toInstant();

    CertificateOutcome before = lifecycle(notBefore.minusSeconds(1)).maintain(target, output(), secrets(), false);
    CertificateOutcome at = lifecycle(notBefore).maintain(target, output(), secrets(), false);

    assertThat(before.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(before.decision()).isEqualTo(new Decision.Issue(Decision.Reason.NOT_YET_VALID,
        "not valid until " + notBefore + ", later than now (" + notBefore.minusSeconds(1) + ")"));
    assertThat(before.certificate().getNotBefore().toInstant()).isBefore(notBefore.minusSeconds(1));
    assertThat(at.action()).isEqualTo(CertificateOutcome.Action.KEPT);
    assertThat(at.identity()).isEqualTo(early.identity());
  }

  @Test
  void rotatesOnRequestEvenWithoutTheOldKey() throws IOException {
    CertificateOutcome first = issueAndStore(Fixtures.T0);

    CertificateOutcome rotated = lifecycle(Fixtures.T0).maintain(target, output(), root.resolve("none"), true);

    assertThat(rotated.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(((Decision.Issue) rotated.decision()).detail()).isEqualTo("rotation requested");
    assertThat(rotated.identity()).isNotEqualTo(first.identity());
    assertThat(rotated.privateKeyPem()).isPresent();
  }

  @Test
  void aLocalKeyOfAnotherCertificateFailsNamingBothFiles() throws IOException {
    issueAndStore(Fixtures.T0);
    Path keyFile = secrets().resolve(target.keyPath());
    Files.writeString(keyFile, Pem.encodePrivateKey(Fixtures.server(KeyType.ECDSA_P256).privateKey()));

    assertThatThrownBy(() -> lifecycle(Fixtures.T0).maintain(target, output(), secrets(), false))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("the committed certificate " + output().resolve("kes/dev/server.crt")
            + " and the private key kes/dev/server.key in the secrets directory do not belong together")
        .hasMessageContaining("rotate dev")
        .hasMessageNotContaining("PRIVATE KEY");
  }

  @Test
  void refusesAnUnreadableCommittedCertificateNamingTheFile() throws IOException {
    Path file = output().resolve(target.certificatePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not a certificate\n");

    assertThatThrownBy(() -> lifecycle(Fixtures.T0).maintain(target, output(), secrets(), false))
        .isInstanceOf(PkiException.class).hasMessageContaining(file.toString());
  }

  @Test
  void outcomeTextNeverShowsThePrivateKey() {
    CertificateOutcome outcome = lifecycle(Fixtures.T0).maintain(target, output(), secrets(), false);
    String keyBody = outcome.privateKeyPem().orElseThrow().lines().skip(1).findFirst().orElseThrow();

    assertThat(outcome.toString()).doesNotContain(keyBody).doesNotContain("PRIVATE KEY");
  }

  // Plays the output writer (certificate into the output) and the secrets writer (key into the secrets).
  private CertificateOutcome issueAndStore(Instant at) throws IOException {
    CertificateOutcome outcome = lifecycle(at).maintain(target, output(), secrets(), false);
    Path certificate = output().resolve(target.certificatePath());
    Files.createDirectories(certificate.getParent());
    Files.writeString(certificate, outcome.certificatePem(), StandardCharsets.UTF_8);
    new SecretsDirectory(secrets(), output()).store(new SecretDelivery(outcome, Optional.empty()));
    return outcome;
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

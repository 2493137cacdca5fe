package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.CertificateProfile;
import dev.kesgen.pki.Forgery;
import dev.kesgen.pki.Pem;
import dev.kesgen.pki.VerifiedPairs;
import dev.kesgen.topology.KeyType;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import dev.kesgen.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A swapped committed certificate and a key that does not belong to its certificate, through generate and check. */
class CommittedCertificateTest {
  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(GeneratorTest.TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  private Path serverCrt() {
    return dir.resolve("generated/kes/dev/server.crt");
  }

  /** The reviewer's swap: same CN, SANs, EKU and key type, but CA:TRUE, keyCertSign, 20 years, a foreign key. */
  private void swapServerCertificate() throws Exception {
    Topology topology = Kesgen.load(GeneratorTest.TOPOLOGY);
    CertificateProfile profile = CertificateProfile.server(topology.instances().get(0));
    Forgery forgery = new Forgery();
    forgery.notBefore = Golden.CLOCK.instant();
    forgery.ca = true;
    forgery.keyUsage = KeyUsage.digitalSignature | KeyUsage.keyCertSign;
    forgery.lifetime = Duration.ofDays(7300);
    Files.writeString(serverCrt(), Pem.encodeCertificate(forgery.server(profile)));
  }

  @Test
  void checkReportsASwappedCaCertificateAndGenerateReplacesItSayingWhy() throws Exception {
    Kesgen.generate(request());
    swapServerCertificate();

    CheckResult check = Kesgen.check(request(), Optional.empty());
    GenerateResult generated = Kesgen.generate(request());

    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.CERTIFICATE)
        .extracting(CheckResult.Finding::toString).containsExactly("kes/dev/server.crt: not a certificate kesgen"
            + " issues: it is a CA certificate (basicConstraints CA:TRUE); key usage is [digitalSignature, keyCertSign],"
            + " kesgen issues [digitalSignature]; it may have been swapped: find out who committed it, then run generate"
            + " to replace it with a new key and certificate");
    CertificateReport server = generated.certificates().stream().filter(c -> c.name().equals("kes/dev")).findFirst()
        .orElseThrow();
    assertThat(server.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(server.reason()).startsWith("not a certificate kesgen issues: it is a CA certificate");
    assertThat(Pem.decodeCertificate(Files.readString(serverCrt())).getBasicConstraints()).isEqualTo(-1);
    assertThat(Kesgen.check(request(), Optional.empty()).passed()).isTrue();
  }

  @Test
  void checkReportsACertificateNotYetValidAndGenerateRenewsIt() throws Exception {
    Kesgen.generate(request());
    // as kesgen issues it, with the committed key pair, but by a machine whose clock was an hour ahead
    CertificateProfile profile = CertificateProfile.server(Kesgen.load(GeneratorTest.TOPOLOGY).instances().get(0));
    X509Certificate committed = Pem.decodeCertificate(Files.readString(serverCrt()));
    Forgery ahead = new Forgery();
    ahead.notBefore = Golden.CLOCK.instant().plus(Duration.ofHours(1));
    ahead.lifetime = profile.validity().toDuration();
    ahead.subjectKey = new KeyPair(committed.getPublicKey(),
        Pem.decodePrivateKey(Files.readString(dir.resolve("secrets/kes/dev/server.key"))));
    Files.writeString(serverCrt(), Pem.encodeCertificate(ahead.server(profile)));

    CheckResult check = Kesgen.check(request(), Optional.empty());
    // failOnExpiringWithin replaces renewBefore for expiry only: a certificate not valid yet is reported the same
    CheckResult withLimit = Kesgen.check(request(), Optional.of(Duration.ofDays(30)));
    GenerateResult generated = Kesgen.generate(request());

    String finding = "kes/dev/server.crt: would be renewed (not valid until 2026-06-01T01:00:00Z, later than now"
        + " (2026-06-01T00:00:00Z)); run generate and commit the output";
    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.CERTIFICATE)
        .extracting(CheckResult.Finding::toString).containsExactly(finding);
    assertThat(withLimit.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.CERTIFICATE)
        .extracting(CheckResult.Finding::toString).containsExactly(finding);
    CertificateReport server = generated.certificates().stream().filter(c -> c.name().equals("kes/dev")).findFirst()
        .orElseThrow();
    assertThat(server.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(server.reason()).startsWith("not valid until 2026-06-01T01:00:00Z");
    assertThat(Pem.decodeCertificate(Files.readString(serverCrt())).getNotBefore().toInstant())
        .isBefore(Golden.CLOCK.instant());
    assertThat(Kesgen.check(request(), Optional.empty()).passed()).isTrue();
  }

  @Test
  void whatGenerateIssuesIsNotFlaggedByACheckAtTheSameInstant() throws Exception {
    // within a second: the issuer rounds the start up to a whole second and backdates it by a minute
    java.time.Clock clock = java.time.Clock.fixed(Golden.CLOCK.instant().plusMillis(999), java.time.ZoneOffset.UTC);

    Kesgen.generate(request().withClock(clock));
    CheckResult check = Kesgen.check(request().withClock(clock), Optional.empty());

    assertThat(check.findings()).isEmpty();
    assertThat(check.passed()).isTrue();
  }

  /** Generates twice, so that the second run kept every certificate through the verification cache. */
  private void generateWithAWarmCache() throws Exception {
    Kesgen.generate(request());
    Kesgen.generate(request());
    assertThat(VerifiedPairs.read(dir.resolve("secrets")).size()).isGreaterThan(0);
  }

  private static KeyPair newKey(KeyType type) throws Exception {
    if (type == KeyType.ED25519) {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  @Test
  void aCertificateWithTheSameKeyButAForeignSignatureIsCaughtWhileTheCacheIsWarm() throws Exception {
    generateWithAWarmCache();
    // Everything as kesgen issues it, the committed public key (so the local key belongs to it), but signed by
    // another key: only the signature check can tell, and the cache must not skip it for these new bytes.
    CertificateProfile profile = CertificateProfile.server(Kesgen.load(GeneratorTest.TOPOLOGY).instances().get(0));
    X509Certificate committed = Pem.decodeCertificate(Files.readString(serverCrt()));
    Forgery forgery = new Forgery();
    forgery.notBefore = Golden.CLOCK.instant();
    forgery.subjectKey = new KeyPair(committed.getPublicKey(),
        Pem.decodePrivateKey(Files.readString(dir.resolve("secrets/kes/dev/server.key"))));
    forgery.signingKey = newKey(profile.keyType()).getPrivate();
    Files.writeString(serverCrt(), Pem.encodeCertificate(forgery.server(profile)));

    CheckResult check = Kesgen.check(request(), Optional.empty());
    GenerateResult generated = Kesgen.generate(request());

    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.CERTIFICATE)
        .extracting(CheckResult.Finding::toString).singleElement().asString()
        .startsWith("kes/dev/server.crt: not a certificate kesgen issues: its signature does not verify with its own"
            + " public key");
    CertificateReport server = generated.certificates().stream().filter(c -> c.name().equals("kes/dev")).findFirst()
        .orElseThrow();
    assertThat(server.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(Kesgen.check(request(), Optional.empty()).passed()).isTrue();
  }

  @Test
  void aValidLookingCertificateOfAnotherKeyIsCaughtWhileTheCacheIsWarm() throws Exception {
    generateWithAWarmCache();
    // A certificate kesgen could have issued for this profile, with a key nobody here holds.
    CertificateProfile profile = CertificateProfile.server(Kesgen.load(GeneratorTest.TOPOLOGY).instances().get(0));
    Forgery forgery = new Forgery();
    forgery.notBefore = Golden.CLOCK.instant();
    forgery.subjectKey = newKey(profile.keyType());
    Files.writeString(serverCrt(), Pem.encodeCertificate(forgery.server(profile)));
    String both = "the committed certificate " + serverCrt() + " and the private key kes/dev/server.key in the"
        + " secrets directory do not belong together";

    assertGenerateAndCheckFail(both);
  }

  @Test
  void aCachePlantedByAnotherUserDoesNotHideAForgedSignatureFromCheckOrGenerate() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "only root can give a file to another user");
    generateWithAWarmCache();
    // Another user who can write the secrets directory commits a certificate over the committed key, signed by
    // another key, and plants an owner-only cache (in the current format) vouching for exactly those bytes here.
    CertificateProfile profile = CertificateProfile.server(Kesgen.load(GeneratorTest.TOPOLOGY).instances().get(0));
    X509Certificate committed = Pem.decodeCertificate(Files.readString(serverCrt()));
    Path keyFile = dir.resolve("secrets/kes/dev/server.key");
    Forgery forgery = new Forgery();
    forgery.notBefore = Golden.CLOCK.instant();
    forgery.subjectKey = new KeyPair(committed.getPublicKey(), Pem.decodePrivateKey(Files.readString(keyFile)));
    forgery.signingKey = newKey(profile.keyType()).getPrivate();
    X509Certificate forged = forgery.server(profile);
    Files.writeString(serverCrt(), Pem.encodeCertificate(forged));
    Path cache = dir.resolve("secrets").resolve(VerifiedPairs.FILE);
    String header = Files.readString(cache).lines().findFirst().orElseThrow();
    Files.writeString(cache, header + "\nkes/dev/server.crt " + sha256(forged.getEncoded()) + " "
        + sha256(Files.readAllBytes(keyFile)) + "\n");
    java.nio.file.attribute.UserPrincipal me = Files.getOwner(cache);
    Files.setOwner(cache, cache.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

    CheckResult check = Kesgen.check(request(), Optional.empty());
    GenerateResult generated = Kesgen.generate(request());

    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.CERTIFICATE)
        .extracting(CheckResult.Finding::toString).singleElement().asString()
        .startsWith("kes/dev/server.crt: not a certificate kesgen issues: its signature does not verify with its own"
            + " public key");
    assertThat(generated.certificates().stream().filter(c -> c.name().equals("kes/dev")).findFirst().orElseThrow()
        .action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(Files.getOwner(cache, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isEqualTo(me);
    assertThat(Kesgen.check(request(), Optional.empty()).passed()).isTrue();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aKeySwappedWhileTheCacheIsWarmFailsGenerateAndCheck() throws Exception {
    generateWithAWarmCache();
    Files.copy(dir.resolve("secrets/tenants/dev/gecko/client.key"), dir.resolve("secrets/kes/dev/server.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertGenerateAndCheckFail("do not belong together");
  }

  @Test
  void theCacheIsOwnerOnlyInTheSecretsDirectoryAndNeverInTheOutput() throws Exception {
    generateWithAWarmCache();
    Path cache = dir.resolve("secrets").resolve(VerifiedPairs.FILE);

    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
        .isEqualTo("rw-------");
    try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve("generated"))) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(VerifiedPairs.FILE);
    }
    assertThat(Files.readString(dir.resolve("generated/.kesgen-manifest"))).doesNotContain(VerifiedPairs.FILE);
    assertThat(Files.readString(cache)).doesNotContain("PRIVATE KEY");
    assertThat(Kesgen.check(request(), Optional.empty()).passed()).isTrue();
  }

  @Test
  void aCorruptCacheIsIgnoredAndRewritten() throws Exception {
    generateWithAWarmCache();
    Path cache = dir.resolve("secrets").resolve(VerifiedPairs.FILE);
    String good = Files.readString(cache);
    Files.writeString(cache, good.substring(0, good.length() / 2) + "not a hash\n");
    assertThat(VerifiedPairs.read(dir.resolve("secrets")).size()).isZero();

    GenerateResult again = Kesgen.generate(request());

    assertThat(again.written()).isEmpty();
    assertThat(Files.readString(cache)).isEqualTo(good);
    assertThat(Kesgen.check(request(), Optional.empty()).passed()).isTrue();
  }

  @Test
  void aLocalKeyThatDoesNotMatchItsCommittedCertificateFailsGenerateAndCheckNamingBothFiles() throws Exception {
    Kesgen.generate(request());
    Files.copy(dir.resolve("secrets/tenants/dev/gecko/client.key"), dir.resolve("secrets/kes/dev/server.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String both = "the committed certificate " + serverCrt() + " and the private key kes/dev/server.key in the"
        + " secrets directory do not belong together";

    assertGenerateAndCheckFail(both);
  }

  /** Both generate and check refuse the run with a configuration error whose message contains {@code message}. */
  private void assertGenerateAndCheckFail(String message) {
    assertThatThrownBy(() -> Kesgen.generate(request())).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message);
    assertThatThrownBy(() -> Kesgen.check(request(), Optional.empty())).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message);
  }
}

package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.pki.Identity;
import dev.kesgen.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A check inside every certificate's renewBefore (the MOLGENIS example a fortnight before its certificates expire):
 * each certificate generate would renew is one finding, the files that change only because of the renewals are not
 * reported besides, no finding names an identity that is not in a committed certificate, and a file edited by hand
 * is still reported beside the renewals.
 */
class RenewalCheckTest {
  static final Path EXAMPLE = Path.of("../examples/molgenis");
  /** Every certificate of the example expires 2036-05-29, with renewBefore 30d. */
  static final Clock INSIDE_RENEW_BEFORE = Clock.fixed(Instant.parse("2036-05-15T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @BeforeEach
  void copyTheExample() throws IOException {
    Files.copy(EXAMPLE.resolve("topology.yaml"), dir.resolve("topology.yaml"));
    Path from = EXAMPLE.resolve("generated");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve("generated").resolve(from.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
  }

  GenerateRequest request() {
    return GenerateRequest.of(dir.resolve("topology.yaml")).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(INSIDE_RENEW_BEFORE);
  }

  private List<String> certificates() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("generated"))) {
      return files.filter(f -> f.toString().endsWith(".crt"))
          .map(f -> dir.resolve("generated").relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
  }

  /** The identities of every committed certificate, as findings show them (the first 12 hex digits). */
  private Set<String> committedIdentities() throws IOException {
    Set<String> identities = new HashSet<>();
    for (String crt : certificates()) {
      String hex = Identity.of(Pem.decodeCertificate(Files.readString(dir.resolve("generated").resolve(crt)))).hex();
      identities.add(hex.substring(0, 12));
    }
    return identities;
  }

  /** Every identity (12 or more hex digits) a finding names. */
  private static List<String> namedIdentities(CheckResult check) {
    List<String> named = new ArrayList<>();
    Matcher m = Pattern.compile("\\b[0-9a-f]{12,64}").matcher("");
    for (CheckResult.Finding f : check.findings()) {
      m.reset(f.message());
      while (m.find()) {
        named.add(m.group().substring(0, 12));
      }
    }
    return named;
  }

  @Test
  void eachCertificateToRenewIsOneFindingAndNothingElseIsReported() throws Exception {
    CheckResult check = Kesgen.check(request(), Optional.empty());

    List<String> certificates = certificates();
    assertThat(certificates).hasSize(11);
    assertThat(check.findings()).extracting(CheckResult.Finding::kind).containsOnly(CheckResult.Kind.CERTIFICATE);
    assertThat(check.findings()).extracting(CheckResult.Finding::subject)
        .containsExactlyInAnyOrderElementsOf(certificates);
    assertThat(check.findings()).allSatisfy(f -> assertThat(f.message())
        .isEqualTo("would be renewed (expires 2036-05-29T00:00:00Z, within renewBefore 30d); run generate and commit"
            + " the output"));
    assertThat(namedIdentities(check)).isEmpty();
  }

  @Test
  void aFileEditedByHandIsReportedBesideTheRenewalsNamingOnlyCommittedIdentities() throws Exception {
    // the attack hidden behind a renewal: Vault policy kes-accept widened, and tenant gecko given lifecycle's key
    Path policy = dir.resolve("generated/vault/policies/kes-accept.hcl");
    Files.writeString(policy, Files.readString(policy) + "\npath \"secret/*\" {\n  capabilities = [\"read\"]\n}\n");
    Path values = dir.resolve("generated/kes/accept/values.yaml");
    Files.writeString(values, Files.readString(values).replace("        - \"/v1/key/generate/gecko\"\n",
        "        - \"/v1/key/generate/gecko\"\n        - \"/v1/key/decrypt/lifecycle\"\n"));

    CheckResult check = Kesgen.check(request(), Optional.empty());

    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.CERTIFICATE).hasSize(11);
    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.STALE)
        .extracting(CheckResult.Finding::subject)
        .containsExactlyInAnyOrder("vault/policies/kes-accept.hcl", "kes/accept/values.yaml");
    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.ACCESS)
        .extracting(CheckResult.Finding::toString)
        .anySatisfy(f -> assertThat(f).startsWith("vault/policies/kes-accept.hcl: instance accept, Vault policy"
            + " kes-accept: rule \"secret/*\" grants [read] outside the instance's keys"))
        .anySatisfy(f -> assertThat(f).startsWith("kes/accept/values.yaml: instance accept, tenant gecko, identity "
            + "ce963402d4b7…: may call /v1/key/decrypt/lifecycle, a key of tenant lifecycle"));
    assertThat(check.findings()).extracting(CheckResult.Finding::kind).containsOnly(CheckResult.Kind.CERTIFICATE,
        CheckResult.Kind.STALE, CheckResult.Kind.ACCESS);
    assertThat(namedIdentities(check)).isNotEmpty().allSatisfy(id -> assertThat(committedIdentities()).contains(id));
  }

  @Test
  void aLimitShorterThanRenewBeforeLeavesTheRenewalsAndWhatTheyChangeUnreported() throws Exception {
    // a fortnight before expiry: outside a 7-day limit, which decides instead of renewBefore
    CheckResult check = Kesgen.check(request(), Optional.of(Duration.ofDays(7)));
    CheckResult withinLimit = Kesgen.check(request(), Optional.of(Duration.ofDays(20)));

    assertThat(check.findings()).isEmpty();
    assertThat(withinLimit.findings()).hasSize(11).allSatisfy(f -> assertThat(f.message())
        .isEqualTo("expires 2036-05-29T00:00:00Z, within 20d (the check's expiry limit: --fail-on-expiring-within,"
            + " kesgen.failOnExpiringWithin); run generate to renew it"));
  }

  @Test
  void aYearOnEveryCertificateOfAFreshRepositoryIsOneFinding() throws Exception {
    // the quick start's topology with the default 365-day certificates, generated now and checked a year later
    Path topology = Files.writeString(Files.createDirectories(dir.resolve("fresh")).resolve("topology.yaml"), """
        version: 1
        vault: { endpoint: "https://vault.example.org:8200" }
        defaults:
          kes: { version: 2025-03-12T09-35-18Z }
          tenant: { chart: minio, minioVersion: RELEASE.2025-10-15T17-29-55Z }
        instances:
          - name: dev
            namespace: kes-dev
            tenants: [ { name: gecko, namespace: minio-gecko }, { name: lynx, namespace: minio-lynx } ]
        """);
    GenerateRequest fresh = GenerateRequest.of(topology).withOutputDirectory(dir.resolve("fresh/generated"))
        .withSecretsDirectory(dir.resolve("fresh/secrets")).withClock(Golden.CLOCK);
    GenerateResult generated = Kesgen.generate(fresh);

    CheckResult check = Kesgen.check(fresh.withClock(Clock.offset(Golden.CLOCK, Duration.ofDays(365))),
        Optional.empty());

    assertThat(check.findings()).hasSize(generated.certificates().size())
        .allSatisfy(f -> assertThat(f.kind()).isEqualTo(CheckResult.Kind.CERTIFICATE))
        .allSatisfy(f -> assertThat(f.message()).startsWith("would be renewed (expired 2027-06-01T00:00:00Z, within renewBefore 30d)"));
    assertThat(namedIdentities(check)).isEmpty();
  }

  /**
   * The sinks that commit their Secrets keep the committed files for the committed certificates, which need no
   * private key: a sealedSecrets or sops repository checked in its renewal window, where no key is at hand (CI), gives
   * one finding per renewed certificate and no sink problem, although generate would have to encrypt the sops files
   * of the tenants again for the renewed server's ca.crt.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sealedSecrets", "sops"})
  void aCommittedSecretsSinkInTheRenewalWindowGivesOneFindingPerCertificate(String sink) throws Exception {
    Path repository = Files.createDirectories(dir.resolve(sink));
    Path topology;
    if (sink.equals("sops")) {
      topology = dev.kesgen.sops.SopsFixture.create(repository).topology;
    } else {
      topology = dev.kesgen.sealed.SealedFixture.create(repository, "strict").topology;
    }
    Clock now = dev.kesgen.sops.SopsFixture.CLOCK;
    GenerateRequest generate = GenerateRequest.of(topology).withOutputDirectory(repository.resolve("generated"))
        .withSecretsDirectory(repository.resolve("secrets")).withClock(now);
    GenerateResult generated = Kesgen.generate(generate);
    String suffix = sink.equals("sops") ? ".sops.yaml" : ".sealed.yaml";
    java.util.Map<Path, byte[]> committed = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(repository.resolve("generated"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        committed.put(file, Files.readAllBytes(file));
      }
    }
    assertThat(committed).hasSize(generated.certificates().size());

    // 350 days on: inside renewBefore (30d) of the 365-day certificates; CI has no secrets directory
    CheckResult check = Kesgen.check(generate.withClock(Clock.offset(now, Duration.ofDays(350)))
        .withSecretsDirectory(repository.resolve("ci")), Optional.empty());

    assertThat(check.findings()).hasSize(generated.certificates().size())
        .allSatisfy(f -> assertThat(f.kind()).isEqualTo(CheckResult.Kind.CERTIFICATE))
        .allSatisfy(f -> assertThat(f.message()).startsWith("would be renewed (expires "));
    assertThat(check.findings()).extracting(CheckResult.Finding::subject).doesNotHaveDuplicates();
    assertThat(namedIdentities(check)).isEmpty();
    for (java.util.Map.Entry<Path, byte[]> file : committed.entrySet()) {
      assertThat(Files.readAllBytes(file.getKey())).as(file.getKey().toString()).isEqualTo(file.getValue());
    }
    assertThat(repository.resolve("ci")).doesNotExist();
  }

  @Test
  void afterGenerateRenewsThemTheCheckPasses() throws Exception {
    Kesgen.generate(request());

    assertThat(Kesgen.check(request(), Optional.empty()).findings()).isEmpty();
  }
}

package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kesgen.generate and Kesgen.check as a library user meets them. */
class GeneratorTest {
  static final Path TOPOLOGY = Path.of("src/test/resources/golden/dialect-2024-03-13/topology.yaml");

  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  @Test
  void theReadmeQuickStartTopologyGeneratesWithoutWarningsButItsOwn() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    int start = readme.indexOf("```yaml", readme.indexOf("2. Start `topology.yaml`"));
    String block = readme.substring(readme.indexOf('\n', start) + 1, readme.indexOf("```", start + 7));
    String yaml = block.lines().map(l -> l.startsWith("   ") ? l.substring(3) : l).collect(java.util.stream.Collectors.joining("\n"));
    Files.writeString(dir.resolve("topology.yaml"), yaml + "\n");
    Files.copy(TOPOLOGY.resolveSibling("vault-ca.pem"), dir.resolve("vault-ca.pem"));

    GenerateResult result = Kesgen.generate(GenerateRequest.of(dir.resolve("topology.yaml"))
        .withOutputDirectory(dir.resolve("generated")).withSecretsDirectory(dir.resolve("secrets")));

    assertThat(result.warnings()).as("the quick start is the recommended setup").isEmpty();
    assertThat(Files.readString(dir.resolve("generated/SUMMARY.md"))).doesNotContain("Warning");
  }

  @Test
  void theReadmeExampleRuns() throws Exception {
    Files.copy(TOPOLOGY, dir.resolve("topology.yaml"));
    Files.copy(TOPOLOGY.resolveSibling("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    List<KesgenEvent> events = new java.util.ArrayList<>();

    // docs/library.md: the first line points at the copy, the others are verbatim
    Path file = dir.resolve("topology.yaml");
    Topology topology = Kesgen.load(Files.readString(file), file.toString());
    KesgenListener listener = event -> {
      events.add(event);
      if (event instanceof KesgenEvent.CertificateDecided c) {
        System.out.println(c.certificate().name() + ": " + c.certificate().action());
      } else if (event instanceof KesgenEvent.Warning w) {
        System.out.println("warning: " + w.message());
      }
    };
    GenerateRequest request = GenerateRequest.of(file);
    Plan plan = Kesgen.plan(topology, request, listener);
    plan.files().forEach((path, text) -> System.out.println("planned " + path + ", " + text.length() + " chars"));
    GenerateResult result = Kesgen.write(plan, listener);
    result.written().forEach(f -> System.out.println("wrote " + f));
    CheckResult check = Kesgen.check(request, Optional.empty());

    assertThat(plan.files()).containsKeys("SUMMARY.md", "kes/dev/values.yaml", "vault/apply.sh");
    assertThat(result.written()).containsAll(plan.files().keySet());
    assertThat(dir.resolve("generated/SUMMARY.md")).hasContent(plan.files().get("SUMMARY.md").stripTrailing());
    assertThat(dir.resolve("secrets/kes/dev/server.key")).isRegularFile();
    assertThat(result.certificates()).extracting(CertificateReport::action)
        .containsOnly(dev.kesgen.pki.CertificateOutcome.Action.ISSUED);
    assertThat(events).filteredOn(e -> e instanceof KesgenEvent.CertificateDecided).hasSize(3);
    assertThat(events).filteredOn(e -> e instanceof KesgenEvent.InstancePlanned).hasSize(1);
    assertThat(events).filteredOn(e -> e instanceof KesgenEvent.FileWritten).hasSize(plan.files().size());
    assertThat(check.passed()).isTrue();
  }

  @Test
  void aPlanWritesNothingUntilItIsWritten() throws Exception {
    Plan plan = Kesgen.plan(request(), KesgenListener.NONE);

    assertThat(plan.files()).isNotEmpty();
    assertThat(plan.certificates()).hasSize(3);
    assertThat(dir.resolve("generated")).doesNotExist();
    assertThat(dir.resolve("secrets")).doesNotExist();
  }

  @Test
  void aTopologyLoadsFromAReaderWithASourceNameInItsMessages() {
    assertThatThrownBy(() -> Kesgen.load(new java.io.StringReader("version: 1\nvault: {}\ninstances: []\n"), "in-memory.yaml"))
        .isInstanceOf(TopologyException.class).hasMessageContaining("in-memory.yaml");
  }


  @Test
  void sameInputGivesTheSameBytesUnderAnyLocaleAndTimeZone() throws Exception {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      // the same name in both places: the values' helm lines name the output directory (generated/...)
      Path first = dir.resolve("a/generated");
      Golden.all().get(1).seedCertificates(first);
      Path second = dir.resolve("b/generated");
      Golden.all().get(1).seedCertificates(second);
      Golden golden = Golden.all().get(1);

      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Kesgen.generate(GenerateRequest.of(golden.topology()).withOutputDirectory(first)
          .withSecretsDirectory(dir.resolve("s1")).withClock(Golden.CLOCK));
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      TimeZone.setDefault(TimeZone.getTimeZone("America/Adak"));
      Kesgen.generate(GenerateRequest.of(golden.topology()).withOutputDirectory(second)
          .withSecretsDirectory(dir.resolve("s2")).withClock(Golden.CLOCK));

      SortedMap<String, String> a = Golden.read(first);
      assertThat(a).isEqualTo(Golden.read(second)).isNotEmpty();
      a.forEach((file, text) -> assertThat(text).as(file).doesNotContain("\r").endsWith("\n")
          .doesNotContain(dir.toString()));
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void aSecondRunWritesNothingAndKeepsModificationTimes() throws Exception {
    Kesgen.generate(request());
    Path policy = dir.resolve("generated/vault/policies/kes-dev.hcl");
    FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    Files.setLastModifiedTime(policy, old);

    GenerateResult second = Kesgen.generate(request());

    assertThat(second.upToDate()).isTrue();
    assertThat(second.changedIdentities()).isEmpty();
    assertThat(Files.getLastModifiedTime(policy)).isEqualTo(old);
  }

  @Test
  void aSecondRunTouchesNothingInTheSecretsDirectoryNotEvenAProbe() throws Exception {
    Kesgen.generate(request());
    FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    java.util.List<Path> entries;
    try (java.util.stream.Stream<Path> walk = Files.walk(dir.resolve("secrets"))) {
      entries = walk.toList();
    }
    for (Path entry : entries) {
      Files.setLastModifiedTime(entry, old); // a directory's time moves when a file is created or deleted in it
    }

    assertThat(Kesgen.generate(request()).upToDate()).isTrue();

    try (java.util.stream.Stream<Path> walk = Files.walk(dir.resolve("secrets"))) {
      assertThat(walk.toList()).containsExactlyInAnyOrderElementsOf(entries);
    }
    for (Path entry : entries) {
      assertThat(Files.getLastModifiedTime(entry)).as(entry.toString()).isEqualTo(old);
    }
  }

  @Test
  void aTenantRemovedFromTheTopologyLosesItsFiles() throws Exception {
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, Files.readString(TOPOLOGY));
    Files.copy(TOPOLOGY.resolveSibling("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    GenerateRequest request = request().withOutputDirectory(dir.resolve("out"));
    Kesgen.generate(new GenerateRequest(topology, dir.resolve("out"), dir.resolve("secrets"), Optional.empty(),
        Golden.CLOCK, Set.of()));
    Files.writeString(topology, Files.readString(topology).replaceAll("(?s)      - name: lizard.*", ""));

    GenerateResult result = Kesgen.generate(new GenerateRequest(topology, request.outputDirectory(),
        dir.resolve("secrets"), Optional.empty(), Golden.CLOCK, Set.of()));

    assertThat(result.deleted()).containsExactly("tenants/dev/lizard/client.crt", "tenants/dev/lizard/values.yaml");
    assertThat(dir.resolve("out/tenants/dev/lizard")).doesNotExist();
  }

  @Test
  void aTemplateOverrideIsUsed() throws Exception {
    Path templates = dir.resolve("templates/vault");
    Files.createDirectories(templates);
    // the override keeps the rules: one that drops them fails the access rules (AccessRulesTest)
    Files.writeString(templates.resolve("policy.hcl.hbs"), "# team override for {{instance.name}}\n"
        + AccessRulesTest.embedded("vault/policy.hcl.hbs"));

    Kesgen.generate(request().withTemplateDirectory(dir.resolve("templates")));

    assertThat(Files.readString(dir.resolve("generated/vault/policies/kes-dev.hcl")))
        .startsWith("# team override for dev\n# Generated by kesgen");
  }

  @Test
  void anOverrideThatMatchesNoTemplateIsAnErrorAndNothingIsWritten() throws Exception {
    Files.createDirectories(dir.resolve("templates/vault"));
    Files.writeString(dir.resolve("templates/vault/polcy.hcl.hbs"), "x\n");

    assertThatThrownBy(() -> Kesgen.generate(request().withTemplateDirectory(dir.resolve("templates"))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("polcy.hcl.hbs");
    assertThat(dir.resolve("generated")).doesNotExist();
    assertThat(dir.resolve("secrets")).doesNotExist();
  }

  @Test
  void aMissingValueInATemplateFailsTheRunAndLeavesTheOutputAsItWas() throws Exception {
    Kesgen.generate(request());
    SortedMap<String, String> before = Golden.read(dir.resolve("generated"));
    Files.createDirectories(dir.resolve("templates/kes"));
    Files.writeString(dir.resolve("templates/kes/values.yaml.hbs"), "replicas: {{replicaz}}\n");

    assertThatThrownBy(() -> Kesgen.generate(request().withTemplateDirectory(dir.resolve("templates"))
            .withRotate(Set.of("all"))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("replicaz");
    assertThat(Golden.read(dir.resolve("generated"))).isEqualTo(before);
  }

  @Test
  void anInvalidTopologyChangesNothingOnDisk() throws Exception {
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, "version: 1\nvault: {}\ninstances: []\n");

    assertThatThrownBy(() -> Kesgen.generate(GenerateRequest.of(topology))).isInstanceOf(TopologyException.class);
    assertThat(dir.resolve("generated")).doesNotExist();
    assertThat(dir.resolve("secrets")).doesNotExist();
  }

  @Test
  void aSecretsDirectoryThatCannotTakeTheNewKeysFailsTheRunBeforeTheOutputIsWritten() throws Exception {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/kes"), "a file where kesgen needs a directory\n");

    assertThatThrownBy(() -> Kesgen.generate(request()))
        .isInstanceOf(EnvironmentException.class).hasMessageContaining("kes/dev").hasMessageContaining("nothing was written");
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  @Test
  void overlappingOutputAndSecretsDirectoriesAreRefused() {
    assertThatThrownBy(() -> Kesgen.generate(request().withSecretsDirectory(dir.resolve("generated/secrets"))))
        .isInstanceOf(ConfigurationException.class);
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  @Test
  void rotationReplacesExactlyTheNamedCertificate() throws Exception {
    GenerateResult first = Kesgen.generate(request());

    GenerateResult rotated = Kesgen.generate(request().withRotate(Set.of("dev/gecko")));

    assertThat(rotated.changedIdentities()).extracting(CertificateReport::name).containsExactly("tenants/dev/gecko");
    CertificateReport gecko = rotated.changedIdentities().get(0);
    assertThat(gecko.previousIdentity()).contains(first.certificates().stream()
        .filter(c -> c.name().equals("tenants/dev/gecko")).findFirst().orElseThrow().identity());
    assertThat(rotated.written()).contains("tenants/dev/gecko/client.crt", "kes/dev/values.yaml", "SUMMARY.md")
        .doesNotContain("kes/dev/server.crt", "tenants/dev/lizard/client.crt");
  }

  @Test
  void aRenewedServerCertificateTellsWhichTenantSecretsToApply() throws Exception {
    Kesgen.generate(request());

    GenerateResult rotated = Kesgen.generate(request().withRotate(Set.of("dev")));

    assertThat(rotated.warnings()).anySatisfy(w -> assertThat(w.text()).startsWith("[server-certificate-renewed] kes/dev"
            + " has a new server certificate")
        .contains("secrets/tenants/dev/gecko/secret.yaml", "secrets/tenants/dev/lizard/secret.yaml"));
    assertThat(Files.readString(dir.resolve("secrets/tenants/dev/gecko/secret.yaml"))).contains(
        java.util.Base64.getEncoder().encodeToString(Files.readString(dir.resolve("generated/kes/dev/server.crt"))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void warnsAboutMinioReleasesThatDieOnNewerKesErrorMessages() throws Exception {
    Path topology = dir.resolve("topology.yaml");
    String text = """
        version: 1
        vault: { endpoint: "https://vault.example.org:8200" }
        defaults: { kes: { version: KES }, tenant: { minioVersion: MINIO } }
        instances:
          - { name: dev, namespace: kes-dev, tenants: [ { name: gecko, namespace: gecko } ] }
        """;
    java.util.function.BiFunction<String, String, List<String>> warnings = (kes, minio) -> {
      try {
        Files.writeString(topology, text.replace("KES", kes).replace("MINIO", minio));
        return Kesgen.generate(GenerateRequest.of(topology).withClock(Golden.CLOCK)).warnings().stream()
            .filter(w -> w.id().id().equals("minio-14716") && w.message().contains("minio/minio#14716"))
            .map(dev.kesgen.warning.Warning::text).toList();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };

    assertThat(warnings.apply("v0.18.0", "RELEASE.2021-05-16T05-32-34Z")).hasSize(1);
    assertThat(warnings.apply("v0.18.0", "RELEASE.2022-02-26T02-54-46Z")).hasSize(1);
    assertThat(warnings.apply("v0.17.6", "RELEASE.2021-05-16T05-32-34Z")).isEmpty();
    assertThat(warnings.apply("v0.18.0", "RELEASE.2021-05-11T23-27-41Z")).isEmpty();
    assertThat(warnings.apply("v0.18.0", "RELEASE.2022-03-03T21-21-16Z")).isEmpty();
  }

  @Test
  void rotatingAnUnknownNameIsAnError() {
    assertThatThrownBy(() -> Kesgen.generate(request().withRotate(Set.of("dev/nobody"))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("dev/nobody").hasMessageContaining("dev/gecko");
  }

  @Test
  void checkPassesOnFreshOutputAndNamesAHandEditedFile() throws Exception {
    Kesgen.generate(request());
    assertThat(Kesgen.check(request(), Optional.empty()).passed()).isTrue();

    Path policy = dir.resolve("generated/vault/policies/kes-dev.hcl");
    Files.writeString(policy, Files.readString(policy) + "# edited\n");

    CheckResult result = Kesgen.check(request(), Optional.empty());
    assertThat(result.findings()).extracting(CheckResult.Finding::subject).containsExactly("vault/policies/kes-dev.hcl");
    assertThat(Files.readString(policy)).endsWith("# edited\n");
  }

  @Test
  void checkReportsCertificatesExpiringWithinRenewBeforeOrTheGivenLimit() throws Exception {
    Kesgen.generate(request());
    // issued 2026-06-01 for 3650 days, renewBefore 30 days
    Clock late = Clock.fixed(Instant.parse("2036-05-10T00:00:00Z"), ZoneOffset.UTC);

    CheckResult nearExpiry = Kesgen.check(request().withClock(late), Optional.empty());
    CheckResult withLimit = Kesgen.check(request(), Optional.of(java.time.Duration.ofDays(3700)));

    assertThat(nearExpiry.findings()).extracting(CheckResult.Finding::subject)
        .contains("kes/dev/server.crt", "tenants/dev/gecko/client.crt");
    assertThat(withLimit.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.CERTIFICATE)
        .extracting(CheckResult.Finding::subject)
        .containsExactly("kes/dev/server.crt", "tenants/dev/gecko/client.crt", "tenants/dev/lizard/client.crt");
    assertThat(dir.resolve("generated/kes/dev/server.crt")).content().isEqualTo(
        Files.readString(dir.resolve("generated/kes/dev/server.crt")));
  }

  @Test
  void checkFindsAPrivateKeyAndASecretIdInTheOutput() throws Exception {
    Kesgen.generate(request());
    Files.copy(dir.resolve("secrets/kes/dev/server.key"), dir.resolve("generated/kes/dev/server.key"));
    Files.writeString(dir.resolve("generated/notes.txt"), "secret_id: 5b2f6e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b\n");

    CheckResult result = Kesgen.check(request(), Optional.empty());

    assertThat(result.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.SECRET_IN_OUTPUT)
        .extracting(CheckResult.Finding::subject).containsExactlyInAnyOrder("kes/dev/server.key", "notes.txt");
  }

  @Test
  void checkFindsALiteralAppRoleSecretInTheKesConfiguration() throws Exception {
    Kesgen.generate(request());
    Path values = dir.resolve("generated/kes/dev/values.yaml");
    Files.writeString(values, Files.readString(values).replace("\"${KES_APPROLE_SECRET}\"", "s3cr3t-literal"));
    Files.writeString(dir.resolve("generated/env.yaml"), "KES_APPROLE_SECRET: 5b2f6e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b\n");

    CheckResult result = Kesgen.check(request(), Optional.empty());

    assertThat(result.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.SECRET_IN_OUTPUT)
        .extracting(CheckResult.Finding::subject).containsExactly("env.yaml", "kes/dev/values.yaml");
  }

  @Test
  void keysStayInTheSecretsDirectoryOnly() throws Exception {
    Kesgen.generate(request());

    assertThat(Golden.read(dir.resolve("generated")).values()).noneMatch(t -> t.contains("PRIVATE KEY"));
    assertThat(Files.readString(dir.resolve("secrets/tenants/dev/gecko/client.key"))).contains("PRIVATE KEY");
    assertThat(Files.readString(dir.resolve("secrets/.gitignore"))).isEqualTo("*\n");
  }
}

package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.sops.SopsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code minioAuth: apiKey} needs, attacked through template overrides (generate refuses, writing nothing) and
 * hand-edited committed output (check names it): a KES that verifies client certificates against a CA would refuse
 * MinIO's self-signed certificate; tenant values that also set a client certificate stop MinIO; values that carry the
 * key inline leak it. The topology is the api-key golden case: instance dev (KES 2025-03-12, tls.auth) with API-key
 * tenants gecko, lizard, newt and certificate tenant toad; instance old (KES v0.22.3, --auth) with API-key tenant frog.
 */
class ApiKeyRulesTest {
  static final Path TOPOLOGY = Golden.ROOT.resolve("api-key/topology.yaml");

  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  List<String> accessFindings() throws Exception {
    return Kesgen.check(request(), Optional.empty()).findings().stream()
        .filter(f -> f.kind() == CheckResult.Kind.ACCESS).map(CheckResult.Finding::toString).toList();
  }

  void edit(String path, String from, String to) throws IOException {
    Path file = dir.resolve("generated").resolve(path);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void theGeneratedOutputPassesCheck() throws Exception {
    Kesgen.generate(request());

    assertThat(Kesgen.check(request(), Optional.empty()).findings()).isEmpty();
  }

  @Test
  void anOverrideTurningTlsAuthOnFailsGenerateNamingTheApiKeyTenants() throws Exception {
    Path override = dir.resolve("templates/kes/server-config.yaml.hbs");
    Files.createDirectories(override.getParent());
    String embedded = AccessRulesTest.embedded("kes/server-config.yaml.hbs");
    assertThat(embedded).contains("  auth: {{yaml tls.auth}}\n");
    Files.writeString(override, embedded.replace("  auth: {{yaml tls.auth}}\n", "  auth: \"on\"\n"));

    assertThatThrownBy(() -> Kesgen.generate(request().withTemplateDirectory(dir.resolve("templates"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the output would break kesgen's access rules, so nothing is written")
        .hasMessageContaining("kes/dev/values.yaml: instance dev: tenant(s) gecko, lizard, newt authenticate with a"
            + " KES API key, whose self-signed certificate KES 2025-03-12T09-35-18Z refuses: its configuration sets"
            + " tls.auth: on, which verifies client certificates against a CA or stops KES");
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  @Test
  void checkRefusesACommittedKesThatVerifiesClientsWithTheAuthFlag() throws Exception {
    Kesgen.generate(request());
    edit("kes/old/values.yaml", "- \"--auth=off\"", "- \"--auth=on\"");

    assertThat(accessFindings()).contains("kes/old/values.yaml: instance old: tenant(s) frog authenticate with a KES"
        + " API key, whose self-signed certificate KES v0.22.3 refuses: it is started with --auth=on (no --auth means"
        + " on), which verifies client certificates against a CA or stops KES (K@v0.13.0:cmd/kes/server.go:251-258)"
        + " (regenerate without the override that turns client verification on, or write minioAuth: certificate)");
  }

  @Test
  void checkRefusesAKesStartedWithoutTheAuthFlag() throws Exception {
    Kesgen.generate(request());
    edit("kes/old/values.yaml", "    - \"--auth=off\"\n", "");

    assertThat(accessFindings()).anyMatch(f -> f.startsWith("kes/old/values.yaml: instance old: tenant(s) frog")
        && f.contains("it is started with --auth=on (no --auth means on)"));
  }

  @Test
  void checkRefusesApiKeyValuesThatAlsoSetAClientCertificate() throws Exception {
    Kesgen.generate(request());
    edit("tenants/dev/gecko/values.yaml", "  MINIO_CONFIG_ENV_FILE: \"/etc/minio/kes/config.env\"\n",
        "  MINIO_KMS_KES_CERT_FILE: \"/etc/minio/kes/tls.crt\"\n  MINIO_KMS_KES_KEY_FILE: \"/etc/minio/kes/tls.key\"\n");

    assertThat(accessFindings()).containsExactly(
        "tenants/dev/gecko/values.yaml: instance dev, tenant gecko: minioAuth is apiKey, but the values also set"
            + " MINIO_KMS_KES_CERT_FILE and MINIO_KMS_KES_KEY_FILE, and MinIO refuses to start with both an API key"
            + " and a client certificate (regenerate)",
        "tenants/dev/gecko/values.yaml: instance dev, tenant gecko: minioAuth is apiKey, but the values do not set"
            + " MINIO_CONFIG_ENV_FILE, so MinIO never reads the API key from the Secret's config.env (regenerate)");
  }

  @Test
  void checkRefusesAnApiKeyWrittenIntoTheValues() throws Exception {
    Kesgen.generate(request());
    String key = dev.kesgen.pki.KesApiKey.generate(new java.security.SecureRandom()).encoded();
    edit("tenants/dev/newt/values.yaml", "    MINIO_KMS_KES_ENDPOINT:", "    MINIO_KMS_KES_API_KEY: \"" + key
        + "\"\n    MINIO_KMS_KES_ENDPOINT:");

    CheckResult check = Kesgen.check(request(), Optional.empty());

    assertThat(check.findings()).extracting(CheckResult.Finding::toString)
        .contains("tenants/dev/newt/values.yaml: holds a KES API key; remove it (and from version control history)"
            + " and rotate the tenant (generate --rotate <instance>/<tenant>)")
        .anyMatch(f -> f.startsWith("tenants/dev/newt/values.yaml: instance dev, tenant newt: the values set"
            + " MINIO_KMS_KES_API_KEY inline"))
        .allMatch(f -> !f.contains(key.substring(7, 20)));
  }

  /**
   * A certificate tenant's values are parsed for an inline key only when they could name it (the text holds the
   * name, or a backslash): the name spelt out, and spelt with a double-quoted escape that hides it from a plain text
   * search, are both refused.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"MINIO_KMS_KES_API_KEY", "\"MINIO_KMS_KES_API\\x5FKEY\"",
      "\"MINIO_KMS_KES_API\\u005FKEY\""})
  void checkRefusesAnApiKeyInACertificateTenantsValuesHoweverTheNameIsSpelt(String name) throws Exception {
    Kesgen.generate(request());
    edit("tenants/dev/toad/values.yaml", "  MINIO_KMS_KES_ENDPOINT:", "  " + name + ": \"not-a-key\"\n"
        + "  MINIO_KMS_KES_ENDPOINT:");

    assertThat(accessFindings()).anyMatch(f -> f.startsWith("tenants/dev/toad/values.yaml: instance dev, tenant"
        + " toad: the values set MINIO_KMS_KES_API_KEY inline"));
  }

  @Test
  void checkKnowsTheCommittedSopsSecretOfAnApiKeyTenant() throws Exception {
    SopsFixture f = SopsFixture.create(Files.createDirectories(dir.resolve("sops")));
    Files.writeString(f.topology, Files.readString(f.topology).replace(
        "tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }",
        "tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z, minioAuth: apiKey }"));
    GenerateRequest sops = GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
        .withClock(SopsFixture.CLOCK);
    Kesgen.generate(sops);
    Path secret = f.output.resolve("tenants/dev/alpha/secret.sops.yaml");
    assertThat(Files.readString(secret)).contains("    config.env: ENC[AES256_GCM,");
    assertThat(Kesgen.check(sops, Optional.empty()).findings()).isEmpty();

    Files.delete(secret);

    assertThat(Kesgen.check(sops, Optional.empty()).findings()).extracting(CheckResult.Finding::toString)
        .anyMatch(m -> m.startsWith("tenants/dev/alpha/secret.sops.yaml: "));
  }
}

package dev.kesgen.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.sealed.SealedFixture;
import dev.kesgen.sops.SopsFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * A tenant with {@code minioAuth: apiKey}, through every secret sink: the {@code config.env} of its Secret (read back
 * from the secrets directory, decrypted by the real SOPS, unsealed by the Sealed Secrets controller's own code, or
 * left beside the key for the externalSecrets sink's write script) is
 * read by kespeer as MinIO reads {@code MINIO_CONFIG_ENV_FILE}, and Go's crypto/ed25519, crypto/x509 and
 * crypto/sha256 derive the identity of its {@code MINIO_KMS_KES_API_KEY}: it is the identity the generated KES policy
 * names for the tenant. The key is kept across runs and replaced by a rotation.
 */
class ApiKeyPeerTest {
  private static final String MINIO = "tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }";
  private static final String API_KEY = "tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z, minioAuth: apiKey }";

  @TempDir Path dir;

  @Test
  void theDirectorySinksConfigEnvHoldsTheKeyOfThePolicysIdentityAndIsKeptUntilRotated() throws Exception {
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, SopsFixture.topology("unused").replace("""
        secrets:
          sink: sops
          sops:
            ageRecipients: [unused]
        """, "").replace(MINIO, API_KEY));
    Path output = dir.resolve("generated");
    Path secrets = dir.resolve("secrets");
    GenerateRequest request = GenerateRequest.of(topology).withOutputDirectory(output).withSecretsDirectory(secrets)
        .withClock(SopsFixture.CLOCK);
    Kesgen.generate(request);

    String first = identityFromSecret(data(Files.readString(secrets.resolve("tenants/dev/alpha/secret.yaml"))));
    assertThat(Files.readString(output.resolve("kes/dev/values.yaml"))).contains(first);
    String values = Files.readString(output.resolve("tenants/dev/alpha/values.yaml"));
    assertThat(values).contains("MINIO_CONFIG_ENV_FILE").doesNotContain("MINIO_KMS_KES_CERT_FILE")
        .doesNotContain("MINIO_KMS_KES_KEY_FILE").doesNotContain("kes:v1:");

    Kesgen.generate(request);
    assertThat(identityFromSecret(data(Files.readString(secrets.resolve("tenants/dev/alpha/secret.yaml")))))
        .as("kept across runs").isEqualTo(first);

    Kesgen.generate(request.withRotate(Set.of("dev/alpha")));
    String rotated = identityFromSecret(data(Files.readString(secrets.resolve("tenants/dev/alpha/secret.yaml"))));
    assertThat(rotated).as("a rotation makes a new key and identity").isNotEqualTo(first);
    assertThat(Files.readString(output.resolve("kes/dev/values.yaml"))).contains(rotated).doesNotContain(first);
  }

  @Test
  void sopsDecryptsTheKeyOfThePolicysIdentity() throws Exception {
    Path sops = SopsPeerTest.sops();
    SopsFixture f = SopsFixture.create(dir);
    Files.writeString(f.topology, Files.readString(f.topology).replace(MINIO, API_KEY));
    Kesgen.generate(GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
        .withClock(SopsFixture.CLOCK));
    String policy = Files.readString(f.output.resolve("kes/dev/values.yaml"));
    for (String tenant : List.of("alpha", "beta")) {
      ProcessBuilder builder = new ProcessBuilder(sops.toString(), "--disable-version-check", "--decrypt",
          "--input-type", "yaml", "--output-type", "yaml",
          f.output.resolve("tenants/dev/" + tenant + "/secret.sops.yaml").toString());
      builder.environment().put("SOPS_AGE_KEY", f.identity);
      builder.environment().remove("SOPS_AGE_KEY_FILE");
      builder.redirectError(dir.resolve("sops.err").toFile());
      Process process = builder.start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(dir.resolve("sops.err"))).isZero();
      assertThat(policy).contains(identityFromSecret(data(out)));
    }
    assertThat(Files.exists(f.secrets)).as("no plaintext key stored outside the committed output").isFalse();
  }

  @Test
  void theSealedSecretsControllerUnsealsTheKeyOfThePolicysIdentity() throws Exception {
    GoPeer.SEALPEER.executable();
    SealedFixture f = SealedFixture.create(dir, "strict");
    Files.writeString(f.topology, Files.readString(f.topology).replace(MINIO, API_KEY));
    Kesgen.generate(GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
        .withClock(SealedFixture.CLOCK));
    String policy = Files.readString(f.output.resolve("kes/dev/values.yaml"));
    for (String tenant : List.of("alpha", "beta")) {
      JsonNode secret = GoPeer.SEALPEER.json(List.of("unseal", f.controllerKey.toString(),
          f.output.resolve("tenants/dev/" + tenant + "/secret.sealed.yaml").toString()));
      String env = secret.get("data").get("config.env").asText();
      assertThat(policy).contains(identity(env));
    }
  }

  /**
   * The externalSecrets sink: the config.env generate leaves beside the key, which external-secrets/apply.sh copies
   * into KV byte for byte (that copy and ESO's read of it are vault-it ExternalSecretsVaultTest's), holds the key of
   * the policy's identity; the output holds no key.
   */
  @Test
  void theExternalSecretsSinksConfigEnvHoldsTheKeyOfThePolicysIdentity() throws Exception {
    dev.kesgen.eso.EsoFixture f = dev.kesgen.eso.EsoFixture.create(dir, 2, "ClusterSecretStore", "appRole");
    Files.writeString(f.topology, Files.readString(f.topology).replace(MINIO, API_KEY));
    Kesgen.generate(f.request());
    String policy = Files.readString(f.output.resolve("kes/dev/values.yaml"));
    for (String tenant : List.of("alpha", "beta")) {
      assertThat(policy).contains(identity(Files.readString(f.secrets.resolve("tenants/dev/" + tenant + "/config.env"))));
      assertThat(Files.readString(f.output.resolve("tenants/dev/" + tenant + "/secret.external-secret.yaml")))
          .contains("property: config.env").doesNotContain("kes:v1:");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> data(String secretYaml) {
    Map<String, Object> secret = new Yaml().load(secretYaml);
    Map<String, String> data = (Map<String, String>) secret.get("data");
    return Map.of("config.env", new String(Base64.getDecoder().decode(data.get("config.env")), StandardCharsets.UTF_8));
  }

  private String identityFromSecret(Map<String, String> data) throws Exception {
    return identity(data.get("config.env"));
  }

  /** The identity kespeer derives from a config.env, which it reads as MinIO does. */
  private String identity(String configEnv) throws Exception {
    Path env = Files.createTempFile(dir, "config", ".env");
    Files.writeString(env, configEnv);
    JsonNode result = GoPeer.run(List.of("apikey", "--env-file", env.toString()));
    assertThat(result.has("error")).as(result.toString()).isFalse();
    assertThat(result.get("variables").size()).as("one variable, nothing else").isEqualTo(1);
    String identity = result.get("identity").asText();
    assertThat(identity).matches("[0-9a-f]{64}");
    return identity;
  }
}

package dev.kesgen.eso;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import dev.kesgen.Kesgen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every committed ExternalSecret, SecretStore and ClusterSecretStore is valid under the v1 schema of the CRD the API
 * server validates it with (external-secrets v0.16.2, {@link EsoCrds}), for both KV versions, both store kinds and
 * both logins, with unknown fields refused.
 */
class ExternalSecretsSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @Test
  void everyManifestIsValidUnderTheEsoCrds() throws Exception {
    Map<String, Schema> schemas = Map.of(
        "ExternalSecret", EsoCrds.schema("external-secrets.io_externalsecrets.yaml"),
        "SecretStore", EsoCrds.schema("external-secrets.io_secretstores.yaml"),
        "ClusterSecretStore", EsoCrds.schema("external-secrets.io_clustersecretstores.yaml"));
    int validated = 0;
    for (int kv : List.of(1, 2)) {
      for (String kind : List.of("ClusterSecretStore", "SecretStore")) {
        for (String auth : List.of("appRole", "kubernetes")) {
          Path root = Files.createDirectories(dir.resolve(kv + kind + auth));
          EsoFixture f = EsoFixture.create(root, kv, kind, auth);
          Kesgen.generate(f.request());
          for (Map.Entry<String, String> file : ExternalSecretsSinkTest.files(f.output).entrySet()) {
            if (!file.getKey().endsWith(".yaml") || !file.getValue().contains("apiVersion: external-secrets.io/")) {
              continue;
            }
            JsonNode manifest = YAML.readTree(file.getValue());
            assertThat(manifest.path("apiVersion").asText()).isEqualTo("external-secrets.io/v1");
            Schema schema = schemas.get(manifest.path("kind").asText());
            assertThat(schema).as(file.getKey()).isNotNull();
            assertThat(schema.validate(manifest)).as(kv + " " + kind + " " + auth + " " + file.getKey()).isEmpty();
            validated++;
          }
        }
      }
    }
    // per configuration: 4 ExternalSecrets of certificates, 1 of KES's AppRole login, and one ClusterSecretStore, or
    // one SecretStore in each of 3 namespaces
    assertThat(validated).isEqualTo(2 * 2 * 6 + 2 * 2 * 8);
    // the check can fail: a field the CRD does not know is refused, and so is a misspelt KV version
    JsonNode wrong = YAML.readTree("apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: x}\n"
        + "spec:\n  data:\n    - secretKey: a\n      remoteRef: {key: k, property: p, revision: \"1\"}\n");
    assertThat(schemas.get("ExternalSecret").validate(wrong)).isNotEmpty();
    JsonNode badVersion = YAML.readTree("apiVersion: external-secrets.io/v1\nkind: SecretStore\nmetadata: {name: x}\n"
        + "spec:\n  provider:\n    vault: {server: \"https://v\", path: secret, version: \"2\", auth: {tokenSecretRef: {name: t, key: k}}}\n");
    assertThat(schemas.get("SecretStore").validate(badVersion)).isNotEmpty();
  }
}

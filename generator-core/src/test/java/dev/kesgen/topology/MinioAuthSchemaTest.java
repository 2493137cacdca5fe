package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema's {@code minioAuth} is {@link MinioAuth}, in {@code defaults.tenant} and on every tenant. */
class MinioAuthSchemaTest {
  @TempDir Path dir;

  @Test
  void bothMinioAuthEnumsAreTheJavaSpellingsWithTheDefault() throws Exception {
    JsonNode root;
    try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(TopologyLoader.SCHEMA_RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    List<JsonNode> found = new ArrayList<>();
    root.findParents("minioAuth").forEach(p -> found.add(p.get("minioAuth")));
    List<String> spellings = Arrays.stream(MinioAuth.values()).map(MinioAuth::spelling).toList();

    assertThat(found).as("defaults.tenant and instances[].tenants[]").hasSize(2);
    for (JsonNode auth : found) {
      List<String> allowed = new ArrayList<>();
      auth.path("enum").forEach(v -> allowed.add(v.asText()));
      assertThat(allowed).isEqualTo(spellings);
      assertThat(auth.path("default").asText()).isEqualTo(MinioAuth.CERTIFICATE.spelling());
    }
  }

  @Test
  void theSchemaAndTheLoaderAcceptAnApiKeyTenant() throws Exception {
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, """
        version: 1
        vault:
          endpoint: https://vault.example.org:8200
        defaults:
          kes: { version: 2025-03-12T09-35-18Z }
          tenant: { minioVersion: RELEASE.2023-02-17T17-52-43Z, minioAuth: apiKey }
        instances:
          - name: dev
            namespace: kes-dev
            tenants:
              - { name: gecko, namespace: minio-gecko }
              - { name: lizard, namespace: minio-lizard, minioAuth: certificate }
        """);

    TopologySchemaTest.loadSchema();
    assertThat(TopologySchemaTest.validate(file)).isEmpty();
    List<Tenant> tenants = TopologyLoader.load(file).instances().get(0).tenants();
    assertThat(tenants).extracting(Tenant::minioAuth).containsExactly(MinioAuth.API_KEY, MinioAuth.CERTIFICATE);
  }
}

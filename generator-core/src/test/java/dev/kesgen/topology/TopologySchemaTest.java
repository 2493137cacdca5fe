package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema shipped for editors accepts what the loader accepts and rejects structural mistakes. */
class TopologySchemaTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(TopologyLoader.SCHEMA_RESOURCE)) {
      assertThat(in).as("schema on the classpath at " + TopologyLoader.SCHEMA_RESOURCE).isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  static List<Error> validate(Path file) throws Exception {
    JsonNode node = YAML.readTree(file.toFile());
    return schema.validate(node);
  }

  @Test
  void acceptsTheExample() throws Exception {
    assertThat(validate(TopologyLoaderTest.EXAMPLE)).isEmpty();
  }

  @Test
  void everyKesVersionOfTheSchemaIsTheShippedListOfReleases() throws Exception {
    JsonNode root;
    try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(TopologyLoader.SCHEMA_RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    List<JsonNode> versions = new java.util.ArrayList<>();
    kesVersions(root, versions);
    List<String> releases = KesVersion.releases().stream().map(KesVersion::tag).toList();

    assertThat(versions).as("defaults.kes.version and instances[].kes.version").hasSize(2);
    for (JsonNode version : versions) {
      List<String> allowed = new java.util.ArrayList<>();
      version.path("enum").forEach(tag -> allowed.add(tag.asText()));
      assertThat(allowed).isEqualTo(releases);
    }
  }

  @Test
  void acceptsATopologyWithKubernetesAuth() throws Exception {
    assertThat(validate(Path.of("src/test/resources/golden/kubernetes-auth/topology.yaml"))).isEmpty();
  }

  @Test
  void theVaultAuthEnumsOfTheSchemaAreTheJavaType() throws Exception {
    JsonNode root;
    try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(TopologyLoader.SCHEMA_RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    List<String> spellings = java.util.Arrays.stream(VaultAuth.values()).map(VaultAuth::toString).toList();
    assertThat(texts(root.path("properties").path("vault").path("properties").path("auth").path("enum")))
        .isEqualTo(spellings);
    assertThat(texts(root.path("properties").path("instances").path("items").path("properties").path("vaultAuth")
        .path("enum"))).isEqualTo(spellings);
  }

  @Test
  void everyKeyTypeOfTheSchemaIsAJavaKeyType() throws Exception {
    List<JsonNode> found = properties(root(), "keyType");
    assertThat(found).as("server and client certificate profiles, in defaults and instances").hasSize(4);
    List<String> spellings = java.util.Arrays.stream(KeyType.values()).map(KeyType::spelling).toList();
    for (JsonNode keyType : found) {
      assertThat(strings(keyType.path("enum"))).isEqualTo(spellings);
    }
  }

  @Test
  void everyChartOfTheSchemaIsAJavaChartLayout() throws Exception {
    List<JsonNode> found = properties(root(), "chart");
    assertThat(found).as("defaults.tenant.chart and instances[].tenants[].chart").hasSize(2);
    List<String> spellings = java.util.Arrays.stream(ChartLayout.values()).map(ChartLayout::spelling).toList();
    for (JsonNode chart : found) {
      assertThat(strings(chart.path("enum"))).isEqualTo(spellings);
      assertThat(chart.path("default").asText()).isEqualTo(ChartLayout.ARMADILLO.spelling());
    }
  }

  private static JsonNode root() throws Exception {
    try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(TopologyLoader.SCHEMA_RESOURCE)) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** Every property of this name, anywhere in the schema. */
  private static List<JsonNode> properties(JsonNode root, String name) {
    List<JsonNode> found = new java.util.ArrayList<>();
    root.findParents(name).forEach(parent -> {
      if (parent.get(name).isObject() && parent.get(name).has("enum")) {
        found.add(parent.get(name));
      }
    });
    return found;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void theSecretsEnumsOfTheSchemaAreTheJavaTypes() throws Exception {
    JsonNode root;
    try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(TopologyLoader.SCHEMA_RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    JsonNode secrets = root.path("properties").path("secrets").path("properties");
    assertThat(texts(secrets.path("sink").path("enum"))).isEqualTo(Secrets.SINKS);
    assertThat(texts(secrets.path("sealedSecrets").path("properties").path("scope").path("enum")))
        .isEqualTo(Secrets.SealedSecrets.Scope.spellings());
    JsonNode external = secrets.path("externalSecrets").path("properties");
    assertThat(texts(external.path("store").path("properties").path("kind").path("enum")))
        .isEqualTo(Secrets.ExternalSecrets.STORE_KINDS);
    assertThat(texts(external.path("auth").path("enum"))).isEqualTo(Secrets.ExternalSecrets.AUTHS);
    assertThat(texts(secrets.path("sops").path("properties").path("ageRecipients").path("items").path("pattern")))
        .isNotEmpty();
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new java.util.ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void theAcknowledgeableIdsOfTheSchemaAreThoseOfTheLoader() throws Exception {
    JsonNode root;
    try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(TopologyLoader.SCHEMA_RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    List<String> ids = new java.util.ArrayList<>();
    root.path("properties").path("acknowledge").path("items").path("properties").path("id").path("enum")
        .forEach(id -> ids.add(id.asText()));

    assertThat(ids).isEqualTo(WarningId.acknowledgeableIds());
  }

  @Test
  void acceptsAnAcknowledgement() throws Exception {
    JsonNode topology = YAML.readTree(TopologyLoaderTest.EXAMPLE.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) topology).set("acknowledge", YAML.readTree(
        "[{id: minio-14716, instance: dev, tenant: gecko, reason: until the MinIO upgrade}, {id: network-unbound,"
            + " reason: lab cluster}]"));

    assertThat(schema.validate(topology)).isEmpty();
  }

  @Test
  void acceptsTheServiceAccountOfAKubernetesLogin() throws Exception {
    JsonNode topology = YAML.readTree(TopologyLoaderTest.EXAMPLE.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) topology).set("secrets", YAML.readTree(
        "{sink: externalSecrets, externalSecrets: {auth: kubernetes, serviceAccount: {name: eso.reader, namespace: eso}}}"));

    assertThat(schema.validate(topology)).isEmpty();
  }

  /** Every {@code version} property beside an {@code image} property: the KES settings. */
  private static void kesVersions(JsonNode node, List<JsonNode> found) {
    JsonNode properties = node.path("properties");
    if (properties.has("image") && properties.has("version")) {
      found.add(properties.get("version"));
    }
    node.forEach(child -> kesVersions(child, found));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "04-unknown-field-near-miss", "05-unknown-field-far", "06-port-not-a-number", "07-instances-not-a-list",
      "08-version-missing", "09-version-2", "10-version-text", "11-vault-missing", "12-vault-endpoint-missing",
      "13-vault-endpoint-scheme", "17-instance-name-upper", "18-tenant-name-upper", "19-namespace-too-long",
      "20-namespace-trailing-dash", "23-key-name-dot", "24-key-name-leading-dash", "25-key-name-too-long",
      "27-key-listed-twice", "28-duration-unit", "31-kes-version-unparseable", "33-minio-version-malformed",
      "34-key-type-unknown", "35-chart-unknown", "36-kv-version-3", "37-instances-empty", "40-admin-identity-invalid",
      "44-service-name", "45-replicas-zero", "48-defaults-error-once", "49-tenant-cert-has-no-sans",
      "81-kv-mount-under-auth", "82-kv-mount-sys-any-case", "83-kv-mount-leading-slash", "86-endpoint-token-as-user",
      "87-endpoint-user-name", "89-kes-version-never-released", "90-kes-version-impossible-date",
      "121-vault-auth-unknown", "124-kubernetes-host-not-https", "125-kubernetes-host-missing",
      "126-service-account-invalid", "98-acknowledge-unknown-id", "99-acknowledge-wrong-scope",
      "98-secrets-external-service-account-names"})
  void rejectsStructuralMistakes(String name) throws Exception {
    assertThat(validate(InvalidTopologyCorpusTest.CORPUS.resolve(name + ".yaml"))).isNotEmpty();
  }
}

package dev.kesgen.sealed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every committed SealedSecret is valid under the CRD the API server validates it with (the sealed-secrets v0.27.1
 * CRD, {@code src/test/resources/crds/bitnami.com_sealedsecrets.yaml}), read as a structural schema: a field the CRD
 * does not declare (where it does not preserve unknown fields) is refused, as the API server would prune it.
 */
class SealedSecretSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  static Schema schema() throws Exception {
    JsonNode crd = YAML.readTree(Path.of("src/test/resources/crds/bitnami.com_sealedsecrets.yaml").toFile());
    JsonNode version = crd.path("spec").path("versions").get(0);
    assertThat(version.path("name").asText()).isEqualTo("v1alpha1");
    ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
    structural(schema);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
  }

  /** Objects with declared properties refuse others unless the CRD preserves unknown fields there. */
  private static void structural(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")
          && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        object.put("additionalProperties", false);
      }
      if (object.path("nullable").asBoolean(false)) {
        object.remove("nullable");
      }
    }
    node.forEach(SealedSecretSchemaTest::structural);
  }

  @Test
  void everySealedSecretIsValidUnderTheCrd() throws Exception {
    Schema schema = schema();
    for (String scope : List.of("strict", "namespace-wide", "cluster-wide")) {
      Path root = Files.createDirectories(dir.resolve(scope));
      SealedFixture f = SealedFixture.create(root, scope);
      Kesgen.generate(GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
          .withClock(SealedFixture.CLOCK));
      Map<String, String> files = SealedSecretsSinkTest.files(f.output);
      List<String> sealed = files.keySet().stream().filter(p -> p.endsWith(".sealed.yaml")).toList();
      assertThat(sealed).hasSize(3);
      for (String path : sealed) {
        JsonNode manifest = YAML.readTree(files.get(path));
        List<Error> errors = schema.validate(manifest);
        assertThat(errors).as(scope + " " + path).isEmpty();
      }
    }
    // the check can fail: a field the CRD does not know is refused
    JsonNode wrong = YAML.readTree("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: x}\n"
        + "spec:\n  encryptedData: {a: b}\n  template: {type: kubernetes.io/tls, stringData: {a: b}}\n");
    assertThat(schema.validate(wrong)).isNotEmpty();
  }
}

package dev.kesgen.eso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The External Secrets Operator CRDs of external-secrets/external-secrets v0.16.2 ({@code config/crds/bases}, Apache-2.0),
 * as JSON schemas of their {@code v1} version. They come from the Go module proxy through {@code go mod download}
 * (which checks the module against the Go checksum database; its hash is pinned here as well) once, and are kept in
 * {@code ~/.cache/kesgen-peers/external-secrets-v0.16.2/}; without them and without Go the test is skipped, or fails
 * when {@code CI} is set.
 */
final class EsoCrds {
  static final String MODULE = "github.com/external-secrets/external-secrets@v0.16.2";
  /** The module's hash in go.sum form, as sum.golang.org records it. */
  static final String SUM = "h1:iNY+gIgSyL5higXTfnz+hdPCaiB/43UiHLqE7HBpj68=";
  static final List<String> FILES = List.of("external-secrets.io_externalsecrets.yaml",
      "external-secrets.io_secretstores.yaml", "external-secrets.io_clustersecretstores.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private EsoCrds() {}

  /** The directory holding the three CRDs, fetched once. */
  static synchronized Path directory() throws Exception {
    Path cache = Path.of(System.getProperty("user.home"), ".cache/kesgen-peers/external-secrets-v0.16.2");
    if (FILES.stream().allMatch(f -> Files.isRegularFile(cache.resolve(f)))) {
      return cache;
    }
    Path go = null;
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "go"))) {
        go = Path.of(p, "go");
        break;
      }
    }
    if (go == null) {
      String why = "the ESO CRD test needs the CRDs of " + MODULE + " in " + cache + ", or Go to fetch them (go mod download)";
      if (System.getenv("CI") != null) {
        Assertions.fail(why + "; CI is set, so this is a failure rather than a skip");
      }
      Assumptions.abort(why + "; skipped because CI is not set");
    }
    ProcessBuilder download = new ProcessBuilder(go.toString(), "mod", "download", "-json", MODULE)
        .redirectErrorStream(true).directory(Files.createTempDirectory("kesgen-eso").toFile());
    download.environment().put("GOFLAGS", "-mod=mod");
    Process process = download.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      Assertions.fail("go mod download " + MODULE + " failed: " + output);
    }
    JsonNode result = new ObjectMapper().readTree(output);
    Assertions.assertEquals(SUM, result.path("Sum").asText(), "the module's hash");
    Path bases = Path.of(result.path("Dir").asText(), "config/crds/bases");
    Files.createDirectories(cache);
    for (String file : FILES) {
      Path partial = cache.resolve(file + ".part");
      Files.copy(bases.resolve(file), partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, cache.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return cache;
  }

  /** The {@code v1} schema of a CRD, structural: a field it does not declare is refused, as the API server prunes it. */
  static Schema schema(String file) throws Exception {
    JsonNode crd = YAML.readTree(directory().resolve(file).toFile());
    JsonNode version = null;
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (v.path("name").asText().equals("v1")) {
        version = v;
      }
    }
    Assertions.assertNotNull(version, file + " serves v1");
    Assertions.assertTrue(version.path("served").asBoolean() && version.path("storage").asBoolean(), file + " v1 is served and stored");
    ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
    structural(schema);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
  }

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
    node.forEach(EsoCrds::structural);
  }
}

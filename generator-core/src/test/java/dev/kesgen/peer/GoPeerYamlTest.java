package dev.kesgen.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.kes.SupportedReleases;
import dev.kesgen.topology.KesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What KES and MinIO read is text under both Go YAML libraries: every scalar of each KES server configuration
 * ({@code server.config} of {@code kes/<instance>/values.yaml}), and every MinIO environment variable of each tenant
 * values file, decodes as a string with gopkg.in/yaml.v2 (YAML 1.1, where unquoted on/off/yes/no/y/n are booleans)
 * and with gopkg.in/yaml.v3.
 */
class GoPeerYamlTest {
  private static final List<String> LIBRARIES = List.of("yaml.v2", "yaml.v3");
  private static final Predicate<String> EVERY_LEAF = path -> true;
  private static final Predicate<String> ENVIRONMENT =
      path -> path.startsWith("environment.") || path.startsWith("minio.environment.");
  // All digits: read as a number if it were not quoted.
  private static final String ADMIN = "1234567890".repeat(6) + "1234";

  @TempDir Path dir;

  @BeforeEach
  void buildThePeer() {
    GoPeer.binary();
  }

  /** One YAML document for the peer, the leaves of it that must be strings, and how a failure names it. */
  private record Document(String label, Path file, Predicate<String> mustBeStrings) {}

  @Test
  void committedGoldenAndExampleOutputIsReadAsStrings() throws Exception {
    List<Path> outputs = new ArrayList<>();
    outputs.add(Path.of("../examples/molgenis/generated"));
    try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
      golden.map(d -> d.resolve("expected")).filter(Files::isDirectory).sorted().forEach(outputs::add);
    }
    List<Document> documents = new ArrayList<>();
    for (Path output : outputs) {
      documents.addAll(documents(output, output.toString()));
    }

    assertAllStrings(documents);
  }

  @Test
  void everySupportedReleaseIsReadAsStrings() throws Exception {
    List<KesVersion> releases = SupportedReleases.versions();
    assertThat(releases).hasSizeGreaterThan(60);
    StringBuilder v1 = new StringBuilder(header(1, ""));
    StringBuilder v2 = new StringBuilder(header(2, "  namespace: \"on\"\n  caCertificate: vault-ca.pem\n"));
    for (int i = 0; i < releases.size(); i++) {
      KesVersion release = releases.get(i);
      v1.append(instance("r" + i, release, "disabled", true));
      v1.append(instance("r" + i + "-admin", release, ADMIN, false));
      if (release.isAtLeast(KesVersion.FIRST_WITH_KV_V2)) {
        v2.append(instance("r" + i + "-admin", release, ADMIN, true));
      }
    }
    Files.copy(Path.of("src/test/resources/golden/dialect-v0.22.3/vault-ca.pem"), dir.resolve("vault-ca.pem"));

    List<Document> documents = new ArrayList<>();
    documents.addAll(generate("kv-v1", v1.toString()));
    documents.addAll(generate("kv-v2", v2.toString()));

    assertThat(documents).hasSizeGreaterThan(releases.size() * 4 * 2);
    assertAllStrings(documents);
  }

  private List<Document> generate(String name, String topologyText) throws Exception {
    Path topology = dir.resolve(name + ".yaml");
    Files.writeString(topology, topologyText);
    Path output = dir.resolve(name);
    Kesgen.generate(GenerateRequest.of(topology).withOutputDirectory(output)
        .withSecretsDirectory(dir.resolve(name + "-secrets")));
    return documents(output, name);
  }

  private static String header(int kvVersion, String vaultExtra) {
    return """
        version: 1
        vault:
          endpoint: "https://vault.example.org:8200"
          kv: { mount: secret, version: %d }
        %sinstances:
        """.formatted(kvVersion, vaultExtra);
  }

  // Tenants and keys with names YAML 1.1 reads as booleans, null or numbers, one tenant per MinIO chart layout;
  // provisioning true or false switches auto-encryption on or off for each layout.
  private static String instance(String name, KesVersion release, String admin, boolean provisioning) {
    return """
          - name: %1$s
            namespace: kes-%1$s
            kes: { version: "%2$s", adminIdentity: "%3$s", provisioning: %4$s }
            tenants:
              - { name: "on", namespace: "on-%1$s", chart: armadillo, keys: [ "on", "1e3" ],
                  autoEncryption: %4$s, minioVersion: RELEASE.2020-10-09T22-55-05Z }
              - { name: "no", namespace: "no-%1$s", chart: minio-legacy, keys: [ "007" ],
                  autoEncryption: %4$s, minioVersion: RELEASE.2021-05-16T05-32-34Z }
              - { name: "null", namespace: "null-%1$s", chart: minio, keys: [ "0x1F", "true" ],
                  autoEncryption: %4$s, minioVersion: RELEASE.2022-10-24T18-35-07Z }
        """.formatted(name, release.tag(), admin, provisioning);
  }

  /** The KES configurations and tenant values files of one output directory. */
  private List<Document> documents(Path output, String label) throws IOException {
    List<Document> documents = new ArrayList<>();
    Path scratch = Files.createTempDirectory(dir, "config");
    try (Stream<Path> kes = Files.list(output.resolve("kes"))) {
      for (Path instance : kes.filter(Files::isDirectory).sorted().toList()) {
        Path values = instance.resolve("values.yaml");
        Path config = scratch.resolve(instance.getFileName() + ".yaml");
        Files.writeString(config, KesValues.configText(values));
        String release = KesValues.YAML.readTree(values.toFile()).path("image").path("tag").asText();
        documents.add(new Document(label + ": " + output.relativize(values) + " server.config (KES " + release + ")",
            config, EVERY_LEAF));
      }
    }
    try (Stream<Path> tenants = Files.walk(output.resolve("tenants"))) {
      for (Path values : tenants.filter(p -> p.getFileName().toString().equals("values.yaml")).sorted().toList()) {
        documents.add(new Document(label + ": " + output.relativize(values), values, ENVIRONMENT));
      }
    }
    return documents;
  }

  private static void assertAllStrings(List<Document> documents) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("yaml"));
    for (Document document : documents) {
      arguments.add("--file");
      arguments.add(document.file().toString());
    }
    JsonNode answer = GoPeer.run(arguments);
    if (documents.size() == 1) {
      answer = KesValues.YAML.createObjectNode().set(documents.get(0).file().toString(), answer);
    }

    List<String> notStrings = new ArrayList<>();
    for (Document document : documents) {
      for (String library : LIBRARIES) {
        JsonNode leaves = answer.path(document.file().toString()).path(library);
        assertThat(leaves.isObject()).as("%s: %s answered", document.label(), library).isTrue();
        assertThat(leaves.has("error")).as("%s: %s: %s", document.label(), library, leaves.path("error")).isFalse();
        List<String> checked = new ArrayList<>();
        leaves.properties().forEach(leaf -> {
          if (document.mustBeStrings().test(leaf.getKey())) {
            checked.add(leaf.getKey());
            if (!leaf.getValue().asText().equals("string")) {
              notStrings.add(document.label() + ": " + library + " reads " + leaf.getKey() + " as "
                  + leaf.getValue().asText());
            }
          }
        });
        assertThat(checked).as("%s: %s has values to check", document.label(), library).isNotEmpty();
      }
    }
    assertThat(notStrings).as("values a Go YAML library does not read as strings").isEmpty();
  }
}

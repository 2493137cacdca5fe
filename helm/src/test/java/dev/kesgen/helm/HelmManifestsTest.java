package dev.kesgen.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kesgen.ExtensionInput;
import dev.kesgen.GenerateRequest;
import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With kesgen-helm on the class path, Kesgen.generate writes the rendered manifests of every KES instance. */
class HelmManifestsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final String TOPOLOGY = """
      version: 1
      vault:
        endpoint: https://vault.example.org:31457
      defaults:
        kes: { version: v0.13.4, service: kes-review }
        tenant: { minioVersion: RELEASE.2020-10-09T22-55-05Z }
      instances:
        - name: dev
          namespace: kes-dev
          tenants:
            - name: gecko
              namespace: armadillo-gecko
              keys: [gecko]
      """;

  @TempDir Path dir;
  GenerateRequest request;

  @BeforeEach
  void writeTopology() throws Exception {
    Path topology = Files.writeString(dir.resolve("topology.yaml"), TOPOLOGY);
    request = GenerateRequest.of(topology).withClock(CLOCK);
  }

  @Test
  void writesTheDeploymentAndTheServiceOfTheInstance() throws Exception {
    GenerateResult result = Kesgen.generate(request);

    assertThat(result.written()).contains("kes/dev/manifests.yaml");
    List<JsonNode> documents = documents(Files.readString(dir.resolve("generated/kes/dev/manifests.yaml")));
    assertThat(documents).filteredOn(d -> d.path("kind").asText().equals("Deployment"))
        .extracting(d -> d.at("/metadata/name").asText()).containsExactly("kes-dev");
    assertThat(documents).filteredOn(d -> d.path("kind").asText().equals("Service"))
        .extracting(d -> d.at("/metadata/name").asText()).containsExactly("kes-review");
  }

  @Test
  void rendersTheReleaseOfTheInstanceInItsNamespace() throws Exception {
    Kesgen.generate(request);

    JsonNode configMap = documents(Files.readString(dir.resolve("generated/kes/dev/manifests.yaml"))).stream()
        .filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow();
    assertThat(configMap.at("/metadata/labels/app.kubernetes.io~1instance").asText()).isEqualTo("kes-dev");
    assertThat(configMap.at("/data/config.yaml").asText())
        .isEqualTo(new YAMLMapper().readTree(dir.resolve("generated/kes/dev/values.yaml").toFile()).at("/server/config").asText());
  }

  @Test
  void startsWithWhereItComesFromAndEndsWithOneNewline() throws Exception {
    Kesgen.generate(request);

    String text = Files.readString(dir.resolve("generated/kes/dev/manifests.yaml"));
    assertThat(text).startsWith("# Rendered by kesgen-helm from charts/kes with kes/dev/values.yaml; Helm hooks"
        + " (the key provisioning Job) are not shown.\n---\n");
    assertThat(text).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
  }

  @Test
  void aSecondRunIsUpToDate() throws Exception {
    Kesgen.generate(request);
    byte[] first = Files.readAllBytes(dir.resolve("generated/kes/dev/manifests.yaml"));

    GenerateResult second = Kesgen.generate(request);

    assertThat(second.upToDate()).as("written %s", second.written()).isTrue();
    assertThat(second.kept()).contains("kes/dev/manifests.yaml");
    assertThat(Files.readAllBytes(dir.resolve("generated/kes/dev/manifests.yaml"))).isEqualTo(first);
  }

  @Test
  void checkPassesRightAfterGenerate() throws Exception {
    Kesgen.generate(request);

    assertThat(Kesgen.check(request, Optional.empty()).findings()).isEmpty();
  }

  @Test
  void checkFindsEditedManifests() throws Exception {
    Kesgen.generate(request);
    Path manifests = dir.resolve("generated/kes/dev/manifests.yaml");
    Files.writeString(manifests, Files.readString(manifests).replace("replicas: 1", "replicas: 3"));

    assertThat(Kesgen.check(request, Optional.empty()).findings())
        .extracting(f -> f.subject()).containsExactly("kes/dev/manifests.yaml");
  }

  @Test
  void addsNothingForNoInstances() throws Exception {
    Topology topology = TopologyLoader.load(request.topology());

    assertThat(new HelmManifests().files(new ExtensionInput(topology, List.of()))).isEmpty();
  }

  @Test
  void aFailingRenderNamesTheValuesFile() throws Exception {
    Topology topology = TopologyLoader.load(request.topology());
    ExtensionInput.KesInstance dev = new ExtensionInput.KesInstance(topology.instances().get(0), "kes-dev", "kes-dev",
        "kes/dev/values.yaml", "replicaCount: many\n", "kes/dev/manifests.yaml");

    assertThatThrownBy(() -> new HelmManifests().files(new ExtensionInput(topology, List.of(dev))))
        .hasMessageContaining("kes/dev/values.yaml");
  }

  static List<JsonNode> documents(String text) throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = yaml.createParser(text)) {
      yaml.readValues(parser, JsonNode.class).forEachRemaining(d -> {
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          documents.add(d);
        }
      });
    }
    return documents;
  }
}

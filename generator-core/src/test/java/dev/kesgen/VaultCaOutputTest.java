package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** What of {@code vault.caCertificate} reaches the committed KES values: its certificates re-encoded, nothing else. */
class VaultCaOutputTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/dialect-2024-03-13");

  @TempDir Path dir;

  private GenerateRequest request(Path topology) {
    return GenerateRequest.of(topology).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  @SuppressWarnings("unchecked")
  private String valuesCa() throws Exception {
    Map<String, Object> values = new Yaml().load(Files.readString(dir.resolve("generated/kes/dev/values.yaml")));
    return (String) ((Map<String, Object>) values.get("vault")).get("caCertificate");
  }

  @Test
  void anIndentedCrlfCaFileGivesValidValuesHoldingTheCanonicalPem() throws Exception {
    String canonical = Files.readString(GOLDEN.resolve("vault-ca.pem"));
    Path topology = Files.copy(GOLDEN.resolve("topology.yaml"), dir.resolve("topology.yaml"));
    Files.writeString(dir.resolve("vault-ca.pem"), canonical.lines().map(l -> "  " + l + "\r\n")
        .reduce("", String::concat));

    GenerateResult result = Kesgen.generate(request(topology));

    assertThat(valuesCa()).isEqualTo(canonical);
    assertThat(result.warnings()).noneMatch(w -> w.message().contains("caCertificate"));
  }

  @Test
  void aCaFileOutsideTheTopologysDirectoryIsReadWithAWarning() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path ca = Files.copy(GOLDEN.resolve("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    Path topology = Files.writeString(project.resolve("topology.yaml"), Files.readString(GOLDEN.resolve("topology.yaml"))
        .replace("caCertificate: vault-ca.pem", "caCertificate: ../vault-ca.pem"));

    GenerateResult result = Kesgen.generate(request(topology));

    String warning = "vault.caCertificate lies outside the topology's directory: its certificates are committed into"
        + " the KES values, but the file may not be in the repository; copy it beside the topology file and name it"
        + " there, so that every checkout generates the same output";
    assertThat(result.warnings()).extracting(w -> w.text()).contains("[vault-ca-outside] " + warning);
    // SUMMARY.md says it as well, with no path of this machine in it
    String summary = Files.readString(dir.resolve("generated/SUMMARY.md"));
    assertThat(summary).contains("- `vault-ca-outside`: " + warning + ".").doesNotContain(dir.toString());
    assertThat(valuesCa()).isEqualTo(Files.readString(ca));
  }
}

package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} and {@code validate} from the jar: exit codes, where findings go, and the JSON for CI. */
class CheckIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @BeforeEach
  void project() {
    Jar.project(dir);
  }

  @Test
  void checkPassesOnFreshOutput() {
    generate();

    Jar.Run run = Jar.run(dir, "check", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("kesgen check passed\n");
  }

  @Test
  void checkFailsWithOneLinePerFindingOnStandardError() throws IOException {
    generate();
    handEdit();

    Jar.Run run = Jar.run(dir, "check", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("error: kesgen check found 1 problem(s); run kesgen generate (or kesgen rotate) "
        + "and commit the result:\n  generated/vault/policies/kes-dev.hcl: differs from what generate writes");
  }

  @Test
  void checkAsJsonNamesTheFileOfEachFinding() throws IOException {
    generate();
    handEdit();

    Jar.Run run = Jar.run(dir, "check", "--format", "json", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.stdout());
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.get("findings")).hasSize(1);
    JsonNode finding = report.get("findings").get(0);
    assertThat(finding.get("kind").asText()).isEqualTo("stale");
    assertThat(finding.get("file").asText()).isEqualTo("generated/vault/policies/kes-dev.hcl");
    assertThat(finding.get("message").asText()).startsWith("differs from what generate writes");
    assertThat(report.get("warnings").isArray()).isTrue();
  }

  @Test
  void checkAsJsonPassing() throws IOException {
    generate();

    Jar.Run run = Jar.run(dir, "check", "--format=json", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode report = JSON.readTree(run.stdout());
    assertThat(report.get("ok").asBoolean()).isTrue();
    assertThat(report.get("findings")).isEmpty();
  }

  @Test
  void checkFindsCertificatesExpiringWithinTheGivenTime() {
    generate();

    Jar.Run run = Jar.run(dir, "check", "--fail-on-expiring-within", "400d", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr()).contains("generated/kes/dev/server.crt: expires 2027-01-01T00:00:00Z, within 400d");
  }

  @Test
  void invalidTopologyFailsCheckWithFileLineAndColumn() throws IOException {
    breakTopology();

    Jar.Run run = Jar.run(dir, "check", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr()).contains("error: The topology has 1 problem(s); fix them and run again:\n"
        + "  topology.yaml:25:11: instances[0].name: \"Dev_x\" is not a DNS-1123 label");
  }

  @Test
  void validatePlansInMemoryAndWritesNothing() {
    Jar.Run run = Jar.run(dir, "validate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).startsWith(
        "topology.yaml is valid: 1 instance(s), 2 tenant(s), 14 file(s) planned; nothing written\nPlan:\n")
        .contains("    tenant dev/gecko added (identity ", "  + kes/dev/values.yaml\n")
        .endsWith("Plan: 14 to add, 0 to change, 0 to delete.\n");
    assertThat(dir.resolve("generated")).doesNotExist();
    assertThat(dir.resolve("secrets")).doesNotExist();
  }

  @Test
  void validateReportsTopologyProblemsOnStandardError() throws IOException {
    breakTopology();

    Jar.Run run = Jar.run(dir, "validate");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("  topology.yaml:25:11: instances[0].name: \"Dev_x\" is not a DNS-1123 label");
  }

  @Test
  void validateAsJsonGivesLineColumnAndYamlPath() throws IOException {
    breakTopology();

    Jar.Run run = Jar.run(dir, "validate", "--format", "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    JsonNode finding = JSON.readTree(run.stdout()).get("findings").get(0);
    assertThat(finding.get("kind").asText()).isEqualTo("topology");
    assertThat(finding.get("file").asText()).isEqualTo("topology.yaml");
    assertThat(finding.get("line").asInt()).isEqualTo(25);
    assertThat(finding.get("column").asInt()).isEqualTo(11);
    assertThat(finding.get("path").asText()).isEqualTo("instances[0].name");
    assertThat(finding.get("message").asText()).startsWith("\"Dev_x\" is not a DNS-1123 label");
  }

  @Test
  void validateAsJsonOnAValidTopology() throws IOException {
    Jar.Run run = Jar.run(dir, "validate", "--format", "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode report = JSON.readTree(run.stdout());
    assertThat(report.get("ok").asBoolean()).isTrue();
    assertThat(report.get("warnings").findValuesAsText("id")).containsExactly("network-unbound",
        "kes-image-docker-hub");
    assertThat(report.get("warnings").get(1).get("message").asText()).contains("Docker Hub");
    assertThat(run.stderr()).as("each warning once: in the document").doesNotContain("Docker Hub");
    assertThat(report.get("plan").get("add").asInt()).isEqualTo(14);
    assertThat(report.get("plan").get("changes").findValuesAsText("kind")).contains("instance_added", "tenant_added");
  }

  @Test
  void aMissingTopologyIsAnEnvironmentError() {
    Jar.Run run = Jar.run(dir, "validate", "--topology", "nope.yaml");

    assertThat(run.exit()).as(run.toString()).isEqualTo(3); // as every file that cannot be read (docs/cli.md)
    assertThat(run.stderr()).contains("nope.yaml:1:1: the topology file does not exist");
  }

  private void generate() {
    Jar.Run run = Jar.run(dir, "generate", "--quiet", "--clock", CLOCK);
    assertThat(run.exit()).as(run.toString()).isZero();
  }

  private void handEdit() throws IOException {
    Files.writeString(dir.resolve("generated/vault/policies/kes-dev.hcl"), "# edited by hand\n",
        StandardOpenOption.APPEND);
  }

  private void breakTopology() throws IOException {
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, Files.readString(topology).replace("- name: dev", "- name: Dev_x"));
  }
}

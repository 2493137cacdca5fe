package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change plan from the jar: generate prints it, plan shows it alone, --fail-on-destructive refuses. */
class PlanIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeEach
  void generated() {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();
  }

  @Test
  void aSecondGeneratePlansNoChanges() {
    Jar.Run run = Jar.run(dir, "generate", "--clock", CLOCK);
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("Plan: No changes.\n");
  }

  @Test
  void removingATenantIsCalledOutAndFailOnDestructiveWritesNothing() throws IOException {
    removeLynx();
    List<String> before = tree();

    Jar.Run plan = Jar.run(dir, "plan", "--clock", CLOCK);
    Jar.Run refused = Jar.run(dir, "generate", "--fail-on-destructive", "--clock", CLOCK);

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.stdout()).contains("  ! tenant dev/lynx removed: KES no longer serves it; its Secret"
        + " kes-dev-lynx-client stays in the cluster").contains("  - tenants/dev/lynx/values.yaml\n")
        .contains("  ~ kes/dev/values.yaml\n").containsPattern("Plan: 0 to add, \\d+ to change, 2 to delete. 1"
            + " destructive change\\(s\\), marked !.\n");
    assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.stderr()).contains("error: 1 destructive change(s) and fail-on-destructive is set, so nothing"
        + " was written:\n  tenant dev/lynx removed");
    assertThat(tree()).as("nothing written").isEqualTo(before);
    assertThat(Jar.run(dir, "plan", "--fail-on-destructive", "--clock", CLOCK).exit()).isEqualTo(1);

    Jar.Run generate = Jar.run(dir, "generate", "--clock", CLOCK);
    assertThat(generate.exit()).as(generate.toString()).isZero();
    assertThat(generate.stdout()).contains("  ! tenant dev/lynx removed").contains("deleted tenants/dev/lynx/values.yaml");
  }

  @Test
  void planAgainstTheBaseBranchOutputAsJson() throws IOException {
    Path base = dir.resolve("base");
    copy(dir.resolve("generated"), base);
    removeLynx();
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();

    Jar.Run run = Jar.run(dir, "plan", "--against", "base", "--format", "json", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode report = JSON.readTree(run.stdout());
    assertThat(report.get("ok").asBoolean()).isTrue();
    JsonNode plan = report.get("plan");
    assertThat(plan.get("delete").asInt()).isEqualTo(2);
    assertThat(plan.get("add").asInt()).isZero();
    assertThat(plan.get("changes").get(0).get("kind").asText()).isEqualTo("tenant_removed");
    assertThat(plan.get("changes").get(0).get("destructive").asBoolean()).isTrue();
    assertThat(plan.get("files").findValuesAsText("path")).contains("tenants/dev/lynx/client.crt");
  }

  private void removeLynx() throws IOException {
    Path topology = dir.resolve("topology.yaml");
    String text = Files.readString(topology);
    Files.writeString(topology, text.substring(0, text.indexOf("      - name: lynx")));
  }

  private List<String> tree() throws IOException {
    List<String> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted().toList()) {
        entries.add(dir.relativize(p) + (Files.isRegularFile(p) ? " " + Files.size(p) + " "
            + Files.getLastModifiedTime(p) : ""));
      }
    }
    return entries;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }
}

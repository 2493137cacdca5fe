package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology edit pushed without regenerating: the README's pre-commit hook and CI step ({@code kesgen check}) fail,
 * and {@code kesgen generate} with {@code CI} set fails the same way the Maven goal does, writing nothing.
 */
class ContinuousIntegrationIT {
  @TempDir
  Path dir;

  @BeforeEach
  void committedOutputThenAnEditWithoutRegenerating() throws IOException {
    Jar.project(dir);
    Jar.Run generate = Jar.run(dir, "generate", "--clock", CLOCK);
    assertThat(generate.exit()).as(generate.toString()).isZero();
    Files.writeString(dir.resolve("topology.yaml"), "      - name: newt\n        namespace: armadillo-newt\n",
        StandardOpenOption.APPEND);
  }

  @Test
  void generateInCiComparesFailsAndWritesNothing() throws IOException {
    Map<String, String> output = snapshot(dir.resolve("generated"));
    Map<String, String> secrets = snapshot(dir.resolve("secrets"));

    Jar.Run run = Jar.runInCi(dir, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.stdout()).startsWith("kesgen: CI is set: generate compares the committed output with what it "
        + "would write and writes nothing (to generate in CI on purpose, add --write-in-ci)\n")
        .doesNotContain("issued");
    assertThat(run.stderr()).contains("error: The committed output is stale; run generate locally and commit the "
        + "result. CI is set, so generate compared instead of writing (to generate in CI on purpose, add "
        + "--write-in-ci). ")
        .contains("\n  generated/tenants/dev/newt/client.crt: ");
    assertThat(snapshot(dir.resolve("generated"))).isEqualTo(output);
    assertThat(snapshot(dir.resolve("secrets"))).as("no key issued in CI").isEqualTo(secrets);
  }

  @Test
  void writeInCiGeneratesAndTheNextCiRunIsUpToDate() {
    Jar.Run write = Jar.runInCi(dir, "generate", "--write-in-ci", "--clock", CLOCK);

    assertThat(write.exit()).as(write.toString()).isZero();
    assertThat(write.stdout()).startsWith("kesgen: CI is set and --write-in-ci is given: generate writes\n");
    assertThat(dir.resolve("generated/tenants/dev/newt/client.crt")).isRegularFile();

    Jar.Run next = Jar.runInCi(dir, "generate", "--clock", CLOCK);

    assertThat(next.exit()).as(next.toString()).isZero();
    assertThat(next.stdout()).endsWith("kesgen: the committed output is up to date; nothing written\n");
  }

  @Test
  void generateWithoutCiStillWrites() {
    Jar.Run run = Jar.run(dir, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).doesNotContain("CI is set");
    assertThat(dir.resolve("generated/tenants/dev/newt/client.crt")).isRegularFile();
  }

  @Test
  void theReadmePreCommitHookFails() throws IOException {
    Map<String, String> output = snapshot(dir.resolve("generated"));

    // README "A pre-commit hook": kesgen check --quiet
    Jar.Run run = Jar.run(dir, "check", "--quiet", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.stderr()).contains("generated/tenants/dev/newt/client.crt: ");
    assertThat(snapshot(dir.resolve("generated"))).isEqualTo(output);
  }

  @Test
  void theReadmeCiStepFails() {
    // README "A CI step": kesgen check --format json, in CI
    Jar.Run run = Jar.runInCi(dir, "check", "--format", "json", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.stdout()).contains("\"file\":\"generated/tenants/dev/newt/client.crt\"");
    assertThat(dir.resolve("generated/tenants/dev/newt")).doesNotExist();
  }

  /** Every file under a directory with its modification time and content. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(),
            Files.getLastModifiedTime(p) + " " + Arrays.hashCode(Files.readAllBytes(p)));
      }
    }
    return files;
  }
}

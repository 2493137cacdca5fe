package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes 2 (usage), 3 (environment) and 4 (internal), each with a message on standard error only. */
class ExitCodesIT {
  @TempDir
  Path dir;

  @Test
  void anUnknownOptionIsAUsageError() {
    Jar.Run run = Jar.run(dir, "generate", "--outptu-directory", "x");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("error: Unknown options: '--outptu-directory', 'x'")
        .contains("Possible solutions: --output-directory").contains("Run 'kesgen generate --help' for the options.");
  }

  @Test
  void noCommandIsAUsageError() {
    Jar.Run run = Jar.run(dir);

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr()).contains("error: name a command").contains("generate").contains("validate");
  }

  @Test
  void aMalformedDurationIsAUsageError() {
    Jar.Run run = Jar.run(dir, "check", "--fail-on-expiring-within", "30 days");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr()).contains("'30 days' is not a duration: write a whole number and a unit s, m, h or d");
  }

  @Test
  void aMalformedClockIsAUsageError() {
    Jar.Run run = Jar.run(dir, "generate", "--clock", "tomorrow");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr()).contains("'tomorrow' is not an ISO-8601 instant like 2026-01-01T00:00:00Z");
  }

  @Test
  void rotateWithoutNamesIsAUsageError() {
    Jar.Run run = Jar.run(dir, "rotate");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr()).contains("--rotate is empty: name what to rotate, for example dev, dev/gecko or all");
  }

  @Test
  void helpIsNotAnError() {
    Jar.Run run = Jar.run(dir, "check", "--help");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("--fail-on-expiring-within", "--output-directory", "--format");
  }

  @Test
  void anOutputDirectoryThatIsAFileIsAnEnvironmentError() throws IOException {
    Jar.project(dir);
    Files.writeString(dir.resolve("generated"), "not a directory\n");

    Jar.Run run = Jar.run(dir, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).contains("error: cannot write").contains("nothing was changed");
  }

  @Test
  void anEnvironmentErrorInJsonModeIsStillOneDocument() throws IOException {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--quiet", "--clock", CLOCK).exit()).isZero();
    Files.delete(dir.resolve("generated/SUMMARY.md"));
    Files.createDirectory(dir.resolve("generated/SUMMARY.md"));

    Jar.Run run = Jar.run(dir, "check", "--format", "json", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isIn(1, 3);
    assertThat(run.stdout()).startsWith("{\"ok\":false,");
  }

  @Test
  void anExtensionOnTheClassPathRunsAndItsCrashIsAnInternalError() throws IOException {
    // Extensions are found with ServiceLoader on the class path, so 'java -cp kesgen.jar:extension.jar' opts in.
    Jar.project(dir);
    Path extension = Files.createDirectories(dir.resolve("extension/META-INF/services"));
    Files.writeString(extension.resolve("dev.kesgen.OutputExtension"), CrashingExtension.class.getName() + "\n");
    List<Path> classPath = List.of(Jar.JAR, testClasses(), dir.resolve("extension"));

    Jar.Run run = Jar.runWithClassPath(dir, classPath, "generate", "--clock", CLOCK);
    Jar.Run verbose = Jar.runWithClassPath(dir, classPath, "generate", "--verbose", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(4);
    assertThat(run.stderr()).contains(CrashingExtension.MESSAGE)
        .contains("Run again with --verbose for the stack trace.").doesNotContain("\tat ");
    assertThat(verbose.stderr()).contains("\tat dev.kesgen.cli.CrashingExtension.files");
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  private static Path testClasses() {
    try {
      return Path.of(CrashingExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}

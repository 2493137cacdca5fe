package dev.kesgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 5 on the command line, in process: a committed file that is a link to {@code /dev/zero} or a FIFO
 * makes check exit 3 with a message (and the JSON {@code error}), not die of OutOfMemoryError or hang; {@code identity}
 * reads at most 1 MiB of a file or standard input.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InputFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  record Run(int exit, String stdout, String stderr) {}

  private static final String CLOCK = "2026-01-01T00:00:00Z";

  @BeforeEach
  void project() throws Exception {
    try (java.io.InputStream in = InputFilesTest.class.getResourceAsStream("topology.yaml")) {
      Files.copy(java.util.Objects.requireNonNull(in, "topology.yaml"), dir.resolve("topology.yaml"));
    }
  }

  private Run run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new ByteArrayInputStream(stdin), out, err);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Run kesgen(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--topology", dir.resolve("topology.yaml").toString(),
        "--output-directory", dir.resolve("generated").toString(), "--secrets-directory",
        dir.resolve("secrets").toString(), "--clock", CLOCK, "--quiet"));
    args.addAll(List.of(more));
    return run(new byte[0], args.toArray(String[]::new));
  }

  private Path generated(String path) {
    // in process, so the CI variable of a CI run reaches it: generate as a developer does (the CI rule has its own tests)
    Run generate = kesgen("generate", GenerateCommand.WRITE_IN_CI);
    assertThat(generate.exit()).as(generate.toString()).isZero();
    return dir.resolve("generated").resolve(path);
  }

  private static void mkfifo(Path fifo) throws Exception {
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
  }

  private void assertJsonError(Run run, String message) throws Exception {
    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).contains("error: " + message);
    JsonNode document = JSON.readTree(run.stdout());
    assertThat(document.get("ok").asBoolean()).isFalse();
    assertThat(document.get("error").asText()).isEqualTo(message);
  }

  @Test
  void checkOnACertificateLinkedToDevZeroExits3WithAMessageAndTheJsonError() throws Exception {
    Path certificate = generated("kes/dev/server.crt");
    Files.delete(certificate);
    Files.createSymbolicLink(certificate, Path.of("/dev/zero"));

    Run run = kesgen("check", "--format", "json");

    assertJsonError(run, certificate + " is a symbolic link (to /dev/zero); kesgen reads a committed certificate only"
        + " from a regular file, never through a link (replace the link with a copy of the file, or remove it)");
  }

  @Test
  void checkOnAManifestLinkedToDevZeroExits3WithAMessageAndTheJsonError() throws Exception {
    Path manifest = generated(".kesgen-manifest");
    Files.delete(manifest);
    Files.createSymbolicLink(manifest, Path.of("/dev/zero"));

    Run run = kesgen("check", "--format", "json");

    assertJsonError(run, manifest + " is a symbolic link (to /dev/zero); kesgen reads the manifest only from a"
        + " regular file, never through a link (replace the link with a copy of the file, or remove it)");
  }

  @Test
  void checkOnACertificateThatIsAFifoExits3InsteadOfHanging() throws Exception {
    Path certificate = generated("kes/dev/server.crt");
    Files.delete(certificate);
    mkfifo(certificate);

    Run run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> kesgen("check"));

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).contains("\nerror: " + certificate + " is a FIFO (named pipe), not a regular file;");
  }

  @Test
  void identityOfTwoMebibytesOnStandardInputIsRefused() {
    Run run = run(new byte[2 << 20], "identity", "-");

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).isEqualTo("error: standard input is larger than 1 MiB, kesgen's limit for a certificate"
        + " to identify (is it the right file?)\n");
  }

  @Test
  void identityOfALinkToDevZeroIsRefused() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("server.crt"), Path.of("/dev/zero"));

    Run run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(new byte[0], "identity", link.toString()));

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).startsWith("error: " + link + " is a character device, not a regular file;");
  }

  @Test
  void identityOfAFifoIsRefusedWithoutHanging() throws Exception {
    Path fifo = dir.resolve("server.crt");
    mkfifo(fifo);

    Run run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(new byte[0], "identity", "of",
        fifo.toString()));

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).startsWith("error: " + fifo + " is a FIFO (named pipe), not a regular file;");
  }
}

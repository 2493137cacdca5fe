package dev.kesgen.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test-only Go peer: {@link #KESPEER} in {@code src/test/go/kespeer} (the Go standard library and YAML modules),
 * or {@link #SEALPEER} in {@code src/test/go/sealpeer} (the Sealed Secrets controller's own unsealing code); each
 * built once per JVM with the {@code go} on the PATH into {@code target/go/} (the Go build cache keeps later builds
 * short), then run with a bounded wait. Without Go the calling test is skipped, or fails when the environment
 * variable {@code CI} is set.
 */
final class GoPeer {
  static final GoPeer KESPEER = new GoPeer("kespeer");
  static final GoPeer SEALPEER = new GoPeer("sealpeer");
  static final Path SOURCE = KESPEER.source;
  static final Path BINARY = KESPEER.binaryPath;
  private static final long BUILD_TIMEOUT_SECONDS = 600;
  private static final long RUN_TIMEOUT_SECONDS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Path source;
  private final Path binaryPath;
  private Path built;
  private String buildFailure;

  private GoPeer(String name) {
    this.name = name;
    this.source = Path.of("src/test/go", name).toAbsolutePath();
    this.binaryPath = Path.of("target/go", name).toAbsolutePath();
  }

  /** Builds kespeer unless this JVM already did; skips or fails the calling test when that is impossible. */
  static Path binary() {
    return KESPEER.executable();
  }

  /** Runs kespeer with these arguments and returns the JSON it printed; a non-zero exit fails the test. */
  static JsonNode run(List<String> arguments) throws IOException, InterruptedException {
    return KESPEER.json(arguments);
  }

  /** Builds this peer unless this JVM already did; skips or fails the calling test when that is impossible. */
  synchronized Path executable() {
    if (built == null && buildFailure == null) {
      build();
    }
    if (buildFailure != null) {
      Assertions.fail(buildFailure);
    }
    return built;
  }

  /** Runs this peer and returns the JSON it printed; a non-zero exit fails the test. */
  JsonNode json(List<String> arguments) throws IOException, InterruptedException {
    Result result = exec(arguments);
    if (result.exitCode() != 0) {
      Assertions.fail(name + " exited with " + result.exitCode() + ": " + result.stderr());
    }
    return JSON.readTree(result.stdout());
  }

  /** Runs this peer and returns its exit code, standard output and standard error. */
  Result exec(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable().toString()));
    command.addAll(arguments);
    return exec(new ProcessBuilder(command), RUN_TIMEOUT_SECONDS);
  }

  private void build() {
    Path go = onPath("go");
    if (go == null) {
      String why = "the Go peer (src/test/go/" + name + ") needs Go, and no 'go' executable is on the PATH ("
          + System.getenv("PATH") + ")";
      if (System.getenv("CI") != null) {
        buildFailure = why + "; CI is set, so this is a failure rather than a skip";
        return;
      }
      Assumptions.abort(why + "; skipped because the environment variable CI is not set");
    }
    try {
      Files.createDirectories(binaryPath.getParent());
      ProcessBuilder builder = new ProcessBuilder(go.toString(), "build", "-mod=readonly", "-o", binaryPath.toString(),
          "./...").directory(source.toFile());
      Map<String, String> env = builder.environment();
      // Explicit, so a developer's GOFLAGS or go.work cannot change what is built; the module cache is the default.
      env.put("GOFLAGS", "-mod=readonly -buildvcs=false");
      env.put("GOWORK", "off");
      env.put("GOTOOLCHAIN", "local");
      env.put("CGO_ENABLED", "0");
      long start = System.nanoTime();
      Result result = exec(builder, BUILD_TIMEOUT_SECONDS);
      if (result.exitCode() != 0) {
        buildFailure = "go build of " + source + " failed (" + result.exitCode() + "): " + result.stderr();
      } else {
        built = binaryPath;
        System.out.printf("built %s in %d s%n", name, (System.nanoTime() - start) / 1_000_000_000L);
      }
    } catch (IOException | InterruptedException | AssertionError e) {
      buildFailure = "go build of " + source + " failed: " + e.getMessage();
    }
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  record Result(int exitCode, String stdout, String stderr) {}

  private static Result exec(ProcessBuilder builder, long timeoutSeconds) throws IOException, InterruptedException {
    Process process = builder.start();
    try {
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out after " + timeoutSeconds + " s: " + builder.command());
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } finally {
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }, runnable -> {
      // A thread of its own: the common pool may have a single worker, and two blocked drains would deadlock.
      Thread thread = new Thread(runnable, "kespeer-drain");
      thread.setDaemon(true);
      thread.start();
    });
  }
}

package dev.kesgen.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a real process (openssl) with a bounded wait, and kills it if it overstays. */
final class Processes {
  record Result(int exitCode, String stdout, String stderr) {}

  private Processes() {}

  static Result run(Path workingDirectory, List<String> command, String stdin, long timeoutSeconds)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
    try {
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } finally {
      process.destroyForcibly();
    }
  }

  static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }, runnable -> {
      // A thread of its own: the common pool may have a single worker, and two blocked drains would deadlock.
      Thread thread = new Thread(runnable, "drain");
      thread.setDaemon(true);
      thread.start();
    });
  }
}

package dev.kesgen.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Runs the built kesgen.jar as a real process, with pipes for its standard streams. */
final class Jar {
  /** The fixed "now" of every test run, so no test depends on the date. */
  static final String CLOCK = "2026-01-01T00:00:00Z";

  static final Path JAR = Path.of(Objects.requireNonNull(System.getProperty("kesgen.jar"),
      "kesgen.jar: run the tests with Maven (failsafe sets it)"));

  /** The launcher script beside the jar, {@code target/kesgen} (src/main/sh/kesgen). */
  static final Path LAUNCHER = Path.of(System.getProperty("kesgen.launcher", JAR.resolveSibling("kesgen").toString()));

  private Jar() {}

  /**
   * {@code target/kesgen args}, the launcher, with the JDK running the tests as its {@code JAVA_HOME} and this
   * environment on top (a developer's: without {@code CI}).
   */
  static Run launch(Path directory, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(Arrays.asList(args));
    Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home")));
    env.putAll(environment);
    return exec(directory, new byte[0], command, env);
  }

  /** What a run printed and how it ended. */
  record Run(int exit, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  /**
   * {@code java -jar kesgen.jar args} in this directory. Every run is a developer's: the environment variable
   * {@code CI} of the build running the tests is not passed on (with it, generate only compares).
   */
  static Run run(Path directory, String... args) {
    return run(directory, new byte[0], args);
  }

  /** The same in a CI build: with the environment variable {@code CI=true}. */
  static Run runInCi(Path directory, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(Arrays.asList(args));
    return exec(directory, new byte[0], command, Map.of("CI", "true"));
  }

  /** The same with these bytes on standard input. */
  static Run run(Path directory, byte[] stdin, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(Arrays.asList(args));
    return exec(directory, stdin, command, Map.of());
  }

  /**
   * The same with these environment variables, and none of the Vault or OpenBao CLI's of the build running the tests
   * ({@code VAULT_*}, {@code BAO_*}).
   */
  static Run runWithEnvironment(Path directory, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(Arrays.asList(args));
    Map<String, String> env = new java.util.HashMap<>();
    System.getenv().keySet().stream().filter(k -> k.startsWith("VAULT_") || k.startsWith("BAO_"))
        .forEach(k -> env.put(k, ""));
    env.putAll(environment);
    return exec(directory, new byte[0], command, env);
  }

  /** {@code java -cp <classPath> dev.kesgen.cli.Main args}: the jar with extensions beside it. */
  static Run runWithClassPath(Path directory, List<Path> classPath, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-cp",
        String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()), "dev.kesgen.cli.Main"));
    command.addAll(Arrays.asList(args));
    return exec(directory, new byte[0], command, Map.of());
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Run exec(Path directory, byte[] stdin, List<String> command, Map<String, String> environment) {
    try {
      Path out = Files.createTempFile("kesgen-out", ".txt");
      Path err = Files.createTempFile("kesgen-err", ".txt");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("CI");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
          in.write(stdin);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("kesgen did not finish in 120 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A directory holding the test topology as topology.yaml. */
  static Path project(Path directory) {
    try (InputStream in = Jar.class.getResourceAsStream("topology.yaml")) {
      Files.copy(Objects.requireNonNull(in, "topology.yaml"), directory.resolve("topology.yaml"));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output of a program run to the end, failing on a non-zero exit. */
  static String exec(Path directory, String... command) {
    Run run = exec(directory, new byte[0], List.of(command), Map.of());
    if (run.exit() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + run);
    }
    return run.stdout();
  }
}

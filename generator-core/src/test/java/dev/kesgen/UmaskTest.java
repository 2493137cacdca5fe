package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM cannot change its own umask, so this runs a generate in a fresh JVM under {@code umask 000} and under
 * {@code umask 077} and checks that the permissions kesgen promises do not depend on it: output directories 0755 and
 * output files 0644 (public: a CI step running Helm as another user reads them), secrets directories 0700 and every
 * file in the secrets directory 0600.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class UmaskTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "umask {0}")
  @ValueSource(strings = {"000", "077"})
  void permissionsDoNotFollowTheUmask(String umask) throws Exception {
    Path output = dir.resolve("generated");
    Path secrets = dir.resolve("secrets");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = dir.resolve("probe.log");
    Process probe = new ProcessBuilder("sh", "-c", "umask " + umask + " && exec \"$0\" -cp \"$1\" dev.kesgen.UmaskProbe \"$2\" \"$3\" \"$4\"",
        java, classPath, GeneratorTest.TOPOLOGY.toAbsolutePath().toString(), output.toString(), secrets.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();

    Map<String, String> outputDirectories = modes(output, true);
    Map<String, String> secretsDirectories = modes(secrets, true);
    Map<String, String> secretFiles = modes(secrets, false);
    Map<String, String> outputFiles = modes(output, false);

    assertThat(outputDirectories).isNotEmpty().containsKey("kes/dev").allSatisfy((p, m) -> assertThat(m).as(p).isEqualTo("rwxr-xr-x"));
    assertThat(outputFiles).containsKeys(".kesgen-manifest", "kes/dev/server.crt", "kes/dev/values.yaml")
        .allSatisfy((p, m) -> assertThat(m).as(p).isEqualTo("rw-r--r--"));
    assertThat(secretsDirectories).containsKey("kes/dev").allSatisfy((p, m) -> assertThat(m).as(p).isEqualTo("rwx------"));
    assertThat(secretFiles).containsKeys(".gitignore", "kes/dev/server.key", "kes/dev/secret.yaml")
        .allSatisfy((p, m) -> assertThat(m).as(p).isEqualTo("rw-------"));
  }

  /** Relative path ("" for the root) to permissions, of every directory or every regular file. */
  private static Map<String, String> modes(Path root, boolean directories) throws IOException {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(p -> directories ? Files.isDirectory(p) : Files.isRegularFile(p)).toList()) {
        modes.put(root.relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      }
    }
    return modes;
  }
}

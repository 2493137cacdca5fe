package dev.kesgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code target/kesgen} beside the jar: the same runs as {@code java -jar kesgen.jar}, with C1 only,
 * the serial collector and a class-data archive made on the first run in the user's cache directory and mapped by
 * every later one.
 */
class LauncherIT {
  @TempDir Path home;
  @TempDir Path repository;

  private Map<String, String> env(String... more) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", home.toString(), "XDG_CACHE_HOME", ""));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private List<Path> archives() throws IOException {
    Path dir = home.resolve(".cache/kesgen");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void theFirstRunMakesTheArchiveOwnerOnlyAndLaterRunsMapIt() throws Exception {
    Jar.project(repository);

    Jar.Run first = Jar.launch(repository, env(), "generate");

    assertThat(first.exit()).as(first.toString()).isZero();
    List<Path> archives = archives();
    assertThat(archives).as("one archive, no partial one left").hasSize(1);
    assertThat(archives.get(0).getFileName().toString()).matches("kesgen-[0-9]+\\.jsa");
    assertThat(Files.size(archives.get(0))).isGreaterThan(1_000_000);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archives.get(0)))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archives.get(0).getParent())))
        .isEqualTo("rwx------");

    // -Xshare:on makes the JVM fail rather than run without the archive: the archive is mapped
    Jar.Run mapped = Jar.launch(repository, env("KESGEN_JAVA_OPTS", "-Xshare:on"), "generate");
    Jar.Run plain = Jar.run(repository, "generate");

    assertThat(mapped.exit()).as(mapped.toString()).isZero();
    assertThat(mapped.stdout()).contains("Up to date").isEqualTo(plain.stdout());
    assertThat(mapped.stderr()).as("no JVM log lines").isEqualTo(plain.stderr());
    assertThat(archives()).isEqualTo(archives);
  }

  @Test
  void itRunsC1OnlyWithTheSerialCollectorAndTheUsersOptionsLast() {
    Jar.Run run = Jar.launch(repository, env("KESGEN_JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xmx300m"), "--version");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxHeapSize=314572800")
        .endsWith("kesgen " + System.getProperty("kesgen.version") + "\n");
  }

  @Test
  void aFailingRunExitsAsTheJarDoesAndLeavesNoArchive() throws Exception {
    Jar.Run launched = Jar.launch(repository, env(), "validate");
    Jar.Run plain = Jar.run(repository, "validate");

    assertThat(launched.exit()).as(launched.toString()).isNotZero().isEqualTo(plain.exit());
    assertThat(launched.stderr()).isEqualTo(plain.stderr());
    assertThat(archives()).isEmpty();
  }

  @Test
  void itFindsTheJarThroughASymbolicLinkAndRunsWithoutAnArchiveWhenAskedTo() throws Exception {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("kesgen"), Jar.LAUNCHER);
    Jar.project(repository);

    Jar.Run version = Jar.exec(repository, new byte[0], List.of(link.toString(), "--version"),
        Map.of("JAVA_HOME", System.getProperty("java.home"), "HOME", home.toString()));
    Jar.Run validated = Jar.launch(repository, env("KESGEN_CDS", "0"), "validate", "-q");

    assertThat(version.exit()).as(version.toString()).isZero();
    assertThat(version.stdout()).isEqualTo("kesgen " + System.getProperty("kesgen.version") + "\n");
    assertThat(validated.exit()).as(validated.toString()).isZero();
    assertThat(archives()).isEmpty();
  }
}

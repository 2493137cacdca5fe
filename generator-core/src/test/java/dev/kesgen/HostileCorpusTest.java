package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.TopologyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the hostile corpus ({@code src/test/resources/dev/kesgen/hostile/<case>/}, see its README.md), run
 * through the real API: generate and plan (what validate calls) refuse with a message holding every line of
 * {@code expected.txt}, and write nothing; where the case overrides templates, check of output generated without
 * them, but with the overrides in place, reports each line too (as what generate would refuse to write).
 */
class HostileCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/dev/kesgen/hostile");

  @TempDir Path dir;

  static List<String> cases() throws IOException {
    try (Stream<Path> cases = Files.list(CORPUS)) {
      return cases.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void isRefusedBeforeAnythingIsWrittenAndReportedByCheck(String name) throws Exception {
    Path source = CORPUS.resolve(name);
    copy(source, dir.resolve("case"));
    Path root = dir.resolve("case");
    List<String> expected = Files.readAllLines(root.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).toList();
    assertThat(expected).as("expected.txt of " + name).isNotEmpty();
    boolean overrides = Files.isDirectory(root.resolve("templates"));
    GenerateRequest plain = GenerateRequest.of(root.resolve("topology.yaml"))
        .withOutputDirectory(root.resolve("generated")).withSecretsDirectory(root.resolve("secrets"))
        .withClock(Golden.CLOCK);
    GenerateRequest hostile = overrides ? plain.withTemplateDirectory(root.resolve("templates")) : plain;

    assertThatThrownBy(() -> Kesgen.generate(hostile)).isInstanceOfAny(ConfigurationException.class,
        TopologyException.class).hasMessageContainingAll(expected.toArray(String[]::new));
    assertThatThrownBy(() -> Kesgen.plan(hostile, KesgenListener.NONE)).isInstanceOfAny(
        ConfigurationException.class, TopologyException.class).hasMessageContainingAll(expected.toArray(String[]::new));
    assertThat(root.resolve("generated")).doesNotExist();
    assertThat(root.resolve("secrets")).doesNotExist();

    if (overrides) {
      Kesgen.generate(plain);
      assertThat(Kesgen.check(plain, Optional.empty()).findings()).as("check of kesgen's own output").isEmpty();
      List<String> findings = Kesgen.check(hostile, Optional.empty()).findings().stream()
          .map(CheckResult.Finding::message).toList();
      for (String line : expected) {
        assertThat(findings).as("check with the overrides of " + name).anyMatch(m -> m.contains(line));
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}

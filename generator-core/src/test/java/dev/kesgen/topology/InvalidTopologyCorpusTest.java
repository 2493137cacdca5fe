package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code topology/invalid/} is rejected with exactly the messages in its {@code .expected} file
 * (one per line, file name only, in file order).
 */
class InvalidTopologyCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/topology/invalid");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void corpusHasAtLeastThirtyCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedWithExactMessages(String name) throws IOException {
    Path file = CORPUS.resolve(name);
    List<String> expected = Files.readAllLines(CORPUS.resolve(name.replace(".yaml", ".expected")), StandardCharsets.UTF_8);

    TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));

    assertThat(e).as("%s must be rejected", name).isNotNull();
    assertThat(e.problems()).extracting(Problem::toShortString).containsExactlyElementsOf(expected);
  }
}

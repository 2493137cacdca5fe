package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The output of each golden topology is exactly its expected directory, byte for byte. */
class GoldenTest {
  static List<Golden> cases() {
    return Golden.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatesExactlyTheExpectedFiles(Golden golden, @TempDir Path dir) throws Exception {
    Path output = dir.resolve("generated");
    golden.seedCertificates(output);

    GenerateResult result = Kesgen.generate(GenerateRequest.of(golden.topology())
        .withOutputDirectory(output).withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK));

    if (Golden.UPDATE) {
      golden.update(output);
    }
    SortedMap<String, String> expected = Golden.read(golden.expected());
    SortedMap<String, String> actual = Golden.read(output);
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    actual.forEach((file, text) -> assertThat(text).as(file).isEqualTo(expected.get(file)));
    assertThat(result.certificates()).allSatisfy(c -> assertThat(c.action().isKept()).as(c.name()).isTrue());
  }
}

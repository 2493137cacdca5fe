package dev.kesgen.kes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a person reads about a dialect names KES releases, never kesgen's constants ({@code D2023_11_09}). */
class DialectNamesTest {
  @Test
  void everyDialectIsNamedByTheReleasesItCovers() {
    assertThat(KesDialect.V0_13_1.releases()).isEqualTo("v0.13.1 – v0.13.5");
    assertThat(KesDialect.V0_13_0.releases()).isEqualTo("v0.13.0");
    assertThat(KesDialect.D2023_11_09.releases()).isEqualTo("2023-11-09T17-35-47Z – 2025-03-12T09-35-18Z");
    for (KesDialect dialect : KesDialect.values()) {
      assertThat(dialect.releases()).as(dialect.name()).doesNotContain("_")
          .matches("(v0\\.\\d+\\.\\d+|\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ)( – .+)?");
    }
  }

  @Test
  void noGeneratedSummaryOrConfigurationNamesAConstant() throws IOException {
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources/golden")),
        Files.walk(Path.of("../examples/molgenis/generated")))) {
      files.filter(p -> p.endsWith("SUMMARY.md") || p.endsWith("values.yaml")).forEach(p -> {
        try {
          String text = Files.readString(p);
          for (KesDialect dialect : KesDialect.values()) {
            assertThat(text).as(p.toString()).doesNotContain(dialect.name());
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }
}

package dev.kesgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The index.txt of a template root must list exactly the templates in its directory, sorted: the shipped one as the
 * templates module's build writes it ({@code templates/src/build/index.sh}), the test root's as committed.
 */
class IndexFileTest {
  @ParameterizedTest
  @CsvSource({
      "../templates/src/main/resources/dev/kesgen/templates, ../templates/target/classes/dev/kesgen/templates",
      "src/test/resources/dev/kesgen/testtemplates, src/test/resources/dev/kesgen/testtemplates"})
  void theIndexListsEveryTemplateInTheDirectorySorted(String directory, String indexDirectory) throws IOException {
    Path root = Path.of(directory);
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(root)) {
      onDisk = files.filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(name -> !name.equals(TemplateCatalog.INDEX))
          .sorted()
          .toList();
    }
    List<String> listed = Files.readAllLines(Path.of(indexDirectory).resolve(TemplateCatalog.INDEX)).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();

    assertThat(listed).as("names in %s/index.txt", directory).isSorted().doesNotHaveDuplicates();
    assertThat(listed).as("names in %s/index.txt", directory).containsExactlyElementsOf(onDisk);
  }
}

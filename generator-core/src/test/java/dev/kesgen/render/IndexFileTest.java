package dev.kesgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index.txt of a template root must list exactly the templates in its directory, sorted. */
class IndexFileTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "../templates/src/main/resources/dev/kesgen/templates",
      "src/test/resources/dev/kesgen/testtemplates"})
  void theIndexListsEveryTemplateInTheDirectorySorted(String directory) throws IOException {
    Path root = Path.of(directory);
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(root)) {
      onDisk = files.filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(name -> !name.equals(TemplateCatalog.INDEX))
          .sorted()
          .toList();
    }
    List<String> listed = Files.readAllLines(root.resolve(TemplateCatalog.INDEX)).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();

    assertThat(listed).as("names in %s/index.txt", directory).isSorted().doesNotHaveDuplicates();
    assertThat(listed).as("names in %s/index.txt", directory).containsExactlyElementsOf(onDisk);
  }
}

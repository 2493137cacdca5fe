package dev.kesgen.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EmbeddedChartTest {
  static final Path SOURCE = Path.of("../charts/kes");

  static SortedMap<String, String> read(Path dir) throws Exception {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  @Test
  void extractsTheChartByteForByteAsInChartsKes() throws Exception {
    try (EmbeddedChart chart = EmbeddedChart.extract()) {
      assertThat(read(chart.path())).isEqualTo(read(SOURCE)).containsKey("Chart.yaml");
      assertThat(chart.work()).isEmptyDirectory();
    }
  }

  @Test
  void closeDeletesTheTemporaryDirectory() throws Exception {
    EmbeddedChart chart = EmbeddedChart.extract();
    Path root = chart.path().getParent();

    chart.close();

    assertThat(root).doesNotExist();
  }
}

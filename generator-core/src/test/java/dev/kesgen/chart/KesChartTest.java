package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart kesgen-core carries is charts/kes, every file of it, and kesgen:chart writes it like output. */
class KesChartTest {
  static final Path SOURCE = Path.of("../charts/kes");

  static SortedMap<String, String> read(Path dir) throws Exception {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace(java.io.File.separatorChar, '/'), Files.readString(p));
      }
    }
    return files;
  }

  @Test
  void carriesExactlyTheFilesOfChartsKes() throws Exception {
    SortedMap<String, String> carried = new TreeMap<>();
    KesChart.files().forEach((name, bytes) -> carried.put(name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(carried).as("dev/kesgen/chart/kes.index must list every file of charts/kes").isEqualTo(read(SOURCE));
  }

  @Test
  void writeChartWritesTheChartOnceAndThenKeepsIt(@TempDir Path dir) throws Exception {
    Path chart = dir.resolve("charts/kes");

    GenerateResult first = Kesgen.writeChart(chart);
    GenerateResult second = Kesgen.writeChart(chart);

    assertThat(first.written()).contains("Chart.yaml", "templates/deployment.yaml");
    assertThat(chart.resolve(".kesgen-manifest")).isRegularFile();
    assertThat(second.upToDate()).isTrue();
    SortedMap<String, String> written = read(chart);
    written.remove(".kesgen-manifest");
    assertThat(written).isEqualTo(read(SOURCE));
  }
}

package dev.kesgen.helm;

import dev.kesgen.chart.KesChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The KES chart that kesgen-core carries (charts/kes of the same kesgen version), copied to a temporary directory
 * because Helm reads charts from the file system; {@link #close()} deletes the directory.
 */
final class EmbeddedChart implements AutoCloseable {
  private final Path root;

  private EmbeddedChart(Path root) {
    this.root = root;
  }

  /** Copies the chart into a new temporary directory. */
  static EmbeddedChart extract() throws IOException {
    EmbeddedChart chart = new EmbeddedChart(Files.createTempDirectory("kesgen-helm-"));
    try {
      Files.createDirectories(chart.work());
      KesChart.copyTo(chart.path());
      return chart;
    } catch (IOException | RuntimeException e) {
      chart.close();
      throw e;
    }
  }

  /** The chart directory. */
  Path path() {
    return root.resolve("kes");
  }

  /** A directory beside the chart for the values files, so they never become part of the chart. */
  Path work() {
    return root.resolve("values");
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

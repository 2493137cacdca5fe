package dev.kesgen.helm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The KES chart packed into this jar (from charts/kes at build time), copied to a temporary directory because
 * Helm reads charts from the file system; {@link #close()} deletes the directory.
 */
final class EmbeddedChart implements AutoCloseable {
  /** Where the build puts charts/kes in the jar. */
  static final String RESOURCE = "dev/kesgen/helm/chart/kes";

  private final Path root;

  private EmbeddedChart(Path root) {
    this.root = root;
  }

  /** Copies the chart that {@code loader} sees into a new temporary directory. */
  static EmbeddedChart extract(ClassLoader loader) throws IOException {
    URL chartYaml = loader.getResource(RESOURCE + "/Chart.yaml");
    if (chartYaml == null) {
      throw new IOException("the KES chart (" + RESOURCE + ") is missing from the class path of kesgen-helm");
    }
    EmbeddedChart chart = new EmbeddedChart(Files.createTempDirectory("kesgen-helm-"));
    try {
      Files.createDirectories(chart.work());
      if ("jar".equals(chartYaml.getProtocol())) {
        // A file system of our own for the jar (not the URI-registered one), so nothing else can have it open.
        Path jar = Path.of(((JarURLConnection) chartYaml.openConnection()).getJarFileURL().toURI());
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
          copy(zip.getPath("/" + RESOURCE), chart.path());
        }
      } else {
        copy(Path.of(chartYaml.toURI()).getParent(), chart.path());
      }
      return chart;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      chart.close();
      throw e instanceof IOException io ? io : new IOException("cannot extract the KES chart: " + e.getMessage(), e);
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

  private static void copy(Path source, Path target) throws IOException {
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(source)) {
      entries = walk.sorted().toList();
    }
    for (Path entry : entries) {
      Path copy = target.resolve(source.relativize(entry).toString()).normalize();
      if (!copy.startsWith(target)) {
        throw new IOException("chart entry outside the chart: " + entry);
      }
      if (Files.isDirectory(entry)) {
        Files.createDirectories(copy);
      } else {
        try (InputStream in = Files.newInputStream(entry)) {
          Files.copy(in, copy);
        }
      }
    }
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

package dev.kesgen.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart travels in the jar and comes out byte for byte as charts/kes. */
class EmbeddedChartTest {
  static final Path SOURCE = Path.of("../charts/kes");
  static final Path BUILT = Path.of("target/classes").resolve(EmbeddedChart.RESOURCE);

  @TempDir Path dir;

  @Test
  void extractsTheChartFromTheClassesDirectory() throws Exception {
    try (EmbeddedChart chart = EmbeddedChart.extract(getClass().getClassLoader())) {
      assertThat(contents(chart.path())).isEqualTo(contents(SOURCE)).containsKey("Chart.yaml");
    }
  }

  @Test
  void extractsTheChartFromAJar() throws Exception {
    Path jar = jarOf(BUILT, EmbeddedChart.RESOURCE);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        EmbeddedChart chart = EmbeddedChart.extract(loader)) {
      assertThat(contents(chart.path())).isEqualTo(contents(SOURCE)).containsKey("templates/deployment.yaml");
    }
  }

  @Test
  void deletesItsDirectoryWhenClosed() throws Exception {
    EmbeddedChart chart = EmbeddedChart.extract(getClass().getClassLoader());
    Path root = chart.path().getParent();

    chart.close();

    assertThat(root).doesNotExist();
  }

  @Test
  void saysSoWhenTheChartIsMissing() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThatThrownBy(() -> EmbeddedChart.extract(empty))
          .isInstanceOf(IOException.class).hasMessageContaining(EmbeddedChart.RESOURCE);
    }
  }

  /** Relative path to content of every file under the directory. */
  static SortedMap<String, String> contents(Path root) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return files;
  }

  private Path jarOf(Path directory, String prefix) throws IOException {
    Path jar = dir.resolve("kesgen-helm.jar");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      for (Path file : files) {
        String name = prefix + "/" + directory.relativize(file).toString().replace('\\', '/');
        if (Files.isDirectory(file)) {
          zip.putNextEntry(new JarEntry(name.endsWith("/") ? name : name + "/"));
        } else {
          zip.putNextEntry(new JarEntry(name));
          Files.copy(file, zip);
        }
        zip.closeEntry();
      }
    }
    return jar;
  }
}

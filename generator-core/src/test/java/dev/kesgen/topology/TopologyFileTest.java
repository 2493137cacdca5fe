package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Only a regular file of bounded size is read as the topology. */
class TopologyFileTest {
  @TempDir Path dir;

  private static List<String> problems(Path file) {
    return catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file))
        .problems().stream().map(Problem::toString).toList();
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("topology.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();

    // opening a FIFO for reading blocks until a writer comes: the run must not get that far
    List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problems(fifo));

    assertThat(problems).containsExactly(
        fifo + ":1:1: the topology file is not a regular file but a device, FIFO or socket (point kesgen at a YAML file)");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aLinkToDevZeroIsRefusedInsteadOfFillingTheHeap() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("topology.yaml"), Path.of("/dev/zero"));

    assertThat(problems(link)).containsExactly(
        link + ":1:1: the topology file is not a regular file but a device, FIFO or socket (point kesgen at a YAML file)");
  }

  @Test
  void aDirectoryIsRefused() {
    assertThat(problems(dir)).containsExactly(
        dir + ":1:1: the topology file is not a regular file but a directory (point kesgen at a YAML file)");
  }

  @Test
  void aFileAboveTheSizeCapIsRefused() throws Exception {
    Path big = dir.resolve("topology.yaml");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(TopologyLoader.MAX_FILE_SIZE + 1); // sparse: costs no disk
    }

    assertThat(problems(big)).containsExactly(
        big + ":1:1: the topology file is larger than 16 MiB, kesgen's limit (is it the right file?)");
  }

  @Test
  void aSymbolicLinkToARegularFileIsRead() throws Exception {
    Path real = Files.writeString(dir.resolve("real.yaml"), TopologyLoaderTest.MINIMAL);
    Path link = Files.createSymbolicLink(dir.resolve("topology.yaml"), real);

    assertThat(TopologyLoader.load(link).instances()).hasSize(1);
  }
}

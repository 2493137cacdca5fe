package dev.kesgen.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {
  @TempDir Path root;

  OutputDirectory out() {
    return new OutputDirectory(root);
  }

  List<String> snapshot() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.map(p -> {
        try {
          FileTime time = Files.getLastModifiedTime(p);
          return root.relativize(p) + " " + time + " " + (Files.isRegularFile(p) ? Files.readString(p) : "");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sorted().toList();
    }
  }

  @Test
  void freshOutputIsUpToDate() throws Exception {
    out().write(OutputDirectoryTest.files("a.txt", "a\n", "d/b.txt", "b\n"));

    CompareResult result = out().compare(OutputDirectoryTest.files("a.txt", "a\n", "d/b.txt", "b\n"));

    assertThat(result.upToDate()).isTrue();
  }

  @Test
  void reportsDifferingMissingAndExtraFilesWithoutWriting() throws Exception {
    out().write(OutputDirectoryTest.files("a.txt", "a\n", "b.txt", "b\n", "stale.txt", "s\n"));
    Files.writeString(root.resolve("a.txt"), "edited\n");
    Files.delete(root.resolve("b.txt"));
    Files.writeString(root.resolve("user.txt"), "not kesgen's\n");
    List<String> before = snapshot();

    CompareResult result = out().compare(OutputDirectoryTest.files("a.txt", "a\n", "b.txt", "b\n", "new.txt", "n\n"));

    assertThat(result.differing()).containsExactly(OutputDirectory.MANIFEST, "a.txt");
    assertThat(result.missing()).containsExactly("b.txt", "new.txt");
    assertThat(result.extra()).containsExactly("stale.txt");
    assertThat(result.upToDate()).isFalse();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aMissingManifestIsReported() throws Exception {
    out().write(OutputDirectoryTest.files("a.txt", "a\n"));
    Files.delete(root.resolve(OutputDirectory.MANIFEST));

    assertThat(out().compare(OutputDirectoryTest.files("a.txt", "a\n")).missing()).containsExactly(OutputDirectory.MANIFEST);
  }
}

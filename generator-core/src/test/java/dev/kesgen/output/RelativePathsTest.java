package dev.kesgen.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelativePathsTest {
  @TempDir Path root;

  @ParameterizedTest
  @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", "a\\b", "a\nb", ".kesgen-manifest"})
  void anUnsafePathIsRefusedBeforeAnythingIsWritten(String path) {
    assertThatThrownBy(() -> new OutputDirectory(root).write(Map.of(path, FileContent.text("x"))))
        .isInstanceOf(OutputException.class)
        .hasMessageStartingWith("invalid output paths: " + path + " ");
    assertThat(root).isEmptyDirectory();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "kes/x/values.yaml", ".hidden", "a..b", "tenants/ü/client.crt"})
  void aSafePathIsAccepted(String path) {
    assertThat(RelativePaths.problem(path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a"})
  void aPathThatIsAlsoADirectoryOfAnotherIsRefused(String path) {
    assertThatThrownBy(() -> new OutputDirectory(root).write(Map.of(path, FileContent.text("x"), path + "/b", FileContent.text("y"))))
        .hasMessageContaining("a is both a file and the directory of a/b");
  }
}

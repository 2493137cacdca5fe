package dev.kesgen.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting stale files is held to the same containment as writing; directories are created 0755. */
class OutputDirectoryContainmentTest {
  @TempDir Path dir;

  private Path root() {
    return dir.resolve("generated");
  }

  @Test
  void aStaleManifestLineBelowACommittedSymlinkDeletesNothingOutside() throws Exception {
    // the reproduced attack: generated/link -> elsewhere, and a manifest line naming link/sub/file with its hash
    Path victim = dir.resolve("elsewhere/sub/file");
    Files.createDirectories(victim.getParent());
    Files.writeString(victim, "precious\n");
    Files.createDirectories(root());
    Files.createSymbolicLink(root().resolve("link"), dir.resolve("elsewhere"));
    Files.writeString(root().resolve(OutputDirectory.MANIFEST),
        FileContent.text("precious\n").sha256() + "  link/sub/file\n");

    assertThatThrownBy(() -> new OutputDirectory(root()).write(Map.of("a.txt", FileContent.text("a\n"))))
        .isInstanceOf(OutputException.class)
        .hasMessage("nothing was written, because: link/sub/file, a stale file the manifest lists, lies below link,"
            + " which is a symbolic link or a file; kesgen deletes only through real directories of the output"
            + " directory, so remove link (or that manifest line)");
    assertThat(victim).hasContent("precious");
    assertThat(root().resolve("a.txt")).doesNotExist();
  }

  /**
   * Each write lists the directory anew ({@code Entries}): a directory replaced by a link after one write, even to a
   * tree holding the very same files, blocks the next write instead of being written or read through.
   */
  @Test
  void aDirectoryReplacedByALinkBetweenTwoWritesBlocksTheSecond() throws Exception {
    OutputDirectory out = new OutputDirectory(root());
    Map<String, FileContent> files = Map.of("kes/dev/values.yaml", FileContent.text("a: b\n"), "a.txt",
        FileContent.text("a\n"));
    out.write(files);
    Path elsewhere = dir.resolve("elsewhere");
    Files.move(root().resolve("kes"), elsewhere);
    Files.createSymbolicLink(root().resolve("kes"), elsewhere);

    assertThatThrownBy(() -> out.write(files)).isInstanceOf(OutputException.class)
        .hasMessage("nothing was written, because: kes must be a directory (not a file or symbolic link) to hold"
            + " kes/dev/values.yaml");
    CompareResult compare = out.compare(files);
    assertThat(compare.missing()).containsExactly("kes/dev/values.yaml");
    assertThat(compare.unknown()).containsExactly("kes");
    assertThat(elsewhere.resolve("dev/values.yaml")).hasContent("a: b\n");
  }

  @Test
  void aStaleFileInARealDirectoryIsStillDeletedWithItsEmptiedDirectory() throws Exception {
    OutputDirectory out = new OutputDirectory(root());
    out.write(Map.of("a.txt", FileContent.text("a\n"), "sub/deep/b.txt", FileContent.text("b\n")));

    WriteResult result = out.write(Map.of("a.txt", FileContent.text("a\n")));

    assertThat(result.deleted()).containsExactly("sub/deep/b.txt");
    assertThat(root().resolve("sub")).doesNotExist();
  }

  @Test
  void directoriesAreCreated0755EvenBelowAWorldWritableParent() throws Exception {
    Files.createDirectories(root());
    Files.setPosixFilePermissions(root(), PosixFilePermissions.fromString("rwxrwxrwx"));

    new OutputDirectory(root()).write(Map.of("kes/dev/values.yaml", FileContent.text("a: b\n")));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root().resolve("kes"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root().resolve("kes/dev"))))
        .isEqualTo("rwxr-xr-x");
  }

  @Test
  void aMissingOutputRootIsCreated0755Too() throws Exception {
    new OutputDirectory(root().resolve("new")).write(Map.of("a.txt", FileContent.text("a\n")));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root().resolve("new"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root()))).isEqualTo("rwxr-xr-x");
  }
}

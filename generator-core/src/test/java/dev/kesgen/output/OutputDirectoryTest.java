package dev.kesgen.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  static final FileTime OLD = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

  @TempDir Path root;

  static Map<String, FileContent> files(String... pathsAndTexts) {
    Map<String, FileContent> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], FileContent.text(pathsAndTexts[i + 1]));
    }
    return files;
  }

  OutputDirectory out() {
    return new OutputDirectory(root);
  }

  List<String> tree() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void writesEveryFileAndASortedManifest() throws Exception {
    WriteResult result = out().write(files("vault/b.hcl", "b\n", "a.md", "ä\n"));

    assertThat(result.written()).containsExactly("a.md", "vault/b.hcl");
    assertThat(Files.readString(root.resolve("a.md"))).isEqualTo("ä\n");
    assertThat(Files.readString(root.resolve(OutputDirectory.MANIFEST))).isEqualTo(
        FileContent.text("ä\n").sha256() + "  a.md\n" + FileContent.text("b\n").sha256() + "  vault/b.hcl\n");
  }

  @Test
  void theManifestHashIsTheSha256OfTheBytes() {
    assertThat(FileContent.text("").sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void anUnchangedFileIsNotTouched() throws Exception {
    out().write(files("a.txt", "same\n", "b.txt", "old\n"));
    Files.setLastModifiedTime(root.resolve("a.txt"), OLD);
    Files.setLastModifiedTime(root.resolve(OutputDirectory.MANIFEST), OLD);

    WriteResult result = out().write(files("a.txt", "same\n", "b.txt", "new\n"));

    assertThat(result.kept()).containsExactly("a.txt");
    assertThat(result.written()).containsExactly("b.txt");
    assertThat(Files.getLastModifiedTime(root.resolve("a.txt"))).isEqualTo(OLD);
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledOnOs({org.junit.jupiter.api.condition.OS.LINUX,
      org.junit.jupiter.api.condition.OS.MAC})
  void writtenFilesAndTheManifestAreReadableByEveryoneAndDirectories0755() throws Exception {
    out().write(files("a.txt", "a\n", "vault/b.hcl", "b\n"));
    out().write(files("a.txt", "changed\n", "vault/b.hcl", "b\n"));

    assertThat(mode("a.txt")).isEqualTo("rw-r--r--");
    assertThat(mode("vault/b.hcl")).isEqualTo("rw-r--r--");
    assertThat(mode(OutputDirectory.MANIFEST)).isEqualTo("rw-r--r--");
    assertThat(mode("vault")).isEqualTo("rwxr-xr-x");
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledOnOs({org.junit.jupiter.api.condition.OS.LINUX,
      org.junit.jupiter.api.condition.OS.MAC})
  void anUnchangedFileKeepsTheModeItHas() throws Exception {
    // a file an older kesgen wrote 0600: a no-op run touches nothing, its mode included (git does not track it)
    out().write(files("a.txt", "same\n"));
    Files.setPosixFilePermissions(root.resolve("a.txt"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    WriteResult result = out().write(files("a.txt", "same\n"));

    assertThat(result.kept()).containsExactly("a.txt");
    assertThat(mode("a.txt")).isEqualTo("rw-------");
  }

  private String mode(String path) throws IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(path)));
  }

  @Test
  void anUnchangedManifestIsNotTouched() throws Exception {
    out().write(files("a.txt", "same\n"));
    Files.setLastModifiedTime(root.resolve(OutputDirectory.MANIFEST), OLD);

    out().write(files("a.txt", "same\n"));

    assertThat(Files.getLastModifiedTime(root.resolve(OutputDirectory.MANIFEST))).isEqualTo(OLD);
  }

  @Test
  void aFileNoLongerGeneratedIsDeletedWithTheDirectoriesItLeavesEmpty() throws Exception {
    out().write(files("kes/a/values.yaml", "a\n", "kes/b/values.yaml", "b\n", "tenants/x/y/values.yaml", "c\n"));

    WriteResult result = out().write(files("kes/b/values.yaml", "b\n"));

    assertThat(result.deleted()).containsExactly("kes/a/values.yaml", "tenants/x/y/values.yaml");
    assertThat(tree()).containsExactly(OutputDirectory.MANIFEST, "kes", "kes/b", "kes/b/values.yaml");
  }

  @Test
  void aFileKesgenDidNotWriteIsNeverDeleted() throws Exception {
    Files.createDirectories(root.resolve("kes/a"));
    Files.writeString(root.resolve("kes/a/notes.txt"), "mine\n");
    Files.writeString(root.resolve("README.md"), "mine\n");
    out().write(files("kes/a/values.yaml", "a\n"));

    WriteResult result = out().write(files());

    assertThat(result.deleted()).containsExactly("kes/a/values.yaml");
    assertThat(tree()).containsExactly(OutputDirectory.MANIFEST, "README.md", "kes", "kes/a", "kes/a/notes.txt");
  }

  @Test
  void aStaleFileEditedSinceItWasWrittenIsLeftAndReported() throws Exception {
    out().write(files("a.txt", "generated\n"));
    Files.writeString(root.resolve("a.txt"), "edited by hand\n");

    WriteResult result = out().write(files());

    assertThat(result.notDeleted()).containsExactly("a.txt");
    assertThat(result.deleted()).isEmpty();
    assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("edited by hand\n");
  }

  @Test
  void aDirectoryWhereAFileShouldGoFailsBeforeAnythingIsWritten() throws Exception {
    out().write(files("a.txt", "old a\n", "m.txt", "old m\n"));
    Files.setLastModifiedTime(root.resolve("a.txt"), OLD);
    byte[] manifest = Files.readAllBytes(root.resolve(OutputDirectory.MANIFEST));
    Files.createDirectories(root.resolve("n.txt/inside"));

    assertThatThrownBy(() -> out().write(files("a.txt", "new a\n", "m.txt", "new m\n", "n.txt", "n\n", "z.txt", "z\n")))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining("n.txt is a directory in " + root);

    assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("old a\n");
    assertThat(Files.getLastModifiedTime(root.resolve("a.txt"))).isEqualTo(OLD);
    assertThat(Files.readAllBytes(root.resolve(OutputDirectory.MANIFEST))).isEqualTo(manifest);
    assertThat(tree()).containsExactly(OutputDirectory.MANIFEST, "a.txt", "m.txt", "n.txt", "n.txt/inside");
  }

  @Test
  void aWriteFailingHalfWayLeavesThePreviousOutputIntact() throws Exception {
    out().write(files("a.txt", "old a\n", "c.txt", "old c\n"));
    byte[] manifest = Files.readAllBytes(root.resolve(OutputDirectory.MANIFEST));
    // the name fits the file system, but its temporary file's longer name does not
    String tooLong = "b/" + "x".repeat(250);

    assertThatThrownBy(() -> out().write(files("a.txt", "new a\n", tooLong, "b\n", "c.txt", "new c\n")))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining("cannot write " + tooLong)
        .hasMessageContaining("nothing was changed");

    assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("old a\n");
    assertThat(Files.readString(root.resolve("c.txt"))).isEqualTo("old c\n");
    assertThat(Files.readAllBytes(root.resolve(OutputDirectory.MANIFEST))).isEqualTo(manifest);
    assertThat(tree()).containsExactly(OutputDirectory.MANIFEST, "a.txt", "c.txt");
  }

  @Test
  void aFileWhereADirectoryShouldGoIsRefused() throws Exception {
    Files.writeString(root.resolve("kes"), "a file\n");

    assertThatThrownBy(() -> out().write(files("kes/a.yaml", "a\n")))
        .hasMessageContaining("kes must be a directory (not a file or symbolic link) to hold kes/a.yaml");
  }

  @Test
  void aSymbolicLinkOnThePathIsRefused() throws Exception {
    Path elsewhere = Files.createTempDirectory("elsewhere");
    Files.createSymbolicLink(root.resolve("kes"), elsewhere);

    assertThatThrownBy(() -> out().write(files("kes/a.yaml", "a\n")))
        .hasMessageContaining("kes must be a directory");
    assertThat(elsewhere).isEmptyDirectory();
  }

  @Test
  void bytesAreWrittenExactly() throws Exception {
    byte[] binary = {0, (byte) 0xff, '\r', '\n'};

    out().write(Map.of("cert.der", new FileContent(binary)));

    assertThat(Files.readAllBytes(root.resolve("cert.der"))).isEqualTo(binary);
  }

  @Test
  void theOutputDirectoryIsCreatedWhenMissing() throws Exception {
    OutputDirectory nested = new OutputDirectory(root.resolve("generated"));

    nested.write(files("a.txt", "a\n"));

    assertThat(root.resolve("generated/a.txt")).hasContent("a\n");
  }

  @Test
  void aDamagedManifestIsAnError() throws Exception {
    Files.writeString(root.resolve(OutputDirectory.MANIFEST), "not a manifest\n");

    assertThatThrownBy(() -> out().write(files("a.txt", "a\n")))
        .hasMessageContaining("is damaged at line 1");
  }

  @Test
  void aManifestEntryEscapingTheDirectoryIsAnError() throws Exception {
    Files.writeString(root.resolve(OutputDirectory.MANIFEST), "0".repeat(64) + "  ../outside.txt\n");

    assertThatThrownBy(() -> out().write(files()))
        .hasMessageContaining("is damaged at line 1");
  }

  @Test
  void theResultListsAreImmutable() throws Exception {
    WriteResult result = out().write(files("a.txt", "a\n"));

    assertThatThrownBy(() -> result.written().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void textIsUtf8() {
    assertThat(FileContent.text("ü").bytes()).isEqualTo("ü".getBytes(StandardCharsets.UTF_8)).hasSize(2);
  }
}

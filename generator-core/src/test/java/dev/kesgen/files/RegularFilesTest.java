package dev.kesgen.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Only a regular file within its kind's limit is read; everything else is refused, naming the path, unopened. */
class RegularFilesTest {
  @TempDir Path dir;

  private static UnsafeFileException refused(Path file, InputKind kind) {
    return catchThrowableOfType(UnsafeFileException.class, () -> RegularFiles.read(file, kind));
  }

  static void mkfifo(Path fifo) throws Exception {
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
  }

  @Test
  void aRegularFileIsReadExactly() throws Exception {
    Path file = Files.write(dir.resolve("server.crt"), new byte[] {1, 2, 3});

    assertThat(RegularFiles.read(file, InputKind.CERTIFICATE)).containsExactly(1, 2, 3);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aLinkToDevZeroIsRefusedAsALink() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("server.crt"), Path.of("/dev/zero"));

    UnsafeFileException e = refused(link, InputKind.CERTIFICATE);

    assertThat(e.reason()).isEqualTo(UnsafeFileException.Reason.LINK);
    assertThat(e).hasMessage(link + " is a symbolic link (to /dev/zero); kesgen reads a committed certificate only"
        + " from a regular file, never through a link (replace the link with a copy of the file, or remove it)");
  }

  @Test
  void aLinkToARegularFileIsRefusedToo() throws Exception {
    Path real = Files.writeString(dir.resolve("real.crt"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("server.crt"), real);

    assertThat(refused(link, InputKind.CERTIFICATE).reason()).isEqualTo(UnsafeFileException.Reason.LINK);
  }

  @Test
  void aDanglingLinkIsRefusedNotTakenForAbsent() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("server.crt"), dir.resolve("gone"));

    UnsafeFileException e = catchThrowableOfType(UnsafeFileException.class,
        () -> RegularFiles.readIfPresent(link, InputKind.CERTIFICATE));

    assertThat(e).hasMessageContaining("is a symbolic link (to " + dir.resolve("gone") + ", which does not exist)");
  }

  @Test
  void nothingThereIsAbsentOrNoSuchFile() throws Exception {
    assertThat(RegularFiles.readIfPresent(dir.resolve("none"), InputKind.MANIFEST)).isEmpty();
    assertThat(catchThrowableOfType(NoSuchFileException.class,
        () -> RegularFiles.read(dir.resolve("none"), InputKind.MANIFEST))).isNotNull();
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve(".kesgen-manifest");
    mkfifo(fifo);

    // opening a FIFO for reading blocks until a writer comes: the read must not get that far
    UnsafeFileException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(fifo, InputKind.MANIFEST));

    assertThat(e.reason()).isEqualTo(UnsafeFileException.Reason.SPECIAL);
    assertThat(e).hasMessageStartingWith(fifo + " is a FIFO (named pipe), not a regular file; kesgen reads the"
        + " manifest only from a regular file");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aDeviceIsRefusedEvenWhereLinksAreFollowed() {
    UnsafeFileException e = refused(Path.of("/dev/zero"), InputKind.TOPOLOGY);

    assertThat(e.reason()).isEqualTo(UnsafeFileException.Reason.SPECIAL);
    assertThat(e).hasMessageStartingWith("/dev/zero is a character device, not a regular file");
  }

  @Test
  void aDirectoryIsRefused() {
    assertThat(refused(dir, InputKind.TEMPLATE).reason()).isEqualTo(UnsafeFileException.Reason.DIRECTORY);
  }

  @Test
  void aFileAboveItsKindsLimitIsRefused() throws Exception {
    Path big = dir.resolve("server.crt");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(InputKind.CERTIFICATE.limit() + 1); // sparse: costs no disk
    }

    assertThat(refused(big, InputKind.CERTIFICATE)).hasMessage(big + " is larger than 1 MiB, kesgen's limit for a"
        + " committed certificate (is it the right file?)");
  }

  @Test
  void aStreamIsReadToItsKindsLimitAndNoFurther() throws Exception {
    byte[] twoMiB = new byte[2 << 20];

    UnsafeFileException e = catchThrowableOfType(UnsafeFileException.class,
        () -> RegularFiles.read(new ByteArrayInputStream(twoMiB), InputKind.IDENTITY_INPUT, "standard input"));

    assertThat(e).hasMessage("standard input is larger than 1 MiB, kesgen's limit for a certificate to identify"
        + " (is it the right file?)");
    assertThat(RegularFiles.read(new ByteArrayInputStream(new byte[1 << 20]), InputKind.IDENTITY_INPUT, "-"))
        .hasSize(1 << 20);
  }
}

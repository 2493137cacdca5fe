package dev.kesgen.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way kesgen reads a file: only a regular file, never through a symbolic link (except the topology file
 * and a certificate to identify, which the user names on purpose; see {@link InputKind#followsLinks()}), never a
 * FIFO, device or socket,
 * and never more than the limit of its kind ({@link InputKind#limit()}).
 *
 * <p>The type is checked on attributes read without following links before the file is opened, because opening a
 * FIFO blocks until someone writes to it; the file is then opened without following links (so a link put in its
 * place meanwhile fails to open), its identity compared with what was checked, and at most limit + 1 bytes read,
 * so a file swapped for a device after the check still cannot fill the heap.
 *
 * <pre>{@code
 * byte[] pem = RegularFiles.read(Path.of("generated/kes/dev/server.crt"), InputKind.CERTIFICATE);
 * }</pre>
 */
public final class RegularFiles {
  private static final OpenOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final OpenOption[] FOLLOW = {};

  private RegularFiles() {}

  /**
   * The bytes as UTF-8 text, strictly: malformed or unmappable input is an error, never a replacement character (a
   * file that is not UTF-8 is not one kesgen wrote, or not a topology or template it can read).
   */
  public static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }

  /**
   * The bytes of {@code file}.
   *
   * @throws NoSuchFileException if nothing is there
   * @throws UnsafeFileException if it is a link, FIFO, device, socket or directory, or larger than the limit
   * @throws IOException if it cannot be read
   */
  public static byte[] read(Path file, InputKind kind) throws IOException {
    Objects.requireNonNull(kind, "kind");
    BasicFileAttributes checked = requireRegular(file, kind);
    try (InputStream in = open(file, kind)) {
      Object key = checked.fileKey();
      if (key != null && !key.equals(attributes(file, kind).fileKey())) {
        throw new IOException(file + " was replaced while kesgen read it; run kesgen again");
      }
      return bounded(in, kind, file.toString());
    }
  }

  /** The bytes of {@code file}, or empty if nothing is there (a dangling link is not nothing: it is refused). */
  public static Optional<byte[]> readIfPresent(Path file, InputKind kind) throws IOException {
    if (!file.toFile().exists()) {
      // nothing there, or a link to nothing; java.io.File tells without an exception, and so does the parent: where
      // it does not exist (a first run's new directories), nothing can be below it, not even a link
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !parent.toFile().exists() || !Files.isSymbolicLink(file)) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(read(file, kind));
    } catch (NoSuchFileException e) {
      return Optional.empty(); // deleted meanwhile
    }
  }

  /**
   * At most the limit of {@code kind} from a stream, such as standard input; {@code source} names it in the message.
   *
   * @throws UnsafeFileException if the stream holds more
   */
  public static byte[] read(InputStream in, InputKind kind, String source) throws IOException {
    return bounded(in, kind, source);
  }

  /**
   * Checks, without following links (unless the kind does) and without opening it, that {@code file} is a regular
   * file no larger than the limit; used by directory walks before anything is read.
   *
   * @return its attributes
   * @throws NoSuchFileException if nothing is there
   * @throws UnsafeFileException if it is anything else
   */
  public static BasicFileAttributes requireRegular(Path file, InputKind kind) throws IOException {
    BasicFileAttributes attributes = attributes(file, kind);
    if (attributes.isSymbolicLink()) {
      throw new UnsafeFileException(file.toString(), UnsafeFileException.Reason.LINK, file + " is a symbolic link"
          + linkTarget(file) + "; kesgen reads " + kind.description() + " only from a regular file, never through a"
          + " link (replace the link with a copy of the file, or remove it)");
    }
    if (attributes.isDirectory()) {
      throw new UnsafeFileException(file.toString(), UnsafeFileException.Reason.DIRECTORY, file + " is a directory;"
          + " kesgen reads " + kind.description() + " only from a regular file");
    }
    if (!attributes.isRegularFile()) {
      throw new UnsafeFileException(file.toString(), UnsafeFileException.Reason.SPECIAL, file + " is "
          + special(file, kind) + ", not a regular file; kesgen reads " + kind.description() + " only from a regular"
          + " file (reading a FIFO can hang, a device never ends): replace it with the file, or remove it");
    }
    if (attributes.size() > kind.limit()) {
      throw tooLarge(file.toString(), kind);
    }
    return attributes;
  }

  private static BasicFileAttributes attributes(Path file, InputKind kind) throws IOException {
    return kind.followsLinks()
        ? Files.readAttributes(file, BasicFileAttributes.class)
        : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static InputStream open(Path file, InputKind kind) throws IOException {
    try {
      return Files.newInputStream(file, kind.followsLinks() ? FOLLOW : NO_FOLLOW);
    } catch (IOException e) {
      if (!kind.followsLinks() && Files.isSymbolicLink(file)) {
        requireRegular(file, kind); // a link was put in its place after the check: say so
      }
      throw e;
    }
  }

  private static byte[] bounded(InputStream in, InputKind kind, String source) throws IOException {
    byte[] bytes = in.readNBytes((int) kind.limit() + 1);
    if (bytes.length > kind.limit()) {
      throw tooLarge(source, kind);
    }
    return bytes;
  }

  private static UnsafeFileException tooLarge(String source, InputKind kind) {
    return new UnsafeFileException(source, UnsafeFileException.Reason.TOO_LARGE, source + " is larger than "
        + kind.limitText() + ", kesgen's limit for " + kind.description() + " (is it the right file?)");
  }

  private static String linkTarget(Path file) {
    try {
      Path target = Files.readSymbolicLink(file);
      boolean dangling = !Files.exists(file);
      return " (to " + target + (dangling ? ", which does not exist" : "") + ")";
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  // POSIX file types from st_mode (S_IFIFO 0010000, S_IFCHR 0020000, S_IFBLK 0060000, S_IFSOCK 0140000)
  private static String special(Path file, InputKind kind) {
    try {
      Object mode = kind.followsLinks()
          ? Files.getAttribute(file, "unix:mode")
          : Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if (mode instanceof Integer m) {
        switch (m & 0170000) {
          case 0010000: return "a FIFO (named pipe)";
          case 0020000: return "a character device";
          case 0060000: return "a block device";
          case 0140000: return "a socket";
          default: break;
        }
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // no unix view on this file system: the general words below
    }
    return "a FIFO, device or socket";
  }
}

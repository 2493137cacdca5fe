package dev.kesgen.files;

import java.io.IOException;
import java.util.Objects;

/**
 * A file kesgen was to read that is not a regular file of a bounded size: a symbolic link, a FIFO, a device, a
 * directory, or a file over the limit of its kind. It is an {@link IOException} so that every stage that maps I/O
 * failures to the environment's kind (exit code 3) maps this one the same way; the message is complete, plain and
 * names the path.
 */
public final class UnsafeFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Reason {
    /** A symbolic link, dangling or not: kesgen never reads through one. */
    LINK,
    /** A FIFO, a device or a socket: reading could hang or never end. */
    SPECIAL,
    /** A directory where a file was expected. */
    DIRECTORY,
    /** More bytes than the limit of its kind. */
    TOO_LARGE
  }

  private final String source;
  private final Reason reason;

  UnsafeFileException(String source, Reason reason, String message) {
    super(message);
    this.source = Objects.requireNonNull(source, "source");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The file refused, as the message names it ("standard input" for {@code -}). */
  public String source() {
    return source;
  }

  /** Why it was refused. */
  public Reason reason() {
    return reason;
  }
}

package dev.kesgen.engine;

import dev.kesgen.output.OutputException;
import dev.kesgen.pki.PkiException;
import dev.kesgen.pki.UnsafeKeyLocationException;
import java.io.IOException;
import java.util.Objects;

/** A run that failed, with whose the problem is to fix; {@code dev.kesgen} turns it into a typed KesgenException. */
public final class RunException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Whose problem it is. */
  public enum Kind {
    /** The user can fix it: templates, directories, committed files, rotation names. */
    USER,
    /** The file system or another part of the environment failed. */
    ENVIRONMENT,
    /** A bug in kesgen or an extension. */
    INTERNAL
  }

  private final Kind kind;

  RunException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Whose problem it is. */
  public Kind kind() {
    return kind;
  }

  static RunException user(String message) {
    return new RunException(Kind.USER, message, null);
  }

  static RunException internal(String message, Throwable cause) {
    return new RunException(Kind.INTERNAL, message, cause);
  }

  static RunException environment(String message, Throwable cause) {
    return new RunException(Kind.ENVIRONMENT, message, cause);
  }

  /** A failed write of the output directory: the file system's. */
  static RunException of(OutputException e) {
    return environment(e.getMessage(), e);
  }

  /**
   * A certificate, key or secrets-directory failure: the file system's when an I/O error caused it; the user's
   * otherwise (overlapping directories, an unreadable committed certificate or key to restore).
   */
  static RunException of(PkiException e, String message) {
    if (!(e instanceof UnsafeKeyLocationException) && causedByIo(e)) {
      return environment(message, e);
    }
    return new RunException(Kind.USER, message, e);
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}

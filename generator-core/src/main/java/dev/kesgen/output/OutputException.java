package dev.kesgen.output;

/** Generated files that could not be checked or written; the message says which and why. */
public final class OutputException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public OutputException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}

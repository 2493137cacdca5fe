package dev.kesgen;

/** The file system (or another part of the environment) failed: a file that cannot be read, written or moved. */
public final class EnvironmentException extends KesgenException {
  private static final long serialVersionUID = 1L;

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.kesgen;

/** A bug: a shipped template that fails to render, or an {@link OutputExtension} that crashed or misbehaved. */
public final class InternalException extends KesgenException {
  private static final long serialVersionUID = 1L;

  public InternalException(String message, Throwable cause) {
    super(message, cause);
  }
}

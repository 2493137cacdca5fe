package dev.kesgen.access;

/** A configuration or policy text the access models cannot read: malformed, or outside what they model. */
public final class AccessModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccessModelException(String message) {
    super(message);
  }
}

package dev.kesgen;

/**
 * A mistake a user can fix that is not in the topology itself: a template override that matches no template, a
 * template that uses a value that does not exist, output and secrets directories that overlap, an unreadable
 * committed certificate.
 */
public final class KesgenException extends Exception {
  private static final long serialVersionUID = 1L;

  public KesgenException(String message) {
    super(message);
  }

  public KesgenException(String message, Throwable cause) {
    super(message, cause);
  }
}

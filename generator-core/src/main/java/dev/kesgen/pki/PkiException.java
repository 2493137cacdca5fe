package dev.kesgen.pki;

/** A certificate, key or secrets-directory operation failed; the message names the file and what to do. */
public class PkiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PkiException(String message) {
    super(message);
  }

  public PkiException(String message, Throwable cause) {
    super(message, cause);
  }
}

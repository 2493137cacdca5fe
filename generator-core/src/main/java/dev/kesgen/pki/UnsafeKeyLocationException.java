package dev.kesgen.pki;

/** A private key would land where it could be committed: under the output directory, or output and secrets overlap. */
public final class UnsafeKeyLocationException extends PkiException {
  private static final long serialVersionUID = 1L;

  public UnsafeKeyLocationException(String message) {
    super(message);
  }
}

package dev.kesgen.live;

/**
 * The plan could not talk to Vault at all: no address or token, an address kesgen refuses (plain http where the
 * topology does not allow it), a server that does not answer or fails TLS, or a token it does not accept.
 */
public final class LiveVaultException extends Exception {
  private static final long serialVersionUID = 1L;

  public LiveVaultException(String message, Throwable cause) {
    super(message, cause);
  }
}

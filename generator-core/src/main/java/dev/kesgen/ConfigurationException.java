package dev.kesgen;

/**
 * A mistake the user can fix that is not in the topology file: a template override that matches no template or
 * uses a value that does not exist, output and secrets directories that overlap, an unreadable committed
 * certificate or key, an unknown rotation name.
 */
public final class ConfigurationException extends KesgenException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}

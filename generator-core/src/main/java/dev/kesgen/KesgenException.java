package dev.kesgen;

/**
 * A run that failed for a reason outside the topology file itself, in three kinds a front end tells apart: a
 * {@link ConfigurationException} the user can fix, an {@link EnvironmentException} of the file system, and an
 * {@link InternalException} (a bug in kesgen or an extension). Topology mistakes are
 * {@link dev.kesgen.topology.TopologyException}s.
 */
public abstract sealed class KesgenException extends Exception
    permits ConfigurationException, EnvironmentException, InternalException {
  private static final long serialVersionUID = 1L;

  // a message may quote a file name, a template or a value: control and invisible characters are printed escaped
  KesgenException(String message, Throwable cause) {
    super(message == null ? null : dev.kesgen.topology.Printable.escapeExceptLineBreaks(message), cause);
  }
}

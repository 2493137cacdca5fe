package dev.kesgen.engine;

import java.util.Objects;

/**
 * One problem a check found.
 *
 * @param kind what sort
 * @param subject the output-relative file or certificate path
 * @param message what is wrong and how to fix it
 */
public record Finding(Kind kind, String subject, String message) {
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    // a file kesgen did not write may have any name: no control character reaches a terminal raw
    subject = dev.kesgen.topology.Printable.escape(subject);
    message = dev.kesgen.topology.Printable.escape(message);
  }

  /** The sorts of findings. */
  public enum Kind { STALE, MISSING, EXTRA, UNKNOWN, CERTIFICATE, SECRET_IN_OUTPUT, ACCESS }
}

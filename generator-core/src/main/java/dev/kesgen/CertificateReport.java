package dev.kesgen;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one certificate in a run.
 *
 * @param name {@code kes/<instance>} or {@code tenants/<instance>/<tenant>}
 * @param action {@code issued}, {@code renewed}, {@code kept}, {@code kept (key not present here)} or
 *     {@code kept (local key <path> does not match it; not used)}
 * @param reason why it was issued or renewed; "" when kept
 * @param identity the KES identity of the certificate now in the output
 * @param previousIdentity the identity it replaced, when a committed certificate was replaced
 * @param notAfter when the certificate expires
 */
public record CertificateReport(
    String name, String action, String reason, String identity, Optional<String> previousIdentity, Instant notAfter) {
  public CertificateReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(previousIdentity, "previousIdentity");
    Objects.requireNonNull(notAfter, "notAfter");
  }

  /** Whether the identity changed in this run (a new or replaced certificate). */
  public boolean identityChanged() {
    return previousIdentity.map(p -> !p.equals(identity)).orElse(!action.startsWith("kept"));
  }

  /** One line for a log, for example {@code tenants/dev/gecko: renewed (expires ...), identity 3ab9...}. */
  public String describe() {
    String why = reason.isEmpty() ? "" : " (" + reason + ")";
    String was = previousIdentity.filter(p -> !p.equals(identity)).map(p -> ", was " + p).orElse("");
    return name + ": " + action + why + ", identity " + identity + was + ", expires " + notAfter;
  }
}

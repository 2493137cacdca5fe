package dev.kesgen.change;

import java.util.Objects;

/**
 * What a change of the output means, in words: a tenant added, an identity changed, grants removed.
 *
 * @param kind what kind of change
 * @param subject whom it is about: {@code <instance>} or {@code <instance>/<tenant>}
 * @param message one sentence for a person, naming what follows from it
 * @param destructive whether it loses access to data or leaves objects behind, or needs a coordinated restart
 *     ({@code --fail-on-destructive} fails on these)
 */
public record Change(Kind kind, String subject, String message, boolean destructive) {
  /** The kinds of change, in the order a plan lists them. */
  public enum Kind {
    INSTANCE_ADDED, INSTANCE_REMOVED, TENANT_ADDED, TENANT_REMOVED, SERVER_CERTIFICATE_CHANGED, IDENTITY_CHANGED,
    KEY_REMOVED, GRANTS_REMOVED, GRANTS_ADDED, KEY_CREATION_CHANGED, VAULT_POLICY_CHANGED, VAULT_ROLE_CHANGED
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }
}

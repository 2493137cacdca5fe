package dev.kesgen;

import dev.kesgen.layout.CertificateId;
import dev.kesgen.pki.CertificateOutcome;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one certificate in a run.
 *
 * @param id which certificate; {@code id.name()} is {@code kes/<instance>}, {@code tenants/<instance>/<tenant>} or
 *     {@code kes/<instance>/provisioner}
 * @param action issued, renewed, or kept (with or without its key at hand)
 * @param reason why it was issued or renewed; "" when kept
 * @param identity the KES identity of the certificate now in the output
 * @param previousIdentity the committed identity before this run: its own when kept, the replaced one when renewed,
 *     empty when there was none
 * @param notAfter when the certificate expires
 */
public record CertificateReport(CertificateId id, CertificateOutcome.Action action, String reason, String identity,
    Optional<String> previousIdentity, Instant notAfter) {
  public CertificateReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(previousIdentity, "previousIdentity");
    Objects.requireNonNull(notAfter, "notAfter");
  }

  /** The report name, for example {@code tenants/dev/gecko}. */
  public String name() {
    return id.name();
  }

  /** Whether the identity changed in this run (a new or replaced certificate). */
  public boolean identityChanged() {
    return previousIdentity.map(p -> !p.equals(identity)).orElse(!action.isKept());
  }
}

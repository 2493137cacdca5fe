package dev.kesgen.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the topology's {@code acknowledge} list: a warning a person has read and accepted, so that it no longer
 * fails a strict run. It is still shown, marked acknowledged with the reason.
 *
 * @param id the warning
 * @param instance the instance it is acknowledged for; empty for every instance (or a Vault warning)
 * @param tenant the tenant of that instance it is acknowledged for; empty for every tenant
 * @param reason why it is accepted, for the reviewer
 * @param path where it is written, such as {@code acknowledge[0]}
 */
public record Acknowledgement(WarningId id, Optional<String> instance, Optional<String> tenant, String reason,
    String path) {
  public Acknowledgement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(path, "path");
  }

  /** Whether it acknowledges a warning with this id about this instance and tenant. */
  public boolean matches(WarningId warning, Optional<String> warningInstance, Optional<String> warningTenant) {
    return id == warning && (instance.isEmpty() || instance.equals(warningInstance))
        && (tenant.isEmpty() || tenant.equals(warningTenant));
  }
}

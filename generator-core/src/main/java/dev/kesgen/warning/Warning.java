package dev.kesgen.warning;

import dev.kesgen.topology.WarningId;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that is not an error but needs a person: the log shows every warning, SUMMARY.md those about the output
 * ({@link WarningId#inSummary()}), and a strict run fails on any that is not acknowledged.
 *
 * @param id its stable id
 * @param instance the instance it is about, if any
 * @param tenant the tenant of that instance it is about, if any
 * @param message what and what to do, without the id
 * @param acknowledged the reason of the topology's acknowledgement, if it has one
 */
public record Warning(WarningId id, Optional<String> instance, Optional<String> tenant, String message,
    Optional<String> acknowledged) {
  public Warning {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(acknowledged, "acknowledged");
    // it may quote a value of the topology: no control character reaches a terminal or SUMMARY.md raw
    message = dev.kesgen.topology.Printable.escape(message);
    acknowledged = acknowledged.map(dev.kesgen.topology.Printable::escape);
  }

  /** A warning about the Vault, the topology or the run, not yet acknowledged. */
  public static Warning of(WarningId id, String message) {
    return new Warning(id, Optional.empty(), Optional.empty(), message, Optional.empty());
  }

  /** A warning about an instance. */
  public static Warning instance(WarningId id, String instance, String message) {
    return new Warning(id, Optional.of(instance), Optional.empty(), message, Optional.empty());
  }

  /** A warning about a tenant of an instance. */
  public static Warning tenant(WarningId id, String instance, String tenant, String message) {
    return new Warning(id, Optional.of(instance), Optional.of(tenant), message, Optional.empty());
  }

  /** This warning acknowledged for this reason. */
  public Warning acknowledge(String reason) {
    return new Warning(id, instance, tenant, message, Optional.of(reason));
  }

  /** Whether it fails a strict run: it is not acknowledged. */
  public boolean failsStrict() {
    return acknowledged.isEmpty();
  }

  /**
   * The line the log shows, for example {@code [minio-14716] instance dev, tenant gecko: MinIO ...}, ending in
   * {@code (acknowledged: <reason>)} when the topology acknowledges it.
   */
  public String text() {
    return "[" + id.id() + "] " + message + acknowledged.map(r -> " (acknowledged: " + r + ")").orElse("");
  }

  @Override
  public String toString() {
    return text();
  }
}

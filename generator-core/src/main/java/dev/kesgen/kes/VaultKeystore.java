package dev.kesgen.kes;

import java.util.Objects;
import java.util.Optional;

/**
 * The Vault key store block of a KES configuration, every value already decided for the dialect.
 *
 * @param endpoint the Vault URL
 * @param engine the KV mount
 * @param version {@code v1} or {@code v2}, present only where the dialect has {@code vault.version}
 * @param namespace the Vault namespace, present only when not empty
 * @param prefix {@code <pathPrefix>/<instance>}
 * @param login how KES logs in: AppRole or Kubernetes
 * @param statusPing how often KES checks Vault's health
 * @param caPath the Vault CA file in the pod, present only when the topology names a CA
 */
public record VaultKeystore(
    String endpoint,
    String engine,
    Optional<String> version,
    Optional<String> namespace,
    String prefix,
    VaultLogin login,
    String statusPing,
    Optional<String> caPath) {
  public VaultKeystore {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(statusPing, "statusPing");
    Objects.requireNonNull(caPath, "caPath");
  }
}

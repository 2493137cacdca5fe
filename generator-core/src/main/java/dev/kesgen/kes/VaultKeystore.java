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
 * @param appRoleEngine the AppRole mount
 * @param appRoleId {@code ${KES_APPROLE_ID}}, expanded by KES from the environment
 * @param appRoleSecret {@code ${KES_APPROLE_SECRET}}, expanded by KES from the environment
 * @param appRoleRetry the re-login delay, present only where the dialect has {@code retry}
 * @param statusPing how often KES checks Vault's health
 * @param caPath the Vault CA file in the pod, present only when the topology names a CA
 */
public record VaultKeystore(
    String endpoint,
    String engine,
    Optional<String> version,
    Optional<String> namespace,
    String prefix,
    String appRoleEngine,
    String appRoleId,
    String appRoleSecret,
    Optional<String> appRoleRetry,
    String statusPing,
    Optional<String> caPath) {
  public VaultKeystore {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(appRoleEngine, "appRoleEngine");
    Objects.requireNonNull(appRoleId, "appRoleId");
    Objects.requireNonNull(appRoleSecret, "appRoleSecret");
    Objects.requireNonNull(appRoleRetry, "appRoleRetry");
    Objects.requireNonNull(statusPing, "statusPing");
    Objects.requireNonNull(caPath, "caPath");
  }
}

package dev.kesgen.view;

import dev.kesgen.topology.Vault;

/**
 * The {@code vault} object of the Vault templates and SUMMARY.md.
 *
 * @param endpoint the Vault URL
 * @param namespace the Vault namespace, "" for none
 * @param kvMount the KV mount
 * @param kvVersion 1 or 2
 * @param approleMount the AppRole auth mount
 */
public record VaultView(String endpoint, String namespace, String kvMount, int kvVersion, String approleMount) {
  /** The view of this Vault. */
  public static VaultView of(Vault vault) {
    return new VaultView(vault.endpoint().toString(), vault.namespace(), vault.kv().mount(), vault.kv().version(),
        vault.approle().mount());
  }
}

package dev.kesgen.kes;

import java.util.Objects;

/**
 * Who creates one key of one tenant.
 *
 * @param key the key name
 * @param tenant the tenant that uses it
 * @param creator who creates it
 */
public record KeyCreation(String key, String tenant, KeyCreator creator) {
  public KeyCreation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(creator, "creator");
  }
}

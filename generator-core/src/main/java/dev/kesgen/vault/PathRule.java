package dev.kesgen.vault;

import java.util.List;
import java.util.Objects;

/**
 * One {@code path "<pattern>" { capabilities = [...] }} rule of a Vault policy.
 *
 * @param pattern the path pattern; a trailing {@code *} is a prefix match
 * @param capabilities the capabilities in the order they are written
 */
public record PathRule(String pattern, List<String> capabilities) {
  public PathRule {
    Objects.requireNonNull(pattern, "pattern");
    capabilities = List.copyOf(capabilities);
    if (capabilities.isEmpty()) {
      throw new IllegalArgumentException("a rule grants at least one capability: " + pattern);
    }
  }
}

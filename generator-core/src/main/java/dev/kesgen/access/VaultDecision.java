package dev.kesgen.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Vault's ACL answers for one request path and capability, and which rule decided it.
 *
 * @param path the request path
 * @param capability the capability asked for
 * @param allowed whether the token has it there
 * @param rule the pattern of the rule that matched (the most specific one), empty when none did
 * @param capabilities the capabilities the matching rule gives, merged across the token's policies; {@code deny}
 *     alone when any policy denies that rule; empty when no rule matched
 * @param policies the policies that wrote the matching rule, in token order
 */
public record VaultDecision(String path, String capability, boolean allowed, Optional<String> rule,
    Set<String> capabilities, List<String> policies) {
  public VaultDecision {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(rule, "rule");
    capabilities = Set.copyOf(capabilities);
    policies = List.copyOf(policies);
  }

  /** One line for a finding or a reviewer. */
  public String reason() {
    if (rule.isEmpty()) {
      return "denied: no rule matches " + path;
    }
    String by = "rule \"" + rule.get() + "\" of " + String.join(", ", policies);
    if (capabilities.contains("deny")) {
      return "denied by " + by + " (deny)";
    }
    return (allowed ? capability + " allowed by " : "denied: " + capability + " not granted by ") + by + " "
        + new java.util.TreeSet<>(capabilities);
  }
}

package dev.kesgen.view;

import java.util.List;

/**
 * The context of {@code vault/policy.hcl.hbs}.
 *
 * @param header the "generated" line
 * @param vault the Vault
 * @param instance the instance
 * @param keyPath {@code <pathPrefix>/<instance>}
 * @param rules the policy's rules in order
 */
public record PolicyContext(String header, VaultView vault, InstanceView instance, String keyPath, List<Rule> rules) {
  /**
   * One rule.
   *
   * @param path the path pattern
   * @param capabilities its capabilities in order
   */
  public record Rule(String path, List<String> capabilities) {}
}

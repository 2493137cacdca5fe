package dev.kesgen.view;

import java.util.List;

/**
 * The context of {@code vault/plan-policy.hcl.hbs}.
 *
 * @param header the "generated" line
 * @param vault the Vault
 * @param name the policy name, {@code kesgen-vault-plan}
 * @param rules the policy's rules in order
 */
public record PlanPolicyContext(String header, VaultView vault, String name, List<Rule> rules) {
  /**
   * One rule.
   *
   * @param path the path pattern
   * @param capabilities read or list
   * @param why why the plan reads it
   */
  public record Rule(String path, List<String> capabilities, String why) {}
}

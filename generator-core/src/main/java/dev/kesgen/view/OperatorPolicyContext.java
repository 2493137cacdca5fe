package dev.kesgen.view;

import java.util.List;

/**
 * The context of {@code vault/operator-policy.hcl.hbs}.
 *
 * @param header the "generated" line
 * @param vault the Vault
 * @param name the policy's name in Vault ({@code kesgen-operator})
 * @param file the policy file as from the project directory ({@code generated/vault/policies/kesgen-operator.hcl})
 * @param rules the policy's rules in order, each with why the scripts need it
 */
public record OperatorPolicyContext(String header, VaultView vault, String name, String file, List<Rule> rules) {
  /**
   * One rule.
   *
   * @param path the path
   * @param capabilities its capabilities in order
   * @param why the call that needs it
   */
  public record Rule(String path, List<String> capabilities, String why) {}
}

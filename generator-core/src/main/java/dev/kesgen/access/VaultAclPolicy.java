package dev.kesgen.access;

import java.util.List;
import java.util.Objects;

/**
 * A named Vault ACL policy: its path stanzas in file order.
 *
 * @param name the policy name
 * @param rules the stanzas in file order
 */
public record VaultAclPolicy(String name, List<VaultAclRule> rules) {
  public VaultAclPolicy {
    Objects.requireNonNull(name, "name");
    rules = List.copyOf(rules);
  }

  /**
   * Reads the HCL subset kesgen writes: {@code #}, {@code //} and {@code /* *}{@code /} comments and
   * {@code path "<pattern>" { capabilities = ["...", ...] }} stanzas.
   *
   * @throws AccessModelException for anything else (other keys, templated paths, old-style {@code policy = ...}),
   *     naming the line
   */
  public static VaultAclPolicy parse(String name, String hcl) {
    return new VaultAclPolicy(name, new VaultHclReader(Objects.requireNonNull(hcl, "hcl")).read());
  }

  /**
   * The rules of Vault's built-in {@code default} policy that KES relies on: its token renews and looks itself up
   * (openbao/openbao internal/vault/policy/policy_store.go:55-63 {@code DefaultPolicy}; the generated AppRole role
   * attaches {@code default}). The real policy grants more (cubbyhole, wrapping, sys/tools, ...); none of it is under a
   * KV mount, so it never changes what an instance may do to keys.
   */
  public static VaultAclPolicy assumedDefault() {
    return new VaultAclPolicy("default", List.of(
        new VaultAclRule("auth/token/lookup-self", java.util.Set.of("read")),
        new VaultAclRule("auth/token/renew-self", java.util.Set.of("update"))));
  }
}

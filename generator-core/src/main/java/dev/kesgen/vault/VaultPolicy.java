package dev.kesgen.vault;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The least-privilege Vault policy {@code kes-<instance>} for one KES instance's keys.
 *
 * <p>What KES does (K@2025-03-12T09-35-18Z:internal/keystore/vault/vault.go, same calls since v0.15.0 for v2):
 * create = GET then PUT of a path that does not exist yet (:209-212,235,307: {@code cas: 0} on v2), get = GET
 * (:351-365), list = LIST of the prefix (:478-484), delete = DELETE (:432-450; v2 on {@code metadata/}).
 * Vault maps a PUT to a missing path to {@code create}, so {@code update} is never needed. A LIST of
 * {@code <mount>/<prefix>/<instance>} is checked as {@code <mount>/<prefix>/<instance>/} (hashicorp/vault
 * http/logical.go: a list operation gets a trailing {@code /}), which {@code <...>/<instance>/*} matches, so no rule on
 * the folder itself is needed. Sys health and AppRole login need no policy. Token renewal is KES's only other call:
 * {@code RenewSelf} (K@v0.13.4:internal/vault/client.go:226; K@2023-10-24T20-26-51Z:internal/keystore/vault/client.go:224;
 * K@2025-03-12T09-35-18Z:internal/keystore/vault/client.go:216), a PUT of {@code auth/token/renew-self}, so the policy
 * grants {@code update} there and the AppRole attaches no {@code default} policy, whose other rules (lookup-self,
 * cubbyhole, sys/capabilities-self, …) KES never uses.
 *
 * @param name {@code kes-<instance>}
 * @param namespace the Vault namespace the policy is written in, "" for none
 * @param rules the rules in the order they are written
 */
public record VaultPolicy(String name, String namespace, List<PathRule> rules) {
  public VaultPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    rules = List.copyOf(rules);
  }

  /** Where a token renews itself; the one rule of Vault's {@code default} policy KES needs. */
  public static final String RENEW_SELF = "auth/token/renew-self";

  /** The policy for this instance's keys under {@code <mount>/<pathPrefix>/<instance>/}. */
  public static VaultPolicy of(Vault vault, Instance instance) {
    String mount = vault.kv().mount();
    String location = vault.keyLocation(instance);
    List<PathRule> rules = new ArrayList<>();
    if (vault.kv().version() == 1) {
      List<String> caps = new ArrayList<>(List.of("create", "read", "list"));
      if (vault.allowKeyDeletion()) {
        caps.add("delete");
      }
      rules.add(new PathRule(mount + "/" + location + "/*", caps));
    } else {
      rules.add(new PathRule(mount + "/data/" + location + "/*", List.of("create", "read")));
      List<String> caps = new ArrayList<>(List.of("list"));
      if (vault.allowKeyDeletion()) {
        caps.add("delete"); // KES deletes v2 keys with DELETE metadata/... (all versions)
      }
      rules.add(new PathRule(mount + "/metadata/" + location + "/*", caps));
    }
    rules.add(new PathRule(RENEW_SELF, List.of("update")));
    return new VaultPolicy(instance.vaultName(), vault.namespace(), rules);
  }
}

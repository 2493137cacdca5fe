package dev.kesgen.vault;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Vault policy {@code kesgen-operator}: exactly what {@code vault/apply.sh} and the bootstrap scripts call, for the
 * token of the person or pipeline that runs them, and nothing else: no KES key (nothing under the KV mount), no other
 * policy, role or mount. Each capability was tried against OpenBao 2.7.2 (vault-it {@code OperatorPolicyTest} proves
 * the scripts run with it and that it grants no more): enabling an auth method needs {@code sudo} on
 * {@code sys/auth/<mount>}; creating an AppRole role needs {@code create} (writing an existing one {@code update}),
 * a policy and a mount {@code update} only; reading them back ({@code read}) is how apply.sh tells "unchanged".
 */
public final class OperatorPolicy {
  /** The policy's name in Vault. */
  public static final String NAME = "kesgen-operator";

  private OperatorPolicy() {}

  /**
   * One rule and why the scripts need it.
   *
   * @param rule the path and capabilities
   * @param why the call that needs it, for the file's comment
   */
  public record Rule(PathRule rule, String why) {
    public Rule {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(why, "why");
    }
  }

  /** The rules, in the order the scripts need them. */
  public static List<Rule> rules(Topology topology) {
    String approle = topology.vault().approle().mount();
    String kv = topology.vault().kv().mount();
    List<Rule> rules = new ArrayList<>();
    rules.add(rule("auth/token/lookup-self", "apply.sh: vault token lookup, checking the token first", "read"));
    rules.add(rule("sys/auth", "apply.sh: vault auth list", "read"));
    rules.add(rule("sys/mounts", "apply.sh: vault secrets list", "read"));
    if (topology.instances().stream().anyMatch(i -> i.vaultAuth() == dev.kesgen.topology.VaultAuth.APPROLE)) {
      rules.add(rule("sys/auth/" + approle, "apply.sh: vault auth enable, where the AppRole method is missing",
          "update", "sudo"));
    }
    rules.add(rule(kvOptionsPath(topology), "apply.sh: vault secrets enable where the KV mount is missing, and"
        + " vault read of its version", "read", "update"));
    // where KES instances, External Secrets Operator or both log in with it: one method, enabled and configured once
    if (topology.kubernetesAuth().isPresent()) {
      String mount = topology.kubernetesAuth().get().mount();
      rules.add(rule("sys/auth/" + mount, "apply.sh: vault auth enable, where the kubernetes method is missing",
          "update", "sudo"));
      rules.add(rule("auth/" + mount + "/config", "apply.sh: vault write and read of the kubernetes method's"
          + " configuration", "create", "read", "update"));
    }
    for (Instance instance : topology.instances()) {
      rules.add(rule("sys/policies/acl/" + instance.vaultName(), "apply.sh: vault policy write and read of "
          + instance.vaultName(), "read", "update"));
      if (instance.vaultAuth() == dev.kesgen.topology.VaultAuth.KUBERNETES) {
        rules.add(rule(KubernetesAuthRole.of(topology.vault(), instance).path(), "apply.sh: vault write and read of the"
            + " kubernetes auth role", "create", "read", "update"));
        continue; // no AppRole: no role id, no secret id, no bootstrap script
      }
      AppRoleRole role = AppRoleRole.of(topology.vault(), instance);
      rules.add(rule(role.path(), "apply.sh: vault write and read of the AppRole role", "create", "read", "update"));
      if (topology.secrets().deliversAppRoleLogin()) {
        continue; // the secret id is external-secrets/apply.sh's, with the writer policy of that sink
      }
      rules.add(rule(role.roleIdPath(), "bootstrap-" + instance.name() + ".sh: the role id", "read"));
      rules.add(rule(role.secretIdPath(), "bootstrap-" + instance.name() + ".sh: a new secret id; with --rotate, the"
          + " list of secret id accessors", "list", "update"));
      rules.add(rule(role.accessorDestroyPath(), "bootstrap-" + instance.name() + ".sh --rotate: destroys the older"
          + " secret ids", "update"));
    }
    return rules;
  }

  /** {@code sys/mounts/<kv mount>}: where apply.sh reads the KV version (and enables the mount). */
  public static String kvOptionsPath(Topology topology) {
    return "sys/mounts/" + topology.vault().kv().mount();
  }

  private static Rule rule(String path, String why, String... capabilities) {
    return new Rule(new PathRule(path, List.of(capabilities)), why);
  }
}

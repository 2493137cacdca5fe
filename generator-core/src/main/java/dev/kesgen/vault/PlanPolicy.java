package dev.kesgen.vault;

import dev.kesgen.topology.Vault;
import java.util.List;
import java.util.Objects;

/**
 * The read-only Vault policy {@code kesgen-vault-plan} that {@code kesgen vault plan} needs, and the paths that command
 * reads: the one owner of both, so the policy grants exactly what the command asks for.
 *
 * <p>Read and list only, nothing that writes, and no secret: a role is read one path segment deep
 * ({@code auth/<mount>/role/+}), so its {@code role-id} and {@code secret-id} below it stay out of reach (a prefix
 * {@code kes-*} there would reach them), and no rule touches the KV mount's data. Paths and answers checked against
 * a real OpenBao by the vault-it module's {@code VaultPlanTest}.
 */
public final class PlanPolicy {
  /** The policy's name; not {@code kes-*}, so it is never taken for an instance's policy. */
  public static final String NAME = "kesgen-vault-plan";
  /** Where the token looks itself up: the plan's first request, which tells a bad token from a missing grant. */
  public static final String LOOKUP_SELF = "auth/token/lookup-self";
  /** Where the ACL policies are listed. */
  public static final String POLICIES = "sys/policies/acl";
  /** Where the auth methods are listed with their types. */
  public static final String AUTH_MOUNTS = "sys/auth";
  /** The prefix of every policy name kesgen writes for an instance. */
  public static final String INSTANCE_PREFIX = "kes-";

  private PlanPolicy() {}

  /**
   * One rule with the reason it is there.
   *
   * @param path the path pattern
   * @param capabilities read or list
   * @param why one line for the comment above it
   */
  public record Rule(String path, List<String> capabilities, String why) {
    public Rule {
      Objects.requireNonNull(path, "path");
      capabilities = List.copyOf(capabilities);
      Objects.requireNonNull(why, "why");
    }
  }

  /** The rules of the policy for this Vault, in the order the plan reads. */
  public static List<Rule> rules(Vault vault) {
    String approle = vault.approle().mount();
    return List.of(
        new Rule(LOOKUP_SELF, List.of("read"), "the token looks itself up first: a bad token is told from a missing grant"),
        new Rule(POLICIES, List.of("list"), "policy names, to find kes-* policies the topology no longer has"),
        new Rule(policy(INSTANCE_PREFIX + "*"), List.of("read"), "the rules of every kes-* policy"),
        new Rule(AUTH_MOUNTS, List.of("read"), "the auth methods and their types (the AppRole mount " + approle + "/"
            + vault.kubernetes().map(k -> ", the kubernetes mount " + k.mount() + "/").orElse("") + ")"),
        new Rule(mount(vault), List.of("read"), "the KV mount " + vault.kv().mount() + "/: its type and version"),
        new Rule(roles(vault), List.of("list"), "role names, to find kes-* roles the topology no longer has"),
        new Rule(roles(vault) + "/+", List.of("read"),
            "each role's parameters; one segment only, so never a role id or secret id below it"));
  }

  /**
   * The rules for a topology: those of its Vault and, where it configures the kubernetes auth method
   * ({@code vault.kubernetes}), the list of that method's role names and a read of each role (one segment, as for
   * AppRole), so the plan compares the roles of the instances that log in with Kubernetes and finds {@code kes-*}
   * roles there that the topology no longer has.
   */
  public static List<Rule> rules(dev.kesgen.topology.Topology topology) {
    List<Rule> rules = new java.util.ArrayList<>(rules(topology.vault()));
    kubernetesRoles(topology.vault()).ifPresent(roles -> {
      rules.add(new Rule(roles, List.of("list"),
          "kubernetes auth role names, to find kes-* roles the topology no longer has"));
      rules.add(new Rule(roles + "/+", List.of("read"),
          "each kubernetes auth role's parameters, for the instances that log in with Kubernetes"));
    });
    if (topology.secrets() instanceof dev.kesgen.topology.Secrets.ExternalSecrets) {
      // the readers' roles are on the AppRole or kubernetes mount, whose role/+ rules are above
      rules.add(new Rule(policy(dev.kesgen.topology.Secrets.ExternalSecrets.READER + "*"), List.of("read"),
          "the rules of External Secrets Operator's reader policies (and of the writer's, which has the prefix)"));
    }
    return rules;
  }

  /** {@code sys/policies/acl/<name>}. */
  public static String policy(String name) {
    return POLICIES + "/" + name;
  }

  /** {@code sys/mounts/<kv mount>}: the KV mount's configuration. */
  public static String mount(Vault vault) {
    return "sys/mounts/" + vault.kv().mount();
  }

  /**
   * {@code auth/<kubernetes mount>/role}: where the kubernetes auth roles are listed; empty when the topology has no
   * {@code vault.kubernetes}.
   */
  public static java.util.Optional<String> kubernetesRoles(Vault vault) {
    return vault.kubernetes().map(k -> "auth/" + k.mount() + "/role");
  }

  /** {@code auth/<approle mount>/role}: where the AppRole roles are listed. */
  public static String roles(Vault vault) {
    return "auth/" + vault.approle().mount() + "/role";
  }
}

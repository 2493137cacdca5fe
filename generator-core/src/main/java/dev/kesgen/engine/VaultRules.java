package dev.kesgen.engine;

import dev.kesgen.access.AccessModelException;
import dev.kesgen.access.VaultAcl;
import dev.kesgen.access.VaultAclPolicy;
import dev.kesgen.access.VaultAclRule;
import dev.kesgen.access.VaultDecision;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.vault.PathRule;
import dev.kesgen.vault.VaultPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Vault rules of the access proof, decided by {@link VaultAcl} on an instance's policy file as it is: every path
 * KES uses has exactly the capabilities it needs ({@link VaultPolicy}), and no rule grants anything outside the
 * instance's keys.
 */
final class VaultRules {
  private final Collection<Finding> findings;

  VaultRules(Collection<Finding> findings) {
    this.findings = findings;
  }

  /** Checks the instance's Vault policy file. */
  void check(Topology topology, Instance instance, String file, String text) {
    String where = "instance " + instance.name() + ", Vault policy " + instance.vaultName();
    VaultAcl acl;
    try {
      // the AppRole attaches no default policy (token_no_default_policy), so this file is all the token has
      acl = VaultAcl.of(List.of(VaultAclPolicy.parse(instance.vaultName(), text)));
    } catch (AccessModelException e) {
      add(file, where + ": the Vault access model cannot read it: " + e.getMessage());
      return;
    }
    VaultPolicy needed = VaultPolicy.of(topology.vault(), instance);
    List<String> trees = new ArrayList<>();
    List<String> keys = instance.tenants().stream().flatMap(t -> t.keys().stream()).distinct().toList();
    Set<String> expectedPatterns = new HashSet<>();
    needed.rules().forEach(r -> expectedPatterns.add(r.pattern()));
    if (acl.rules().keySet().equals(expectedPatterns) && !keys.isEmpty()) {
      keys = List.of(keys.get(0)); // the same rule decides every key, so one key says it for all
    }
    for (PathRule rule : needed.rules()) {
      Set<String> caps = Set.copyOf(rule.capabilities());
      if (!rule.pattern().endsWith("/*")) {
        exactly(acl, file, where, rule.pattern(), caps, "KES renews its token there");
        continue;
      }
      String tree = rule.pattern().substring(0, rule.pattern().length() - 1);
      trees.add(tree);
      for (String key : keys) {
        if (!exactly(acl, file, where, tree + key, caps, "the capabilities KES needs for a key")) {
          break; // one key says it; the rest would repeat it
        }
      }
      if (caps.contains("list")) {
        VaultDecision list = acl.decide(tree, "list");
        if (!list.allowed()) {
          add(file, where + ": KES cannot list its keys at " + tree + " (" + list.reason() + ")");
        }
      }
    }
    for (Map.Entry<String, Set<String>> rule : acl.rules().entrySet()) {
      String pattern = rule.getKey();
      boolean grants = !rule.getValue().isEmpty() && !rule.getValue().contains("deny");
      if (!grants || pattern.equals(VaultPolicy.RENEW_SELF) || trees.stream().anyMatch(pattern::startsWith)) {
        continue;
      }
      add(file, where + ": rule \"" + pattern + "\" grants " + new TreeSet<>(rule.getValue())
          + " outside the instance's keys (" + String.join(", ", trees.stream().map(t -> t + "*").toList()) + ")"
          + sibling(topology, instance, acl).map(s -> ", reaching " + s).orElse(""));
    }
  }

  /** Whether the path has exactly these capabilities; a finding naming the deciding rule otherwise. */
  private boolean exactly(VaultAcl acl, String file, String where, String path, Set<String> expected, String why) {
    List<String> wrong = new ArrayList<>();
    for (String capability : new TreeSet<>(VaultAclRule.CAPABILITIES)) {
      if (capability.equals("deny")) {
        continue;
      }
      VaultDecision d = acl.decide(path, capability);
      if (d.allowed() != expected.contains(capability)) {
        wrong.add(d.reason());
      }
    }
    if (wrong.isEmpty()) {
      return true;
    }
    add(file, where + ": " + path + " must have exactly " + new TreeSet<>(expected) + " (" + why + "): "
        + String.join("; ", new LinkedHashSet<>(wrong)));
    return false;
  }

  /** Another instance's key this ACL reaches, for a message; searched only once a rule is already wrong. */
  private static Optional<String> sibling(Topology topology, Instance instance, VaultAcl acl) {
    for (Instance other : topology.instances()) {
      if (other.name().equals(instance.name())) {
        continue;
      }
      for (PathRule rule : VaultPolicy.of(topology.vault(), other).rules()) {
        if (!rule.pattern().endsWith("/*") || other.tenants().isEmpty()) {
          continue;
        }
        String path = rule.pattern().substring(0, rule.pattern().length() - 1)
            + other.tenants().get(0).keys().get(0);
        Set<String> caps = acl.capabilities(path);
        if (!caps.contains("deny")) {
          return Optional.of("instance " + other.name() + "'s key " + path + " " + new TreeSet<>(caps));
        }
      }
    }
    return Optional.empty();
  }

  private void add(String file, String message) {
    findings.add(new Finding(Finding.Kind.ACCESS, file, message));
  }
}

package dev.kesgen.live;

import dev.kesgen.access.AccessModelException;
import dev.kesgen.access.VaultAcl;
import dev.kesgen.access.VaultAclPolicy;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.vault.PathRule;
import dev.kesgen.vault.VaultPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a live instance policy lets the instance's token do that kesgen's policy does not, and what it no longer lets
 * KES do, decided by the Vault access model ({@link VaultAcl}) as Vault decides it: every rule that grants something
 * outside the instance's own key trees, every other instance whose keys it reaches, and every capability KES needs on
 * its own keys that it lost. The token holds this policy alone (the role attaches no default policy).
 */
final class PolicyReach {
  private PolicyReach() {}

  /** The notes for a live policy that differs; none when the access model cannot read it (the comparison says so). */
  static List<String> of(Topology topology, Instance instance, String live) {
    VaultAcl acl;
    try {
      acl = VaultAcl.of(List.of(VaultAclPolicy.parse(instance.vaultName(), live)));
    } catch (AccessModelException e) {
      return List.of(); // the comparison already says the model cannot read it
    }
    List<String> notes = new ArrayList<>();
    List<String> trees = trees(topology, instance);
    for (Map.Entry<String, Set<String>> rule : acl.rules().entrySet()) {
      String pattern = rule.getKey();
      boolean grants = !rule.getValue().isEmpty() && !rule.getValue().contains("deny");
      if (grants && !pattern.equals(VaultPolicy.RENEW_SELF) && trees.stream().noneMatch(pattern::startsWith)) {
        notes.add("beyond its own keys: rule \"" + pattern + "\" grants " + new TreeSet<>(rule.getValue())
            + " outside " + String.join(", ", trees.stream().map(t -> t + "*").toList()));
      }
    }
    for (Instance other : topology.instances()) {
      if (other.name().equals(instance.name())) {
        continue;
      }
      for (String tree : trees(topology, other)) {
        String key = tree + firstKey(other);
        Set<String> caps = acl.capabilities(key);
        if (!caps.contains("deny")) {
          notes.add("reaches instance " + other.name() + "'s keys: " + key + " " + new TreeSet<>(caps));
        }
      }
    }
    for (PathRule rule : VaultPolicy.of(topology.vault(), instance).rules()) {
      String path = rule.pattern().endsWith("/*")
          ? rule.pattern().substring(0, rule.pattern().length() - 1) + firstKey(instance) : rule.pattern();
      for (String capability : rule.capabilities()) {
        if (!acl.decide(path, capability).allowed()) {
          notes.add("KES loses " + capability + " on " + path + " (" + acl.decide(path, capability).reason() + ")");
        }
      }
    }
    return notes;
  }

  /** The instance's key trees, {@code <mount>/[data|metadata/]<prefix>/<instance>/}. */
  private static List<String> trees(Topology topology, Instance instance) {
    return VaultPolicy.of(topology.vault(), instance).rules().stream().map(PathRule::pattern)
        .filter(p -> p.endsWith("/*")).map(p -> p.substring(0, p.length() - 1)).toList();
  }

  private static String firstKey(Instance instance) {
    return instance.tenants().stream().flatMap(t -> t.keys().stream()).findFirst().orElse("key");
  }
}

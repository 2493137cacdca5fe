package dev.kesgen.engine;

import dev.kesgen.access.AccessModelException;
import dev.kesgen.access.VaultAcl;
import dev.kesgen.access.VaultAclPolicy;
import dev.kesgen.access.VaultDecision;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Topology;
import dev.kesgen.vault.PlanPolicy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of the access proof for the policy of {@code kesgen vault plan}, decided by {@link VaultAcl} on the file
 * as it is: read and list only (a CI token with it must change nothing), nothing beyond the paths the plan reads (a
 * read elsewhere could reach keys), and every read the plan makes allowed.
 */
final class PlanPolicyRules {
  private final Collection<Finding> findings;

  PlanPolicyRules(Collection<Finding> findings) {
    this.findings = findings;
  }

  /** Checks {@link OutputLayout#VAULT_PLAN_POLICY}. */
  void check(Topology topology, String text) {
    String file = OutputLayout.VAULT_PLAN_POLICY;
    String where = "Vault policy " + PlanPolicy.NAME;
    VaultAclPolicy policy;
    try {
      policy = VaultAclPolicy.parse(PlanPolicy.NAME, text);
    } catch (AccessModelException e) {
      add(file, where + ": the Vault access model cannot read it: " + e.getMessage());
      return;
    }
    Map<String, Set<String>> reads = new LinkedHashMap<>();
    PlanPolicy.rules(topology.vault()).forEach(r -> reads.put(r.path(), Set.copyOf(r.capabilities())));
    VaultAcl acl = VaultAcl.of(List.of(policy));
    for (Map.Entry<String, Set<String>> rule : acl.rules().entrySet()) {
      Set<String> extra = new TreeSet<>(rule.getValue());
      extra.remove("deny");
      extra.removeAll(reads.getOrDefault(rule.getKey(), Set.of()));
      Set<String> writes = new TreeSet<>(extra);
      writes.removeAll(Set.of("read", "list"));
      if (!writes.isEmpty()) {
        add(file, where + ": rule \"" + rule.getKey() + "\" grants " + writes + "; the plan's token may only read"
            + " and list");
      } else if (!extra.isEmpty()) {
        add(file, where + ": rule \"" + rule.getKey() + "\" grants " + extra + " where kesgen vault plan reads nothing"
            + " (it might reach keys or secrets); the policy grants exactly what the plan reads");
      }
    }
    for (PlanPolicy.Rule rule : PlanPolicy.rules(topology.vault())) {
      String path = rule.path().replace("+", "kes-x").replace("*", "x");
      for (String capability : rule.capabilities()) {
        VaultDecision d = acl.decide(path, capability);
        if (!d.allowed()) {
          add(file, where + ": kesgen vault plan cannot " + capability + " " + path + " (" + d.reason() + ")");
        }
      }
    }
  }

  private void add(String file, String message) {
    findings.add(new Finding(Finding.Kind.ACCESS, file, message));
  }
}

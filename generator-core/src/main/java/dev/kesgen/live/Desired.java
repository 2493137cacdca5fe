package dev.kesgen.live;

import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the repository says Vault holds: the topology (its mounts and instances) and, per instance, the policy text and
 * AppRole body generate writes ({@code vault/policies/kes-<i>.hcl}, {@code vault/approles/kes-<i>.json}), template
 * overrides included: the files apply.sh writes.
 *
 * @param topology the topology
 * @param policies the policy text by policy name, in topology order
 * @param roles the role body by role name, in topology order
 * @param readers External Secrets Operator's readers that {@code external-secrets/apply.sh} writes (none without the
 *     externalSecrets sink)
 */
public record Desired(Topology topology, Map<String, String> policies, Map<String, Map<String, Object>> roles,
    java.util.List<dev.kesgen.eso.VaultReaders.Expected> readers) {
  public Desired {
    Objects.requireNonNull(topology, "topology");
    policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    readers = java.util.List.copyOf(readers);
  }

  /** Without readers: a topology whose keys do not go through External Secrets. */
  public Desired(Topology topology, Map<String, String> policies, Map<String, Map<String, Object>> roles) {
    this(topology, policies, roles, java.util.List.of());
  }

  /** Read from the files a run plans (by output-relative path). */
  public static Desired of(Topology topology, Map<String, String> files) {
    Map<String, String> policies = new LinkedHashMap<>();
    Map<String, Map<String, Object>> roles = new LinkedHashMap<>();
    for (Instance instance : topology.instances()) {
      policies.put(instance.vaultName(), files.getOrDefault(OutputLayout.vaultPolicy(instance), ""));
      roles.put(instance.vaultName(), HttpVaultApi.json(files.getOrDefault(OutputLayout.vaultRole(instance), "")));
    }
    return new Desired(topology, policies, roles, dev.kesgen.eso.VaultReaders.of(topology, files));
  }
}

package dev.kesgen.engine;

import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.VaultAuth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An instance logs in to Vault one way: its output holds the files of AppRole (the role file, the bootstrap script,
 * {@code vault.approleSecretName} in the KES values) or those of Kubernetes (the kubernetes auth role file,
 * {@code vault.auth: kubernetes}), never both. Committed output with both (a hand-kept file after the topology
 * switched, or a merge of two branches) leaves a second way into the instance's keys in Vault or a pod that logs in
 * with what the topology no longer proves.
 */
final class LoginCheck {
  private LoginCheck() {}

  /** One finding for each instance whose files in {@code texts} mix both logins, in topology order. */
  static List<Finding> of(Topology topology, Function<String, Optional<String>> texts) {
    List<Finding> findings = new ArrayList<>();
    topology.instances().forEach(i -> findings.addAll(of(i, texts)));
    return findings;
  }

  /** A finding when the files {@code texts} holds for the instance mix both logins; an absent file is skipped. */
  static List<Finding> of(Instance instance, Function<String, Optional<String>> texts) {
    List<String> appRole = new ArrayList<>();
    List<String> kubernetes = new ArrayList<>();
    for (String file : List.of(OutputLayout.vaultAppRole(instance), OutputLayout.vaultBootstrap(instance))) {
      texts.apply(file).ifPresent(t -> appRole.add(file));
    }
    String role = OutputLayout.vaultKubernetesRole(instance);
    texts.apply(role).ifPresent(t -> kubernetes.add(role));
    String valuesFile = OutputLayout.kesValues(instance);
    texts.apply(valuesFile).ifPresent(text -> {
      Object values;
      try {
        values = GrantCheck.load(text);
      } catch (RuntimeException e) {
        return; // the KES access model reports values it cannot read
      }
      if (values instanceof Map<?, ?> map && map.get("vault") instanceof Map<?, ?> vault) {
        if ("kubernetes".equals(vault.get("auth"))) {
          kubernetes.add(valuesFile + " (vault.auth: kubernetes)");
        }
        if (vault.containsKey("approleSecretName")) {
          appRole.add(valuesFile + " (vault.approleSecretName)");
        }
      }
    });
    if (appRole.isEmpty() || kubernetes.isEmpty()) {
      return List.of();
    }
    boolean usesKubernetes = instance.vaultAuth() == VaultAuth.KUBERNETES;
    List<String> stray = usesKubernetes ? appRole : kubernetes;
    String file = stray.get(0).replaceAll(" \\(.*\\)$", "");
    return List.of(new Finding(Finding.Kind.ACCESS, file, "instance " + instance.name() + ": the output mixes two"
        + " ways of logging in to Vault, AppRole (" + String.join(", ", appRole) + ") and Kubernetes ("
        + String.join(", ", kubernetes) + "); the topology says vaultAuth " + instance.vaultAuth() + ", so run generate"
        + " and remove what is left of the other (" + String.join(", ", stray) + ")"
        + (usesKubernetes ? ", and in Vault the AppRole role " + instance.vaultName() + " with its secret ids" : "")));
  }
}

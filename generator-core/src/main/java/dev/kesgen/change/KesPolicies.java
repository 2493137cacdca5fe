package dev.kesgen.change;

import dev.kesgen.access.KesChartValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The KES policies of one {@code kes/<instance>/values.yaml}, by policy name, read only to describe a change: what a
 * policy allows ({@code paths} up to v0.17, {@code allow} after) and the key prefix in Vault. Whether the policies
 * are right is {@code dev.kesgen.access}'s to decide, before anything is written; this reads what is there.
 */
final class KesPolicies {
  static final String PROVISIONER = "kesgen_provisioner";

  private final Map<String, Set<String>> allowed;
  private final Optional<String> vaultPrefix;

  private KesPolicies(Map<String, Set<String>> allowed, Optional<String> vaultPrefix) {
    this.allowed = allowed;
    this.vaultPrefix = vaultPrefix;
  }

  /** The policies of these values; empty when they cannot be read (the plan then lists the file change only). */
  static KesPolicies of(String values) {
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    Optional<String> prefix = Optional.empty();
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setAllowDuplicateKeys(false);
      Object config = new Yaml(new SafeConstructor(options)).load(KesChartValues.serverConfig(values));
      if (config instanceof Map<?, ?> root) {
        if (root.get("policy") instanceof Map<?, ?> policies) {
          policies.forEach((name, body) -> allowed.put(String.valueOf(name), paths(body)));
        }
        prefix = vaultPrefix(root);
      }
    } catch (RuntimeException e) { // AccessModelException or a YAML error: nothing to describe
      return new KesPolicies(Map.of(), Optional.empty());
    }
    return new KesPolicies(allowed, prefix);
  }

  Set<String> allowed(String policy) {
    return allowed.getOrDefault(policy, Set.of());
  }

  boolean has(String policy) {
    return allowed.containsKey(policy);
  }

  Optional<String> vaultPrefix() {
    return vaultPrefix;
  }

  private static Set<String> paths(Object body) {
    Set<String> paths = new TreeSet<>();
    if (body instanceof Map<?, ?> policy) {
      for (String field : List.of("paths", "allow")) {
        if (policy.get(field) instanceof List<?> list) {
          list.forEach(p -> paths.add(String.valueOf(p)));
        }
      }
    }
    return paths;
  }

  /** {@code keystore.vault} (or {@code keys.vault} before v0.14): {@code engine}/{@code prefix}. */
  private static Optional<String> vaultPrefix(Map<?, ?> root) {
    for (String store : List.of("keystore", "keys")) {
      if (root.get(store) instanceof Map<?, ?> keystore && keystore.get("vault") instanceof Map<?, ?> vault) {
        Object engine = vault.get("engine");
        Object prefix = vault.get("prefix");
        if (prefix != null) {
          return Optional.of((engine == null ? "" : engine + "/") + prefix);
        }
      }
    }
    return Optional.empty();
  }
}

package dev.kesgen.view;

import dev.kesgen.topology.Instance;

/**
 * The {@code instance} object of every per-instance template.
 *
 * @param name the instance name
 * @param namespace its Kubernetes namespace
 * @param vaultName its Vault policy and AppRole, {@code kes-<name>}
 */
public record InstanceView(String name, String namespace, String vaultName) {
  /** The view of this instance. */
  public static InstanceView of(Instance instance) {
    return new InstanceView(instance.name(), instance.namespace(), instance.vaultName());
  }
}

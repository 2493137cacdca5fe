package dev.kesgen.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One KES server deployment (a Helm release in one Kubernetes namespace) and the tenants it serves.
 *
 * @param name the instance name; its Vault policy and AppRole are named {@code kes-<name>}
 * @param namespace the Kubernetes namespace of the KES release
 * @param kes the KES settings, defaults applied
 * @param tenants the MinIO deployments this instance serves, in file order
 * @param vaultAuth how it logs in to Vault ({@code vaultAuth}, default {@code vault.auth})
 */
public record Instance(String name, String namespace, KesSettings kes, List<Tenant> tenants, VaultAuth vaultAuth) {
  public Instance {
    Objects.requireNonNull(vaultAuth, "vaultAuth");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(kes, "kes");
    tenants = List.copyOf(tenants);
  }

  /** An instance that logs in with AppRole. */
  public Instance(String name, String namespace, KesSettings kes, List<Tenant> tenants) {
    this(name, namespace, kes, tenants, VaultAuth.APPROLE);
  }

  /** The Vault policy and AppRole name of this instance. */
  public String vaultName() {
    return "kes-" + name;
  }

  /** The in-cluster host name MinIO uses to reach this instance. */
  public String serviceHost() {
    return kes.service() + "." + namespace + ".svc";
  }

  /** The tenant with this name, if any. */
  public Optional<Tenant> tenant(String tenantName) {
    return tenants.stream().filter(t -> t.name().equals(tenantName)).findFirst();
  }
}

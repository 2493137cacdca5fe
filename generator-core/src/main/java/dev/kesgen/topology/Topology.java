package dev.kesgen.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded topology with every default resolved: the Vault, the KES instances and the tenants each serves.
 *
 * @param source the topology file it was loaded from
 * @param vault the Vault that keeps every instance's keys
 * @param instances the KES instances, in file order
 * @param secrets where private keys and Secrets are delivered ({@code secrets.sink})
 * @param acknowledgements the warnings acknowledged ({@code acknowledge}), in file order
 */
public record Topology(Path source, Vault vault, List<Instance> instances, Secrets secrets,
    List<Acknowledgement> acknowledgements) {
  public Topology {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(vault, "vault");
    instances = List.copyOf(instances);
    Objects.requireNonNull(secrets, "secrets");
    acknowledgements = List.copyOf(acknowledgements);
  }

  /** A topology whose secrets go to the secrets directory and that acknowledges no warning. */
  public Topology(Path source, Vault vault, List<Instance> instances) {
    this(source, vault, instances, Secrets.DIRECTORY, List.of());
  }

  /**
   * Vault's kubernetes auth method, when something logs in with it: a KES instance ({@code vaultAuth: kubernetes})
   * or External Secrets Operator ({@code secrets.externalSecrets.auth: kubernetes}). Both use the one method at
   * {@code vault.kubernetes.mount}, which {@code vault/apply.sh} enables and configures once; the loader refuses
   * either without {@code vault.kubernetes}.
   */
  public Optional<Vault.Kubernetes> kubernetesAuth() {
    boolean used = instances.stream().anyMatch(i -> i.vaultAuth() == VaultAuth.KUBERNETES)
        || secrets instanceof Secrets.ExternalSecrets eso && eso.usesKubernetesAuth();
    return used ? vault.kubernetes() : Optional.empty();
  }

  /** The instance with this name, if any. */
  public Optional<Instance> instance(String name) {
    return instances.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}

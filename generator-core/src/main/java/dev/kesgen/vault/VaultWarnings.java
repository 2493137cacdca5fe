package dev.kesgen.vault;

import dev.kesgen.topology.Topology;
import dev.kesgen.topology.Vault;
import dev.kesgen.topology.VaultAuth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a reviewer must be told about how KES reaches and logs in to Vault. The credential a warning names is the one
 * the topology's instances really carry: the AppRole secret id (the {@code kes-<instance>-approle} Secret) for the
 * instances that log in with AppRole, the ServiceAccount token for those that log in with Kubernetes.
 */
public final class VaultWarnings {
  private VaultWarnings() {}

  /** Set when the endpoint is plain http (accepted only with {@code vault.allowPlaintextHttp}); for the log and SUMMARY.md. */
  public static Optional<String> plaintext(Topology topology) {
    Vault vault = topology.vault();
    if (!vault.isPlaintext()) {
      return Optional.empty();
    }
    return Optional.of("Vault endpoint " + vault.endpoint() + " is plain http (vault.allowPlaintextHttp): KES sends its "
        + credentials(topology) + " and reads every key unencrypted; use https with vault.caCertificate");
  }

  /**
   * Set while what the instances log in with is bound to no network; for SUMMARY.md. AppRole instances: neither
   * tokens nor secret ids are bound. Kubernetes instances: their tokens are not bound (the kubernetes role takes
   * {@code token_bound_cidrs} from {@code vault.approle.tokenBoundCidrs}; a secret id bound does not help them).
   */
  public static Optional<String> unbound(Topology topology) {
    Vault vault = topology.vault();
    List<String> parts = new ArrayList<>();
    if (uses(topology, VaultAuth.APPROLE) && vault.approle().isUnbound()) {
      parts.add("The AppRoles are bound to no network (vault.approle.tokenBoundCidrs and secretIdBoundCidrs are"
          + " empty): a leaked kes-<instance>-approle Secret logs in from anywhere");
    }
    if (uses(topology, VaultAuth.KUBERNETES) && vault.approle().tokenBoundCidrs().isEmpty()) {
      parts.add((parts.isEmpty() ? "The" : "the") + " Vault tokens of the instances that log in with Kubernetes are bound"
          + " to no network (vault.approle.tokenBoundCidrs is empty): a token taken from a KES pod works from anywhere"
          + " until it expires");
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join("; ", parts) + "; bind them to the pod network");
  }

  private static boolean uses(Topology topology, VaultAuth auth) {
    return topology.instances().stream().anyMatch(i -> i.vaultAuth() == auth);
  }

  private static String credentials(Topology topology) {
    boolean appRole = uses(topology, VaultAuth.APPROLE);
    boolean kubernetes = uses(topology, VaultAuth.KUBERNETES);
    return appRole && kubernetes ? "AppRole secret id or ServiceAccount token"
        : kubernetes ? "ServiceAccount token" : "AppRole secret id";
  }
}

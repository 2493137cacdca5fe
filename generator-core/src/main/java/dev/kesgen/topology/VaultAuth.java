package dev.kesgen.topology;

import java.util.Arrays;
import java.util.Optional;

/** How a KES instance logs in to Vault: {@code vault.auth} for every instance, {@code instances[].vaultAuth} for one. */
public enum VaultAuth {
  /** An AppRole role id and secret id, delivered by {@code bootstrap-<instance>.sh} in a Secret. */
  APPROLE("approle"),
  /**
   * The pod's ServiceAccount token, checked by Vault's {@code kubernetes} auth method with a TokenReview: no secret
   * for anyone to create, deliver or rotate (see {@link KesKubernetesLogin} for the KES releases that can).
   */
  KUBERNETES("kubernetes");

  private final String spelling;

  VaultAuth(String spelling) {
    this.spelling = spelling;
  }

  /** The method with this topology spelling. */
  public static Optional<VaultAuth> of(String spelling) {
    return Arrays.stream(values()).filter(a -> a.spelling.equals(spelling)).findFirst();
  }

  @Override
  public String toString() {
    return spelling;
  }
}

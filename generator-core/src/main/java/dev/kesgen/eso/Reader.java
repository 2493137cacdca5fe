package dev.kesgen.eso;

import dev.kesgen.topology.Secrets;
import dev.kesgen.topology.Vault;
import java.util.Objects;
import java.util.Optional;

/**
 * One Vault identity External Secrets Operator reads with: its policy and auth role share the name
 * {@code kesgen-external-secrets} (a {@code ClusterSecretStore}: every Secret of the topology) or
 * {@code kesgen-external-secrets-<namespace>} (a {@code SecretStore} in that namespace, which reads that namespace's
 * Secrets only, so one namespace's store cannot reach another's keys).
 *
 * @param name the policy's and the role's name
 * @param namespace the one namespace it serves; empty for the cluster store
 */
record Reader(String name, Optional<String> namespace) {
  static final String NAME = Secrets.ExternalSecrets.READER;
  /**
   * Where External Secrets Operator runs when a {@code ClusterSecretStore} names its AppRole credentials: the
   * namespace of its Helm chart's installation instructions ({@code helm install external-secrets ... -n
   * external-secrets}).
   */
  static final String OPERATOR_NAMESPACE = Secrets.ExternalSecrets.ServiceAccount.OPERATOR.namespace();
  /** The Secret that holds an AppRole reader's role id and secret id. */
  static final String CREDENTIALS = "kesgen-external-secrets";

  Reader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
  }

  static Reader cluster() {
    return new Reader(NAME, Optional.empty());
  }

  static Reader of(String namespace) {
    return new Reader(NAME + "-" + namespace, Optional.of(namespace));
  }

  /** The KV path below the mount it may read: {@code <path>/*} or {@code <path>/<namespace>/*}. */
  String readable(Secrets.ExternalSecrets eso) {
    return eso.path() + "/" + namespace.map(n -> n + "/").orElse("") + "*";
  }

  /** The path of its policy file in the output. */
  String policyFile() {
    return "external-secrets/policies/" + name + ".hcl";
  }

  /** The path of its store's manifest in the output. */
  String storeFile() {
    return namespace.map(n -> "external-secrets/" + n + "/secret-store.yaml").orElse("external-secrets/cluster-secret-store.yaml");
  }

  /** The path of the service account a Kubernetes reader of one namespace logs in as. */
  Optional<String> serviceAccountFile(Secrets.ExternalSecrets eso) {
    return eso.auth().equals("kubernetes") ? namespace.map(n -> "external-secrets/" + n + "/service-account.yaml")
        : Optional.empty();
  }

  /** Where its credentials live: the store's namespace, or the operator's for the cluster store. */
  String credentialsNamespace() {
    return namespace.orElse(OPERATOR_NAMESPACE);
  }

  /**
   * The ServiceAccount a Kubernetes reader logs in as: {@code secrets.externalSecrets.serviceAccount} for the cluster
   * store, the committed {@link Secrets.ExternalSecrets#NAMESPACE_SERVICE_ACCOUNT} of its namespace for a
   * namespace's store.
   */
  Secrets.ExternalSecrets.ServiceAccount loginAccount(Secrets.ExternalSecrets eso) {
    return namespace.map(n -> new Secrets.ExternalSecrets.ServiceAccount(Secrets.ExternalSecrets.NAMESPACE_SERVICE_ACCOUNT, n))
        .orElse(eso.serviceAccount());
  }

  /**
   * The auth mount it logs in at: {@code vault.approle.mount}, or {@code vault.kubernetes.mount}, the method the KES
   * instances that log in with Kubernetes use too (the loader refuses {@code auth: kubernetes} without it).
   */
  static String authMount(Secrets.ExternalSecrets eso, Vault vault) {
    return eso.usesKubernetesAuth()
        ? vault.kubernetes().orElseThrow(() -> new IllegalStateException("auth: kubernetes without vault.kubernetes")).mount()
        : vault.approle().mount();
  }

  /** The Vault API path of its auth role. */
  String rolePath(Secrets.ExternalSecrets eso, Vault vault) {
    return "auth/" + authMount(eso, vault) + "/role/" + name;
  }
}

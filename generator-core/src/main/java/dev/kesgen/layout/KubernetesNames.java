package dev.kesgen.layout;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;

/** Every Kubernetes object name kesgen decides: Secrets, Helm releases, and where each Secret is applied. */
public final class KubernetesNames {
  private KubernetesNames() {}

  /** The Helm release of an instance's KES chart: {@code kes-<instance>}, as {@code helm upgrade --install} names it. */
  public static String kesRelease(Instance instance) {
    return "kes-" + instance.name();
  }

  /** The ServiceAccount the instance's KES pods run as (and log in to Vault as, with vaultAuth kubernetes). */
  public static String serviceAccount(Instance instance) {
    return dev.kesgen.topology.KubernetesAccounts.name(instance);
  }

  /**
   * The kubernetes.io/service-account-token Secret the chart creates for a KES release that reads its token once
   * (before 2024-11-25): the token controller fills it with a token that does not expire.
   */
  public static String serviceAccountTokenSecret(Instance instance) {
    return serviceAccount(instance) + "-token";
  }

  /** The Secret the bootstrap script creates and the KES chart reads the AppRole credentials from. */
  public static String appRoleSecret(Instance instance) {
    return "kes-" + instance.name() + "-approle";
  }

  /** The kubernetes.io/tls Secret of a certificate: {@code <service>-tls}, {@code <service>-provisioner} or {@code kes-<instance>-<tenant>-client}. */
  public static String secret(Instance instance, CertificateId id) {
    return switch (id.kind()) {
      case SERVER -> instance.kes().service() + "-tls";
      case PROVISIONER -> instance.kes().service() + "-provisioner";
      case CLIENT -> "kes-" + id.instance() + "-" + ((CertificateId.Client) id).tenant() + "-client";
    };
  }

  /** The namespace a certificate's Secret is applied to: where its owner runs. */
  public static String secretNamespace(Instance instance, CertificateId id) {
    return switch (id.kind()) {
      case SERVER, PROVISIONER -> instance.namespace();
      case CLIENT -> {
        String tenant = ((CertificateId.Client) id).tenant();
        yield instance.tenant(tenant).orElseThrow(
            () -> new IllegalArgumentException("instance " + instance.name() + " has no tenant " + tenant)).namespace();
      }
    };
  }

  /** The instance a certificate belongs to. */
  public static Instance instanceOf(Topology topology, CertificateId id) {
    return topology.instance(id.instance()).orElseThrow(
        () -> new IllegalArgumentException("the topology has no instance " + id.instance()));
  }
}

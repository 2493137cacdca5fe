package dev.kesgen.topology;

/** The ServiceAccount a KES instance's pods run as; the one owner of its default. */
public final class KubernetesAccounts {
  private KubernetesAccounts() {}

  /** {@code kes.serviceAccount}, or the chart's own name for it: {@code kes-<instance>}, the Helm release's name. */
  public static String name(Instance instance) {
    return instance.kes().serviceAccount().orElse("kes-" + instance.name());
  }
}

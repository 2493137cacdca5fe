package dev.kesgen.layout;

import dev.kesgen.topology.ChartLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;

/**
 * The Helm and kubectl commands that deploy kesgen's values, as a person pastes them in the project directory: the
 * chart and its repository per layout, the release, the namespace and the {@code -f} path. The values files' headers
 * and the next steps a run prints both ask this class.
 */
public final class HelmCommands {
  /** Where the KES chart of this kesgen version is written by {@code kesgen chart} (its default). */
  public static final String KES_CHART = "charts/kes";

  private HelmCommands() {}

  /**
   * The chart a tenant's layout installs, with its repository, as {@code <chart> --repo <url>}, so that no
   * {@code helm repo add} is needed first.
   */
  public static String chart(ChartLayout layout) {
    return switch (layout) {
      // minio/minio helm/minio/README.md: helm repo add minio https://charts.min.io/
      case MINIO -> "minio --repo https://charts.min.io/";
      // minio/charts README.md (the legacy chart, 8.0.10 its last release): helm repo add minio https://helm.min.io/
      case MINIO_LEGACY -> "minio --repo https://helm.min.io/";
      // molgenis/molgenis-ops-helm charts/molgenis-armadillo/Chart.yaml, published at https://helm.molgenis.org
      case ARMADILLO -> "molgenis-armadillo --repo https://helm.molgenis.org/";
    };
  }

  /** The Helm release of a tenant's MinIO: the tenant's name, in its own namespace. */
  public static String tenantRelease(Tenant tenant) {
    return tenant.name();
  }

  /** {@code helm upgrade --install kes-<instance> charts/kes --namespace <ns> -f <output>/kes/<instance>/values.yaml}.
   */
  public static String kes(Instance instance, String outputName) {
    return "helm upgrade --install " + KubernetesNames.kesRelease(instance) + " " + KES_CHART + " --namespace "
        + instance.namespace() + " -f " + path(outputName, OutputLayout.kesValues(instance));
  }

  /**
   * {@code helm upgrade --install <tenant> <chart> --repo <url> [--no-hooks] --namespace <ns> -f <values>}; the
   * Armadillo chart with {@code --no-hooks}, or its pre-install hook replaces the client Secret with its own.
   */
  public static String tenant(Instance instance, Tenant tenant, String outputName) {
    String hooks = tenant.chart() == ChartLayout.ARMADILLO ? " --no-hooks" : "";
    return "helm upgrade --install " + tenantRelease(tenant) + " " + chart(tenant.chart()) + hooks + " --namespace "
        + tenant.namespace() + " -f " + path(outputName, OutputLayout.tenantValues(instance, tenant));
  }

  /**
   * Restarts a tenant's MinIO so it reads its Secret again (MinIO reads its certificates and the KES CA at start-up
   * only): every chart layout labels the MinIO Deployment or StatefulSet {@code app: minio, release: <release>}
   * (minio/minio@00aa984 helm/minio/templates/deployment.yaml, minio/minio@09b0e71 statefulset.yaml; the legacy
   * chart of minio/charts, which the Armadillo chart carries as its subchart {@code minio}, is the same chart's
   * earlier home).
   */
  public static String restartTenant(Tenant tenant) {
    return "kubectl rollout restart deployment,statefulset --namespace " + tenant.namespace()
        + " -l app=minio,release=" + tenantRelease(tenant);
  }

  /**
   * A directory as commands pasted in the project directory name it: relative to it with {@code /} separators
   * ({@code generated}), or by its own name when it lies outside the project directory, so that committed output
   * never holds an absolute path or one that depends on where the run happened; {@code <directory>} when the name
   * holds anything but letters, digits, {@code . _ - /} (it goes into comments and shell commands).
   */
  public static String directoryName(java.nio.file.Path projectDirectory, java.nio.file.Path directory) {
    java.nio.file.Path project = projectDirectory.toAbsolutePath().normalize();
    java.nio.file.Path target = directory.toAbsolutePath().normalize();
    String name;
    if (target.equals(project)) {
      name = ".";
    } else if (target.startsWith(project)) {
      StringBuilder relative = new StringBuilder();
      for (java.nio.file.Path part : project.relativize(target)) {
        relative.append(relative.length() == 0 ? "" : "/").append(part);
      }
      name = relative.toString();
    } else {
      name = String.valueOf(target.getFileName());
    }
    return SAFE_NAME.matcher(name).matches() ? name : "<directory>";
  }

  private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._/-]+");

  /** A path under a directory named as from the project directory ({@code generated/kes/dev/values.yaml}). */
  public static String path(String directoryName, String relative) {
    return ".".equals(directoryName) ? relative : directoryName + "/" + relative;
  }
}

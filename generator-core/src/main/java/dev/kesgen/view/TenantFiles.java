package dev.kesgen.view;

import dev.kesgen.kes.MinioKesApi;
import dev.kesgen.topology.ChartLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import java.util.List;
import java.util.Map;

/** Plans the files of one tenant: values for its MinIO chart layout and its client certificate. */
public final class TenantFiles {
  private TenantFiles() {}

  /** The kubernetes.io/tls Secret with the tenant's client pair and the KES server certificate as ca.crt. */
  public static String clientSecretName(Instance instance, Tenant tenant) {
    return "kes-" + instance.name() + "-" + tenant.name() + "-client";
  }

  /** The URL MinIO reaches KES at; its host is one of the server certificate's SANs. */
  public static String endpoint(Instance instance) {
    return "https://" + instance.serviceHost() + ":" + instance.kes().port();
  }

  static String template(ChartLayout layout) {
    return switch (layout) {
      case ARMADILLO -> "minio/armadillo.yaml.hbs";
      case MINIO_LEGACY -> "minio/minio-legacy.yaml.hbs";
      case MINIO -> "minio/minio.yaml.hbs";
    };
  }

  /** The values file and the client certificate of one tenant. */
  public static List<PlannedFile> plan(
      Instance instance, Tenant tenant, IssuedCertificate client, IssuedCertificate server, String header) {
    String dir = "tenants/" + instance.name() + "/" + tenant.name() + "/";
    Map<String, Object> context = Ctx.of()
        .put("header", header)
        .put("instance", VaultFiles.instance(instance))
        .put("tenant", Ctx.of().put("name", tenant.name()).put("namespace", tenant.namespace()).map())
        .put("secretName", clientSecretName(instance, tenant))
        .put("endpoint", endpoint(instance))
        .put("keyName", tenant.defaultKey())
        .put("caPathVariable", MinioKesApi.caPathVariable(tenant.minioVersion()))
        .put("autoEncryption", tenant.autoEncryption())
        .put("kesCertificate", server.pem())
        .put("image", tenant.image().map(repository -> Ctx.of().put("repository", repository)
            .put("tag", tenant.minioVersion().tag()).map()).orElse(null))
        .map();
    return List.of(
        PlannedFile.rendered(dir + "values.yaml", template(tenant.chart()), context),
        PlannedFile.verbatim(dir + "client.crt", client.pem()));
  }
}

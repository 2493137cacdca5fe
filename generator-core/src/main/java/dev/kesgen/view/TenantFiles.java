package dev.kesgen.view;

import dev.kesgen.kes.MinioKesApi;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.ChartLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import java.util.List;

/** Plans the files of one tenant: values for its MinIO chart layout and its client certificate. */
public final class TenantFiles {
  private TenantFiles() {}

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
      Instance instance, Tenant tenant, IssuedCertificate client, IssuedCertificate server, String header,
      String outputName) {
    CertificateId id = CertificateId.client(instance, tenant);
    TenantValuesContext context = new TenantValuesContext(
        header,
        InstanceView.of(instance),
        new TenantValuesContext.Tenant(tenant.name(), tenant.namespace()),
        KubernetesNames.secret(instance, id),
        endpoint(instance),
        tenant.defaultKey(),
        MinioKesApi.caPathVariable(tenant.minioVersion()),
        tenant.autoEncryption(),
        server.pem(),
        tenant.image().map(repository -> new TenantValuesContext.Image(repository, tenant.minioVersion().tag())),
        dev.kesgen.layout.HelmCommands.tenant(instance, tenant, outputName),
        tenant.usesApiKey());
    return List.of(
        new PlannedFile.Rendered(OutputLayout.tenantValues(instance, tenant), template(tenant.chart()), context),
        new PlannedFile.Verbatim(id.certificatePath(), client.pem()));
  }
}

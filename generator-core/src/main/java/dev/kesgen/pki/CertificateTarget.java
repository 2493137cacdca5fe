package dev.kesgen.pki;

import dev.kesgen.layout.CertificateId;
import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.topology.CertificateSpec;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import dev.kesgen.topology.Tenant;
import java.util.List;
import java.util.Objects;

/**
 * One certificate kesgen maintains: which it is (its names and paths come from {@link CertificateId}), what it
 * must look like, and the Kubernetes Secret its key pair is delivered in.
 *
 * @param id which certificate; names its committed path, key path and Secret manifest path
 * @param profile what the certificate must look like
 * @param secretName the Secret's {@code metadata.name}
 * @param secretNamespace the Secret's {@code metadata.namespace}: where the certificate's owner runs
 * @param apiKey whether the key pair is a tenant's KES API key ({@link KesApiKey}): its Secret also holds
 *     {@code config.env} with {@code MINIO_KMS_KES_API_KEY}, and the certificate is only kesgen's public record of
 *     the key, which MinIO never reads (it makes its own from the key at start-up)
 */
public record CertificateTarget(CertificateId id, CertificateProfile profile, String secretName, String secretNamespace,
    boolean apiKey) {
  public CertificateTarget {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(secretName, "secretName");
    Objects.requireNonNull(secretNamespace, "secretNamespace");
    if (apiKey && profile.keyType() != KeyType.ED25519) {
      throw new IllegalArgumentException("a KES API key is an Ed25519 key: " + profile.keyType());
    }
  }

  /** A certificate that is not an API key's record. */
  public CertificateTarget(CertificateId id, CertificateProfile profile, String secretName, String secretNamespace) {
    this(id, profile, secretName, secretNamespace, false);
  }

  /** A KES instance's server certificate, Secret {@code <service>-tls} in the instance namespace. */
  public static CertificateTarget server(Instance instance) {
    return of(instance, CertificateId.server(instance), CertificateProfile.server(instance));
  }

  /**
   * A tenant's client certificate, Secret {@code kes-<instance>-<tenant>-client} in the tenant namespace; for a
   * tenant with {@code minioAuth: apiKey} the record of its API key ({@link CertificateProfile#apiKey}), in the same
   * Secret.
   */
  public static CertificateTarget client(Instance instance, Tenant tenant) {
    CertificateId id = CertificateId.client(instance, tenant);
    // the tenant's namespace, as KubernetesNames.secretNamespace finds it, without searching the instance's tenants
    return tenant.usesApiKey()
        ? new CertificateTarget(id, CertificateProfile.apiKey(tenant), KubernetesNames.secret(instance, id),
            tenant.namespace(), true)
        : new CertificateTarget(id, CertificateProfile.client(instance, tenant), KubernetesNames.secret(instance, id),
            tenant.namespace());
  }

  /**
   * A KES instance's provisioner: a client certificate allowed only to create the keys nobody else creates, used
   * by the chart's key provisioning Job; Secret {@code <service>-provisioner} in the instance namespace. Ed25519 (as
   * {@code kes identity new} makes), with the server certificate's validity and renewal.
   */
  public static CertificateTarget provisioner(Instance instance) {
    CertificateSpec server = instance.kes().certificate();
    CertificateSpec spec = new CertificateSpec(KeyType.ED25519, server.validity(), server.renewBefore(), List.of(), List.of());
    return of(instance, CertificateId.provisioner(instance),
        CertificateProfile.client("provisioner." + instance.namespace(), spec));
  }

  private static CertificateTarget of(Instance instance, CertificateId id, CertificateProfile profile) {
    return new CertificateTarget(id, profile, KubernetesNames.secret(instance, id),
        KubernetesNames.secretNamespace(instance, id));
  }

  /** The report name, for example {@code kes/dev}. */
  public String name() {
    return id.name();
  }

  /** The output-relative path of the public certificate. */
  public String certificatePath() {
    return id.certificatePath();
  }

  /** The secrets-relative path of the private key. */
  public String keyPath() {
    return id.keyPath();
  }

  /** The secrets-relative path of the Secret manifest. */
  public String secretPath() {
    return id.secretManifestPath();
  }
}

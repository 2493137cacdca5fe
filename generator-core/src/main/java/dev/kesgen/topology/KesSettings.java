package dev.kesgen.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * How one KES instance is run.
 *
 * @param version the KES release (image tag); decides the configuration dialect
 * @param image the container image repository, without tag, when the topology names one; otherwise the release's
 *     own registry is used (see {@code dev.kesgen.kes.KesImage})
 * @param imageDigest the image digest ({@code sha256:<64 hex>}) the pods must run, pinning the tag's content; empty
 *     for the tag alone
 * @param service the Kubernetes Service name
 * @param port the TLS port the Service and the server listen on
 * @param replicas the number of KES pods
 * @param adminIdentity the admin identity, or {@code disabled} (the default)
 * @param certificate the profile of the server certificate
 * @param provisioning whether kesgen creates the keys that neither KES nor MinIO creates, with a provisioner
 *     identity and a Helm hook Job (default true; false leaves them to a person running {@code kes key create})
 * @param serviceAccount the ServiceAccount the KES pods run as ({@code kes.serviceAccount}), when the topology names
 *     one; otherwise the chart's, {@code kes-<instance>} (see {@code dev.kesgen.layout.KubernetesNames})
 */
public record KesSettings(
    KesVersion version,
    Optional<String> image,
    Optional<String> imageDigest,
    String service,
    int port,
    int replicas,
    String adminIdentity,
    CertificateSpec certificate,
    boolean provisioning,
    Optional<String> serviceAccount) {
  /** The admin identity value that turns the admin API off. */
  public static final String DISABLED = "disabled";

  public KesSettings {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(imageDigest, "imageDigest");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(adminIdentity, "adminIdentity");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
  }

  /** Settings with the chart's ServiceAccount. */
  public KesSettings(KesVersion version, Optional<String> image, Optional<String> imageDigest, String service,
      int port, int replicas, String adminIdentity, CertificateSpec certificate, boolean provisioning) {
    this(version, image, imageDigest, service, port, replicas, adminIdentity, certificate, provisioning,
        Optional.empty());
  }
}

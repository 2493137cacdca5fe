package dev.kesgen.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One MinIO deployment served by a KES instance.
 *
 * @param name the tenant name, unique within its instance
 * @param namespace the Kubernetes namespace MinIO runs in
 * @param keys the KES key names the tenant may use; the first is MinIO's default key
 * @param chart the MinIO chart layout its values are written for
 * @param minioVersion the MinIO release the tenant runs; decides which KES APIs it calls
 * @param autoEncryption whether MinIO encrypts every object ({@code MINIO_KMS_AUTO_ENCRYPTION})
 * @param certificate the profile of the tenant's client certificate
 * @param image the MinIO image repository written into the values with tag {@code minioVersion}; empty when the
 *     topology leaves the image to the chart ({@code manageImage: false})
 * @param minioAuth how MinIO authenticates to KES: a client certificate (the default) or a KES API key
 */
public record Tenant(
    String name,
    String namespace,
    List<String> keys,
    ChartLayout chart,
    MinioVersion minioVersion,
    boolean autoEncryption,
    CertificateSpec certificate,
    Optional<String> image,
    MinioAuth minioAuth) {
  public Tenant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a tenant has at least one key");
    }
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(minioVersion, "minioVersion");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(minioAuth, "minioAuth");
  }

  /** A tenant that authenticates with a client certificate. */
  public Tenant(String name, String namespace, List<String> keys, ChartLayout chart, MinioVersion minioVersion,
      boolean autoEncryption, CertificateSpec certificate, Optional<String> image) {
    this(name, namespace, keys, chart, minioVersion, autoEncryption, certificate, image, MinioAuth.CERTIFICATE);
  }

  /** Whether MinIO authenticates with a KES API key instead of a client certificate. */
  public boolean usesApiKey() {
    return minioAuth == MinioAuth.API_KEY;
  }

  /** The MinIO image repository written by default: it serves every MinIO release tag (Docker Hub no longer does). */
  public static final String DEFAULT_IMAGE = "quay.io/minio/minio";

  /** MinIO's default key ({@code MINIO_KMS_KES_KEY_NAME}). */
  public String defaultKey() {
    return keys.get(0);
  }
}

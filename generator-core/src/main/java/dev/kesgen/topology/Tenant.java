package dev.kesgen.topology;

import java.util.List;
import java.util.Objects;

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
 */
public record Tenant(
    String name,
    String namespace,
    List<String> keys,
    ChartLayout chart,
    MinioVersion minioVersion,
    boolean autoEncryption,
    CertificateSpec certificate) {
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
  }

  /** MinIO's default key ({@code MINIO_KMS_KES_KEY_NAME}). */
  public String defaultKey() {
    return keys.get(0);
  }
}

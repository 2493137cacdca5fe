package dev.kesgen.view;

/**
 * The context of {@code minio/armadillo.yaml.hbs}, {@code minio/minio-legacy.yaml.hbs} and {@code minio/minio.yaml.hbs}.
 *
 * @param header the "generated" line
 * @param instance the instance serving the tenant
 * @param tenant the tenant's name and namespace
 * @param secretName the client Secret
 * @param endpoint the URL MinIO reaches KES at
 * @param keyName the tenant's default key
 * @param caPathVariable the CA variable as the tenant's MinIO spells it
 * @param autoEncryption whether objects are encrypted by default
 * @param kesCertificate the KES server certificate (PEM)
 * @param image the MinIO image, or empty ({@code null} in the template) when the chart's is used
 * @param install the {@code helm upgrade --install} command with the chart's repository, pasteable in the project
 *     directory
 * @param apiKey whether MinIO authenticates with the KES API key in the Secret's {@code config.env} (read through
 *     {@code MINIO_CONFIG_ENV_FILE}) instead of its client certificate and key
 */
public record TenantValuesContext(String header, InstanceView instance, Tenant tenant, String secretName,
    String endpoint, String keyName, String caPathVariable, boolean autoEncryption, String kesCertificate,
    java.util.Optional<Image> image, String install, boolean apiKey) {
  /**
   * The tenant.
   *
   * @param name its name
   * @param namespace its namespace
   */
  public record Tenant(String name, String namespace) {}

  /**
   * The MinIO image.
   *
   * @param repository without tag
   * @param tag the tenant's MinIO release
   */
  public record Image(String repository, String tag) {}
}

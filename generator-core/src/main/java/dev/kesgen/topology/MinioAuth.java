package dev.kesgen.topology;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a tenant's MinIO proves itself to KES: with a client certificate and key, or with a KES API key
 * ({@code MINIO_KMS_KES_API_KEY}), from which MinIO makes its own self-signed client certificate at start-up.
 */
public enum MinioAuth {
  /** A client certificate and key kesgen issues ({@code MINIO_KMS_KES_CERT_FILE}, {@code MINIO_KMS_KES_KEY_FILE}). */
  CERTIFICATE("certificate"),
  /**
   * A KES API key ({@code MINIO_KMS_KES_API_KEY}), read by MinIO from RELEASE.2023-02-17T17-52-43Z on
   * (minio/minio@RELEASE.2023-02-17T17-52-43Z:internal/config/constants.go:75; absent at
   * RELEASE.2023-02-10T18-48-39Z).
   */
  API_KEY("apiKey");

  /** The first MinIO release that reads {@code MINIO_KMS_KES_API_KEY}. */
  public static final String FIRST_API_KEY_RELEASE = "RELEASE.2023-02-17T17-52-43Z";

  private final String spelling;

  MinioAuth(String spelling) {
    this.spelling = spelling;
  }

  /** The topology spelling. */
  public String spelling() {
    return spelling;
  }

  /** The value with this topology spelling. */
  public static Optional<MinioAuth> of(String spelling) {
    return Arrays.stream(values()).filter(a -> a.spelling.equals(spelling)).findFirst();
  }

  /** Whether a MinIO of this release can authenticate this way. */
  public boolean supportedBy(MinioVersion minio) {
    return this == CERTIFICATE || minio.isAtLeast(FIRST_API_KEY_RELEASE);
  }

  @Override
  public String toString() {
    return spelling;
  }
}

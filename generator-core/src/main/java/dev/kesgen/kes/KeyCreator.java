package dev.kesgen.kes;

/** Who creates a tenant's key in the key store, decided from the KES and MinIO releases. */
public enum KeyCreator {
  /** KES, from the {@code keys:} list at start-up ({@link KesDialect#createsListedKeys()}). */
  KES_STARTUP,
  /** MinIO, for its default key at start-up ({@link MinioKesApi#createsDefaultKeyAtStartup}). */
  MINIO_STARTUP,
  /** Nobody: a provisioning step must run {@code kes key create}. */
  PROVISIONER
}

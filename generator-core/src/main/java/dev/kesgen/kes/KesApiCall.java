package dev.kesgen.kes;

import java.util.Objects;

/**
 * One KES API path a MinIO release calls, why it calls it, and where that was read.
 *
 * @param path the exact path, for example {@code /v1/key/generate/gecko}; never a pattern
 * @param use why MinIO calls it, which decides whether a tenant policy grants it
 * @param source where the call was read ({@code M@tag:file:line} in github.com/minio/minio)
 */
public record KesApiCall(String path, Use use, String source) {
  public KesApiCall {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(source, "source");
    if (path.contains("*")) {
      throw new IllegalArgumentException("a granted path is exact, never a pattern: " + path);
    }
  }

  /** Why MinIO calls a path. */
  public enum Use {
    /** Encrypting and decrypting objects, and creating the key: always granted. */
    ENCRYPTION,
    /** Called by MinIO on its own (health checks, Prometheus scrapes, cache warming): granted. */
    HEALTH,
    /** Called only when an administrator runs {@code mc admin kms ...}: not granted by default. */
    ADMIN,
    /**
     * Root credentials derived with HMAC when root access is disabled: not granted by default, since a key without
     * HMAC support makes MinIO exit (M@RELEASE.2024-03-03T17-50-39Z:cmd/config-current.go:764-770; KES answers 409,
     * K@2025-03-12T09-35-18Z:server.go:922-923) and MinIO tolerates a denial (same file :765-767).
     */
    ROOT_CREDENTIALS
  }
}

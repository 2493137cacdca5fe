package dev.kesgen.topology;

/**
 * How a KES release logs in to Vault's {@code kubernetes} auth method, read from its source (the release ranges,
 * with citations, are in {@code docs/design/kubernetes-auth.md} §2.3 and §2.4). Every release sends the same login,
 * {@code PUT /v1/auth/<engine>/login} with {@code {"role","jwt"}}; they differ in how they read {@code jwt}, the path
 * of the token file. The ranges do not follow the configuration dialects (2023-04-03 – 2023-05-02 is part of one, and
 * 2024-11-25 starts within another), so the rule is by release here, beside {@link KesVersion}.
 */
public enum KesKubernetesLogin {
  /**
   * v0.13.0 – v0.21.x, v0.22.3 – 2023-02-15: the file is read once at start-up, and a missing file is ignored, so its
   * path is sent as the JWT (K@v0.13.0:cmd/kes/config.go:154-170; K@v0.22.3:internal/keystore/vault/vault.go:118-124).
   */
  READ_AT_START_MISSING_IGNORED,
  /**
   * v0.22.0 – v0.22.2: the path itself is sent as the JWT, never read (K@v0.22.0:keserv/config.go:379-382,435;
   * minio/kes#318, fixed in v0.22.3 by commit 5200526).
   */
  PATH_SENT_AS_JWT,
  /**
   * 2023-04-03 – 2023-05-02: the token is read, then read again as a file name, which fails with ENAMETOOLONG
   * (K@2023-05-02T22-48-10Z:internal/keystore/vault/vault.go:118; minio/kes#361, fixed in 2023-07-26T11-13-07Z).
   */
  TOKEN_READ_AS_PATH,
  /**
   * 2023-07-26 – 2024-10-31: read once at start-up, a missing file is a start-up error
   * (K@2023-07-26T11-13-07Z:edge/server-config-yml.go:443-448; K@2024-03-13T17-52-13Z:kesconf/config.go:450).
   */
  READ_AT_START,
  /**
   * From 2024-11-25: read again at every login (K@2024-11-25T13-44-31Z:internal/keystore/vault/client.go:109-116;
   * minio/kes#491, commit 2e4e7be).
   */
  READ_AT_EVERY_LOGIN;

  /** The first release that sends the token path as the JWT. */
  public static final KesVersion PATH_BUG_FROM = KesVersion.of("v0.22.0");
  /** The release that fixed minio/kes#318. */
  public static final KesVersion PATH_BUG_FIXED = KesVersion.of("v0.22.3");
  /** The first release that reads the token as a file name. */
  public static final KesVersion NAME_BUG_FROM = KesVersion.of("2023-04-03T16-41-28Z");
  /** The release that fixed minio/kes#361. */
  public static final KesVersion NAME_BUG_FIXED = KesVersion.of("2023-07-26T11-13-07Z");
  /** The first release that reads the token file at every login. */
  public static final KesVersion REREAD_FROM = KesVersion.of("2024-11-25T13-44-31Z");

  /** How this release reads the token. */
  public static KesKubernetesLogin of(KesVersion version) {
    if (version.isAtLeast(REREAD_FROM)) {
      return READ_AT_EVERY_LOGIN;
    }
    if (version.isAtLeast(NAME_BUG_FIXED)) {
      return READ_AT_START;
    }
    if (version.isAtLeast(NAME_BUG_FROM)) {
      return TOKEN_READ_AS_PATH;
    }
    if (version.isAtLeast(PATH_BUG_FIXED)) {
      return READ_AT_START_MISSING_IGNORED;
    }
    if (version.isAtLeast(PATH_BUG_FROM)) {
      return PATH_SENT_AS_JWT;
    }
    return READ_AT_START_MISSING_IGNORED;
  }

  /** Whether KES can log in this way at all. */
  public boolean canLogIn() {
    return switch (this) {
      case PATH_SENT_AS_JWT, TOKEN_READ_AS_PATH -> false;
      case READ_AT_START_MISSING_IGNORED, READ_AT_START, READ_AT_EVERY_LOGIN -> true;
    };
  }

  /**
   * Whether KES reads the token file again at each login: only then may the token be a projected one, which the
   * kubelet replaces before it expires; before, a long-lived token Secret is mounted instead.
   */
  public boolean rereadsToken() {
    return this == READ_AT_EVERY_LOGIN;
  }

  /** Why this release cannot log in, and the fix; for refusals. */
  public String refusal() {
    return switch (this) {
      case PATH_SENT_AS_JWT -> "sends the token file's path as the JWT instead of the token (minio/kes#318): use KES "
          + PATH_BUG_FIXED + " or later, or vaultAuth: approle";
      case TOKEN_READ_AS_PATH -> "reads the token again as a file name and fails to start (minio/kes#361): use KES "
          + NAME_BUG_FIXED + " or later, or vaultAuth: approle";
      case READ_AT_START_MISSING_IGNORED, READ_AT_START, READ_AT_EVERY_LOGIN -> throw new IllegalStateException(
          "KES logs in with Kubernetes in this release");
    };
  }
}

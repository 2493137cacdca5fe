package dev.kesgen.kes;

import dev.kesgen.topology.KesVersion;
import dev.kesgen.topology.MinioVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a MinIO release calls on KES, limited to what a KES release serves, and the MinIO settings that depend on it.
 *
 * <p>Citations: {@code M@tag:file:line} in github.com/minio/minio, {@code K@tag:...} in github.com/minio/kes.
 * Deliberately never listed, so never granted:
 * <ul>
 *   <li>{@code /version} and {@code /v1/identity/self/describe}: KES serves them without a policy
 *       (K@2025-03-12T09-35-18Z:state.go:45-51,199-205; K@2023-04-03T16-41-28Z:internal/api/identity.go:135).</li>
 *   <li>{@code /v1/key/bulk/decrypt/<k>}: MinIO 2022-03-26 … 2023-08-16 uses it only when its own policy allows it
 *       (it reads that with self-describe) and decrypts one by one otherwise; KES from 2023-10-24 no longer serves it.</li>
 *   <li>{@code /v1/key/delete|import|encrypt/<k>}: only {@code mc admin kms key ...}; delete destroys data.</li>
 * </ul>
 */
public final class MinioKesApi {
  static final MinioVersion CAPATH_SINCE = MinioVersion.of("RELEASE.2021-05-11T23-27-41Z");
  static final MinioVersion CREATES_DEFAULT_KEY_SINCE = MinioVersion.of("RELEASE.2021-05-16T05-32-34Z");
  static final MinioVersion METRICS_SINCE = MinioVersion.of("RELEASE.2022-07-13T23-29-44Z");
  static final MinioVersion KEY_LIST_SINCE = MinioVersion.of("RELEASE.2022-10-05T14-58-27Z");
  static final MinioVersion API_LIST_SINCE = MinioVersion.of("RELEASE.2022-10-15T19-57-03Z");
  static final MinioVersion STATUS_SINCE = MinioVersion.of("RELEASE.2023-02-17T17-52-43Z");
  static final MinioVersion HMAC_SINCE = MinioVersion.of("RELEASE.2024-03-03T17-50-39Z");
  static final MinioVersion DESCRIBE_SINCE = MinioVersion.of("RELEASE.2024-05-10T01-41-38Z");

  /** KES from v0.18.0 words "key already exists" differently (see {@link #failsOnRestartWith}). */
  static final KesVersion KES_NEW_ERROR_WORDING = KesVersion.of("v0.18.0");
  /** MinIO's KES SDK compares errors by exact message from its start-up key creation until 2022-03-03. */
  static final java.time.LocalDateTime MATCHES_ERROR_MESSAGES_FROM = java.time.LocalDateTime.of(2021, 5, 16, 0, 0);
  static final java.time.LocalDateTime MATCHES_ERROR_MESSAGES_UNTIL = java.time.LocalDateTime.of(2022, 3, 3, 0, 0);

  private MinioKesApi() {}

  /**
   * Whether this MinIO is known to die on its second start with this KES: MinIO from RELEASE.2021-05-16 (creates its
   * key at start-up) until its KES SDK moved past v0.14.0 (2022-03-03) compares KES errors by exact message, and KES
   * from v0.18.0 words "key already exists" differently (minio/minio#14716, #19258; shared/KES-RELEASES.md §3B; not
   * verified by running).
   */
  public static boolean failsOnRestartWith(MinioVersion minio, KesVersion kes) {
    java.time.LocalDateTime released = minio.date();
    return !released.isBefore(MATCHES_ERROR_MESSAGES_FROM) && released.isBefore(MATCHES_ERROR_MESSAGES_UNTIL)
        && kes.isAtLeast(KES_NEW_ERROR_WORDING);
  }

  /**
   * Every policy-governed path this MinIO release may call on this KES release for these keys (the first is the
   * default key), in a stable order: per key create, generate, decrypt, then the rest in release order.
   */
  public static List<KesApiCall> calls(MinioVersion minio, KesVersion kes, List<String> keys) {
    Objects.requireNonNull(minio, "minio");
    Objects.requireNonNull(kes, "kes");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a tenant has at least one key");
    }
    String defaultKey = keys.get(0);
    List<KesApiCall> calls = new ArrayList<>();
    for (String key : keys) {
      // M@RELEASE.2020-10-03T02-19-42Z:cmd/crypto/kes.go:235,268,305; M@RELEASE.2025-10-15T17-29-55Z:internal/kms/kes.go:147,195,238
      calls.add(new KesApiCall(KesApi.create(key), KesApiCall.Use.ENCRYPTION, "M@RELEASE.2021-05-16T05-32-34Z:cmd/common-main.go:406"));
      calls.add(new KesApiCall(KesApi.generate(key), KesApiCall.Use.ENCRYPTION, "M@RELEASE.2020-10-03T02-19-42Z:cmd/crypto/kes.go:268"));
      calls.add(new KesApiCall(KesApi.decrypt(key), KesApiCall.Use.ENCRYPTION, "M@RELEASE.2020-10-03T02-19-42Z:cmd/crypto/kes.go:305"));
    }
    // Prometheus scrapes call KES metrics until MinIO counts them itself (M@RELEASE.2024-05-10T01-41-38Z:internal/kms/kms.go:175-187)
    if (minio.isAtLeast(METRICS_SINCE) && !minio.isAtLeast(DESCRIBE_SINCE)) {
      calls.add(new KesApiCall(KesApi.METRICS, KesApiCall.Use.HEALTH, "M@RELEASE.2022-07-13T23-29-44Z:cmd/metrics-v2.go:1966,1994"));
    }
    if (minio.isAtLeast(KEY_LIST_SINCE)) {
      // list takes a pattern; the exact key name is the least-privilege grant (K@2023-10-24T20-26-51Z:server.go:675)
      for (String key : keys) {
        calls.add(new KesApiCall(KesApi.list(key), KesApiCall.Use.ADMIN, "M@RELEASE.2022-10-05T14-58-27Z:cmd/kms-handlers.go:143"));
      }
    }
    if (minio.isAtLeast(API_LIST_SINCE) && kes.isAtLeast("v0.19.0")) {
      calls.add(new KesApiCall(KesApi.API, KesApiCall.Use.ADMIN, "M@RELEASE.2022-10-15T19-57-03Z:cmd/kms-handlers.go:118"));
    }
    // the health check and server info call Stat, which became GET /v1/status (first in K@v0.16.1:cmd/kes/server.go)
    if (minio.isAtLeast(STATUS_SINCE) && kes.isAtLeast("v0.16.1")) {
      calls.add(new KesApiCall(KesApi.STATUS, KesApiCall.Use.HEALTH, "M@RELEASE.2023-02-17T17-52-43Z:internal/kms/kes.go:178; cmd/healthcheck-handler.go:114"));
    }
    if (minio.isAtLeast(HMAC_SINCE) && kes.isAtLeast("2024-02-29T08-12-28Z")) {
      calls.add(new KesApiCall(KesApi.hmac(defaultKey), KesApiCall.Use.ROOT_CREDENTIALS, "M@RELEASE.2024-03-03T17-50-39Z:cmd/config-current.go:764"));
    }
    // every 10 s to keep the default key cached; errors ignored (first in K@v0.21.1:internal/http/gateway-key-api.go)
    if (minio.isAtLeast(DESCRIBE_SINCE) && kes.isAtLeast("v0.21.1")) {
      calls.add(new KesApiCall(KesApi.describe(defaultKey), KesApiCall.Use.HEALTH, "M@RELEASE.2025-10-15T17-29-55Z:internal/kms/config.go:253-265"));
    }
    return List.copyOf(calls);
  }

  /** The paths a tenant policy grants by default: {@link KesApiCall.Use#ENCRYPTION} and {@link KesApiCall.Use#HEALTH}, sorted. */
  public static List<String> allowedPaths(MinioVersion minio, KesVersion kes, List<String> keys) {
    return allowedPaths(minio, kes, keys, EnumSet.of(KesApiCall.Use.ENCRYPTION, KesApiCall.Use.HEALTH));
  }

  /** The paths of the calls with one of these uses, sorted and without duplicates. */
  public static List<String> allowedPaths(MinioVersion minio, KesVersion kes, List<String> keys, Set<KesApiCall.Use> uses) {
    return calls(minio, kes, keys).stream()
        .filter(c -> uses.contains(c.use()))
        .map(KesApiCall::path)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * The variable MinIO reads for the directory or file of CAs it trusts for KES: {@code MINIO_KMS_KES_CA_PATH}
   * (M@RELEASE.2021-04-22T15-44-28Z:cmd/crypto/config.go:191), {@code MINIO_KMS_KES_CAPATH} from
   * RELEASE.2021-05-11T23-27-41Z (M@RELEASE.2021-05-11T23-27-41Z:cmd/config/constants.go:50).
   */
  public static String caPathVariable(MinioVersion minio) {
    return minio.isAtLeast(CAPATH_SINCE) ? "MINIO_KMS_KES_CAPATH" : "MINIO_KMS_KES_CA_PATH";
  }

  /**
   * Whether MinIO creates its default key at start-up (ignoring "exists" and "not allowed"):
   * M@RELEASE.2021-05-16T05-32-34Z:cmd/common-main.go:406; not in RELEASE.2021-05-11T23-27-41Z.
   */
  public static boolean createsDefaultKeyAtStartup(MinioVersion minio) {
    return minio.isAtLeast(CREATES_DEFAULT_KEY_SINCE);
  }
}

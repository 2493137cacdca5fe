package dev.kesgen.kes;

import java.util.List;
import java.util.Optional;

/**
 * The KES API's paths, spelt once: the key APIs {@code /v1/key/<api>/<name>}, the key-less service APIs and the admin
 * APIs. Policies, the access proofs, the change plan and what MinIO calls all build and read paths here
 * (K@2025-03-12T09-35-18Z:server.go routes; the same paths since K@v0.13.0).
 */
public final class KesApi {
  /** The prefix of every key API: {@code /v1/key/<api>/<name>}. */
  public static final String KEY_PREFIX = "/v1/key/";
  /** Every key API a policy can grant, in the order SUMMARY.md lists them. */
  public static final List<String> KEY_APIS = List.of("create", "generate", "decrypt", "encrypt", "describe", "delete",
      "import", "list", "hmac", "bulk/decrypt");
  /** The API list. */
  public static final String API = "/v1/api";
  /** The Prometheus metrics. */
  public static final String METRICS = "/v1/metrics";
  /** The server status. */
  public static final String STATUS = "/v1/status";
  /** Key-less APIs MinIO may be granted (SUMMARY.md shows them). */
  public static final List<String> SERVICE_APIS = List.of(API, METRICS, STATUS);
  /** Admin APIs no tenant or provisioner may reach. */
  public static final List<String> ADMIN_APIS = List.of("/v1/policy/list/*", "/v1/identity/list/*", "/v1/log/audit",
      "/v1/log/error");

  private KesApi() {}

  /** {@code /v1/key/<api>/<name>}; {@code name} may be a pattern. */
  public static String key(String api, String name) {
    return KEY_PREFIX + api + "/" + name;
  }

  /** {@code /v1/key/create/<name>}. */
  public static String create(String name) {
    return key("create", name);
  }

  /** {@code /v1/key/generate/<name>}. */
  public static String generate(String name) {
    return key("generate", name);
  }

  /** {@code /v1/key/decrypt/<name>}. */
  public static String decrypt(String name) {
    return key("decrypt", name);
  }

  /** {@code /v1/key/list/<pattern>}. */
  public static String list(String pattern) {
    return key("list", pattern);
  }

  /** {@code /v1/key/hmac/<name>}. */
  public static String hmac(String name) {
    return key("hmac", name);
  }

  /** {@code /v1/key/describe/<name>}. */
  public static String describe(String name) {
    return key("describe", name);
  }

  /** The name in {@code /v1/key/<api>/<name>} for this {@code api}; empty for any other path. */
  public static Optional<String> nameIn(String api, String path) {
    String prefix = KEY_PREFIX + api + "/";
    return path.startsWith(prefix) ? Optional.of(path.substring(prefix.length())) : Optional.empty();
  }

  /**
   * The key API and name of {@code /v1/key/<api>/<name>} (the API may be {@code bulk/decrypt} only when
   * {@code bulkDecrypt}); empty for a path outside the key APIs or without a name.
   */
  public static Optional<KeyRequest> keyRequest(String path, boolean bulkDecrypt) {
    if (!path.startsWith(KEY_PREFIX)) {
      return Optional.empty();
    }
    String rest = path.substring(KEY_PREFIX.length());
    if (bulkDecrypt && rest.startsWith("bulk/decrypt/")) {
      return Optional.of(new KeyRequest("bulk/decrypt", rest.substring("bulk/decrypt/".length())));
    }
    int slash = rest.indexOf('/');
    return slash < 0 ? Optional.empty()
        : Optional.of(new KeyRequest(rest.substring(0, slash), rest.substring(slash + 1)));
  }

  /**
   * A request of a key API.
   *
   * @param api for example {@code decrypt}
   * @param name the key name or pattern
   */
  public record KeyRequest(String api, String name) {}
}

package dev.kesgen.engine;

import dev.kesgen.access.AccessModelException;
import dev.kesgen.access.ClientVerification;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a tenant with {@code minioAuth: apiKey} needs of the output as it is (rendered with overrides, or committed):
 * a KES that verifies no client certificate against a CA (MinIO presents a self-signed one made from the key), and
 * MinIO values that read the key from the Secret's {@code config.env} and set no client certificate or key, which
 * MinIO refuses together with an API key. No tenant's values may hold {@code MINIO_KMS_KES_API_KEY} inline.
 */
final class ApiKeyCheck {
  static final String API_KEY = "MINIO_KMS_KES_API_KEY";
  private static final List<String> CLIENT_FILES = List.of("MINIO_KMS_KES_CERT_FILE", "MINIO_KMS_KES_KEY_FILE");

  private ApiKeyCheck() {}

  static List<Finding> of(Instance instance, Function<String, Optional<String>> texts) {
    List<Finding> findings = new ArrayList<>();
    List<Tenant> apiKeyTenants = instance.tenants().stream().filter(Tenant::usesApiKey).toList();
    String values = OutputLayout.kesValues(instance);
    if (!apiKeyTenants.isEmpty()) {
      texts.apply(values).ifPresent(text -> verification(instance, text).ifPresent(why -> findings.add(
          new Finding(Finding.Kind.ACCESS, values, "instance " + instance.name() + ": tenant(s) "
              + String.join(", ", apiKeyTenants.stream().map(Tenant::name).toList()) + " authenticate with a KES API"
              + " key, whose self-signed certificate KES " + instance.kes().version() + " refuses: " + why
              + " (regenerate without the override that turns client verification on, or write minioAuth:"
              + " certificate)"))));
    }
    for (Tenant tenant : instance.tenants()) {
      String file = OutputLayout.tenantValues(instance, tenant);
      texts.apply(file).filter(text -> tenant.usesApiKey() || mayName(text, API_KEY))
          .flatMap(ApiKeyCheck::environment).ifPresent(env -> tenantValues(instance, tenant, env)
          .forEach(m -> findings.add(new Finding(Finding.Kind.ACCESS, file, m))));
    }
    return findings;
  }

  /**
   * Whether a YAML text could hold a mapping key equal to {@code key} (letters, digits and {@code _}): YAML spells a
   * key's characters out, except through an escape of a double-quoted scalar ({@code "\x5F"}, a line joined by
   * {@code \}), and every line folding of the other styles adds a space or a line break. A text that holds neither
   * {@code key} nor a backslash therefore has no such key, and is not parsed: of a certificate tenant's values only
   * the inline API key is checked, and parsing 10,000 values files for it was a tenth of a no-op's CPU.
   */
  static boolean mayName(String text, String key) {
    return text.indexOf('\\') >= 0 || text.contains(key);
  }

  private static Optional<String> verification(Instance instance, String text) {
    try {
      return ClientVerification.of(text, instance.kes().version());
    } catch (AccessModelException e) {
      return Optional.of("kesgen cannot tell whether it verifies client certificates (" + e.getMessage() + ")");
    }
  }

  private static List<String> tenantValues(Instance instance, Tenant tenant, Map<?, ?> env) {
    List<String> out = new ArrayList<>();
    String who = "instance " + instance.name() + ", tenant " + tenant.name() + ": ";
    if (env.containsKey(API_KEY)) {
      out.add(who + "the values set " + API_KEY + " inline, where everyone who reads them has the key (MinIO must"
          + " read it from config.env in the tenant's Secret; regenerate, and rotate " + instance.name() + "/"
          + tenant.name() + ")");
    }
    if (!tenant.usesApiKey()) {
      return out;
    }
    List<String> files = CLIENT_FILES.stream().filter(env::containsKey).toList();
    if (!files.isEmpty()) {
      // M@RELEASE.2023-02-17T17-52-43Z:cmd/common-main.go:798-804 logger.Fatal("ambigious KMS configuration");
      // M@RELEASE.2024-05-10T01-41-38Z:internal/kms/config.go:372-384
      out.add(who + "minioAuth is apiKey, but the values also set " + String.join(" and ", files) + ", and MinIO"
          + " refuses to start with both an API key and a client certificate (regenerate)");
    }
    if (!env.containsKey("MINIO_CONFIG_ENV_FILE")) {
      out.add(who + "minioAuth is apiKey, but the values do not set MINIO_CONFIG_ENV_FILE, so MinIO never reads the"
          + " API key from the Secret's config.env (regenerate)");
    }
    return out;
  }

  /** The {@code environment} map of MinIO's values ({@code minio.environment} for Armadillo); empty if unreadable. */
  private static Optional<Map<?, ?>> environment(String text) {
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setAllowRecursiveKeys(false);
      root = new Yaml(new SafeConstructor(options)).load(text);
    } catch (RuntimeException e) {
      return Optional.empty(); // the values are compared with what kesgen would write; this is no parser check
    }
    if (root instanceof Map<?, ?> map && map.get("minio") instanceof Map<?, ?> sub && sub.containsKey("environment")) {
      root = sub;
    }
    return root instanceof Map<?, ?> map && map.get("environment") instanceof Map<?, ?> env
        ? Optional.of(env) : Optional.empty();
  }
}

package dev.kesgen.topology;

import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a tenant's {@code minioAuth} (from the tenant or {@code defaults.tenant}) and refuses {@code apiKey} for a
 * MinIO release that does not read {@code MINIO_KMS_KES_API_KEY}. What KES must allow for an API key (no client
 * certificate verified against a CA) is kesgen's own KES setting in every release, and is checked on the generated
 * KES values by the access check.
 */
final class MinioAuthReader {
  private MinioAuthReader() {}

  /**
   * The tenant's way to authenticate, {@link MinioAuth#CERTIFICATE} when neither layer sets it; empty after a
   * problem. {@code minio} is the tenant's release, empty when checking {@code defaults.tenant} on its own;
   * {@code tenant} is the tenant's path, named when the value comes from the defaults.
   */
  static Optional<MinioAuth> read(Layers layers, Optional<MinioVersion> minio, String tenant, Problems problems) {
    Optional<Nodes.Located<Node>> located = layers.get("minioAuth");
    if (located.isEmpty()) {
      return Optional.of(MinioAuth.CERTIFICATE);
    }
    Nodes.Located<Node> l = located.get();
    Optional<String> text = Nodes.string(l.node(), l.path(), problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<MinioAuth> auth = MinioAuth.of(text.get());
    if (auth.isEmpty()) {
      problems.at(l.node(), l.path(), "\"" + text.get() + "\" is not one of certificate, apiKey (certificate: MinIO"
          + " presents a client certificate kesgen issues; apiKey: MinIO reads a KES API key from"
          + " MINIO_KMS_KES_API_KEY)");
      return Optional.empty();
    }
    if (minio.isPresent() && !auth.get().supportedBy(minio.get())) {
      // M@RELEASE.2023-02-17T17-52-43Z:internal/config/constants.go:75 adds EnvKESAPIKey; RELEASE.2023-02-10T18-48-39Z
      // has no such variable and would start without the key, so MinIO could not reach KES at all
      problems.at(l.node(), l.path(), "apiKey needs MinIO " + MinioAuth.FIRST_API_KEY_RELEASE + " or newer, the"
          + " first release that reads MINIO_KMS_KES_API_KEY, but "
          + (l.path().startsWith(tenant + ".") ? "the tenant" : "tenant " + tenant) + " runs " + minio.get().tag()
          + " (set minioVersion to " + MinioAuth.FIRST_API_KEY_RELEASE + " or newer, or write minioAuth: certificate)");
      return Optional.empty();
    }
    return auth;
  }
}

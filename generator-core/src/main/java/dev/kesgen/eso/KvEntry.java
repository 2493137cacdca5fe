package dev.kesgen.eso;

import dev.kesgen.layout.CertificateId;
import dev.kesgen.pki.CertificateTarget;
import dev.kesgen.pki.Pem;
import dev.kesgen.pki.SecretDelivery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One Secret's entry in Vault KV: {@code <path>/<namespace>/<secret>/<fingerprint>}, where the fingerprint is the
 * first 16 hex digits of the SHA-256 of its certificate and {@code ca.crt} (public data only). The key path is named
 * by what it holds, so a renewed or rotated certificate, or a renewed server behind a tenant's {@code ca.crt}, goes
 * to a new key path: the write script's {@code cas=0} (KV v2) always creates version 1 there, which is the version
 * every ExternalSecret pins, and no entry is ever written twice. A tenant with {@code minioAuth: apiKey} has a
 * fourth property, {@code config.env} ({@code export MINIO_KMS_KES_API_KEY=kes:v1:...}, the file MinIO reads through
 * {@code MINIO_CONFIG_ENV_FILE}); it is made from {@code tls.key}, which {@code tls.crt} records, so the same
 * fingerprint names it (its input says the entry has one).
 *
 * @param target the certificate
 * @param key the KV key below the mount (ESO's {@code remoteRef.key})
 * @param certificateFile the output-relative path of {@code tls.crt}
 * @param caFile the output-relative path of {@code ca.crt}; empty for the server, which has none
 * @param keyFile the secrets-relative path of {@code tls.key}
 * @param configEnvFile the secrets-relative path of {@code config.env} for an API key; empty for a certificate
 */
record KvEntry(CertificateTarget target, String key, String certificateFile, Optional<String> caFile, String keyFile,
    Optional<String> configEnvFile) {
  /** The version of a new key path after {@code cas=0}: the one ExternalSecrets pin on KV v2. */
  static final String PINNED_VERSION = "1";

  KvEntry {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificateFile, "certificateFile");
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(configEnvFile, "configEnvFile");
  }

  static KvEntry of(String path, SecretDelivery delivery) {
    CertificateTarget target = delivery.target();
    Optional<String> ca = delivery.peerCertificate().map(Pem::encodeCertificate);
    String fingerprint = sha256("kesgen external secrets v1\ntls.crt\n" + delivery.outcome().certificatePem()
        + "ca.crt\n" + ca.orElse("") + (target.apiKey() ? "config.env\n" : "")).substring(0, 16);
    Optional<String> caFile = ca.map(c -> new CertificateId.Server(target.id().instance()).certificatePath());
    return new KvEntry(target, path + "/" + target.secretNamespace() + "/" + target.secretName() + "/" + fingerprint,
        target.id().certificatePath(), caFile, target.keyPath(),
        target.apiKey() ? Optional.of(target.id().configEnvPath()) : Optional.empty());
  }

  /** The key's parent, which the script lists to learn whether the entry exists. */
  String parent() {
    return key.substring(0, key.lastIndexOf('/'));
  }

  /** The last segment of the key. */
  String fingerprint() {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** The output-relative path of its ExternalSecret ({@link CertificateId#externalSecretPath()}). */
  static String externalSecretPath(CertificateTarget target) {
    return target.id().externalSecretPath();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

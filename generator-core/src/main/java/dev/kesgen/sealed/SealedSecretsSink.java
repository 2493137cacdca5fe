package dev.kesgen.sealed;

import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.CertificateTarget;
import dev.kesgen.pki.CommittedSecretSink;
import dev.kesgen.pki.KeySource;
import dev.kesgen.pki.KubernetesTlsSecret;
import dev.kesgen.pki.Pem;
import dev.kesgen.pki.SecretDelivery;
import dev.kesgen.pki.SecretSink;
import dev.kesgen.topology.Secrets;
import dev.kesgen.topology.Secrets.SealedSecrets.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code sealedSecrets} sink: every Secret is committed as a {@code SealedSecret} at
 * {@link dev.kesgen.layout.CertificateId#sealedSecretPath()}, sealed value by value ({@link HybridEncryption}) with
 * the label of its scope; no private key is stored anywhere else. Sealing is randomized, so each value's committed
 * ciphertext is kept while what it was sealed from is unchanged: the SHA-256 of the controller certificate, the
 * scope, the label, the data key and the value, where the value of {@code tls.key} is replaced by its certificate
 * ({@code tls.crt}: a new key always comes with a new certificate). These fingerprints are of public inputs only
 * and are committed as annotations; a value whose fingerprint changed is sealed again, which for {@code tls.key}
 * needs the key: a kept certificate whose key is not at hand (only the controller has it) must then be rotated.
 * Keys left in a secrets directory by the {@code directory} sink are read, never written, so a topology can move to
 * this sink without rotating.
 */
public final class SealedSecretsSink extends CommittedSecretSink {
  private static final String CA = "ca.crt";
  private static final String CERTIFICATE = "tls.crt";
  private static final String KEY = "tls.key";

  private final Secrets.SealedSecrets controller;
  private final SecureRandom random;
  private final String controllerHash;

  /**
   * @param controller the controller and scope the topology names
   * @param outputDirectory where the committed SealedSecrets are read from (and written by the run)
   * @param localKeys keys a secrets directory still holds, read only; {@link KeySource#NONE} for none
   * @param random the randomness of sealing
   */
  public SealedSecretsSink(Secrets.SealedSecrets controller, Path outputDirectory, KeySource localKeys,
      SecureRandom random) {
    super(outputDirectory, localKeys);
    this.controller = Objects.requireNonNull(controller, "controller");
    this.random = Objects.requireNonNull(random, "random");
    this.controllerHash = sha256(controller.certificatePem().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public SortedMap<String, String> committedFiles(List<SecretDelivery> deliveries, Map<String, String> problems) {
    SortedMap<String, String> files = new TreeMap<>();
    for (SecretDelivery delivery : deliveries) {
      String path = secretPath(delivery.target());
      Optional<String> text = committedText(path);
      Optional<SealedSecretFile> sealed = seal(delivery, text.map(SealedSecretFile::parse)
          .orElse(SealedSecretFile.Committed.NONE));
      if (sealed.isPresent()) {
        files.put(path, sealed.get().toYaml());
      } else {
        CertificateTarget target = delivery.target();
        problems.put(path, "the private key of " + target.name() + " must be sealed again (the controller"
            + " certificate, the scope, or the Secret's name or namespace changed, or the file is missing or was"
            + " edited), and only the controller holds it: restore the file from version control, or issue a new key"
            + " with --rotate " + target.id().rotationName());
        text.ifPresent(t -> files.put(path, t));
      }
    }
    return files;
  }

  @Override
  protected String secretPath(CertificateTarget target) {
    return target.id().sealedSecretPath();
  }

  /** The label the controller unseals with (sealedsecret_expansion.go:82-95, {@code EncryptionLabel}). */
  static byte[] label(Scope scope, String namespace, String name) {
    String label = switch (scope) {
      case CLUSTER_WIDE -> "";
      case NAMESPACE_WIDE -> namespace;
      case STRICT -> namespace + "/" + name;
    };
    return label.getBytes(StandardCharsets.UTF_8);
  }

  private Optional<SealedSecretFile> seal(SecretDelivery delivery, SealedSecretFile.Committed committed) {
    CertificateOutcome outcome = delivery.outcome();
    CertificateTarget target = outcome.target();
    byte[] label = label(controller.scope(), target.secretNamespace(), target.secretName());
    Map<String, String> plain = new LinkedHashMap<>();
    delivery.peerCertificate().ifPresent(c -> plain.put(CA, Pem.encodeCertificate(c)));
    plain.put(CERTIFICATE, outcome.certificatePem());
    SortedMap<String, String> encrypted = new TreeMap<>();
    SortedMap<String, String> fingerprints = new TreeMap<>();
    for (Map.Entry<String, String> value : plain.entrySet()) {
      String fingerprint = fingerprint(label, value.getKey(), value.getValue());
      fingerprints.put(value.getKey(), fingerprint);
      encrypted.put(value.getKey(), committed.reusable(value.getKey(), fingerprint)
          .orElseGet(() -> sealed(value.getValue(), label)));
    }
    // tls.key, and for an API key config.env made from it: both change exactly when the certificate does
    List<String> secretKeys = target.apiKey() ? List.of(KubernetesTlsSecret.CONFIG_ENV, KEY) : List.of(KEY);
    for (String secretKey : secretKeys) {
      String keyFingerprint = fingerprint(label, secretKey, outcome.certificatePem());
      fingerprints.put(secretKey, keyFingerprint);
      Optional<String> kept = outcome.hasNewKey() ? Optional.empty() : committed.reusable(secretKey, keyFingerprint);
      if (kept.isPresent()) {
        encrypted.put(secretKey, kept.get());
      } else if (outcome.privateKeyPem().isPresent()) {
        String privateKey = outcome.privateKeyPem().get();
        String value = secretKey.equals(KEY) ? privateKey : delivery.configEnv(privateKey).orElseThrow();
        encrypted.put(secretKey, sealed(value, label));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new SealedSecretFile(target.secretName(), target.secretNamespace(), controller.scope(),
        String.valueOf(controller.certificateFile().getFileName()), encrypted, fingerprints));
  }

  private String sealed(String plaintext, byte[] label) {
    return Base64.getEncoder().encodeToString(HybridEncryption.encrypt(random, controller.publicKey(),
        plaintext.getBytes(StandardCharsets.UTF_8), label));
  }

  /**
   * What a value was sealed from: the controller certificate, the scope, the label, the data key and a public
   * value (for {@code tls.key}, its certificate). Never a private key.
   */
  String fingerprint(byte[] label, String key, String publicValue) {
    String input = "kesgen sealed v1\n" + controllerHash + "\n" + controller.scope().spelling() + "\n"
        + new String(label, StandardCharsets.UTF_8) + "\n" + key + "\n" + sha256(publicValue.getBytes(StandardCharsets.UTF_8));
    return sha256(input.getBytes(StandardCharsets.UTF_8));
  }

}

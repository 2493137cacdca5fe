package dev.kesgen.sops;

import dev.kesgen.pki.CertificateTarget;
import dev.kesgen.pki.CommittedSecretSink;
import dev.kesgen.pki.KeySource;
import dev.kesgen.pki.KubernetesTlsSecret;
import dev.kesgen.pki.Pem;
import dev.kesgen.pki.SecretDelivery;
import dev.kesgen.pki.SecretSink;
import dev.kesgen.topology.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code sops} sink: every Secret is committed as a SOPS-encrypted Secret at
 * {@link dev.kesgen.layout.CertificateId#sopsSecretPath()} ({@link SopsSecretFile}); no private key is stored
 * anywhere else. SOPS output is randomized and its MAC covers every value, so a file is kept byte for byte while the
 * SHA-256 of what it was written from is unchanged (annotation {@code kesgen.dev/sops-inputs}: the recipients, the
 * Secret's name and namespace, each public value, and for {@code tls.key} its certificate; public data only). When
 * it changed, the whole file is encrypted again, which needs the private key: a kept certificate whose key is not
 * at hand must then be rotated. Keys left in a secrets directory by the {@code directory} sink are read, never
 * written.
 */
public final class SopsSink extends CommittedSecretSink {
  private final Secrets.Sops sops;
  private final SecureRandom random;
  private final Clock clock;

  public SopsSink(Secrets.Sops sops, Path outputDirectory, KeySource localKeys, SecureRandom random, Clock clock) {
    super(outputDirectory, localKeys);
    this.sops = Objects.requireNonNull(sops, "sops");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SortedMap<String, String> committedFiles(List<SecretDelivery> deliveries, Map<String, String> problems) {
    SortedMap<String, String> files = new TreeMap<>();
    for (SecretDelivery delivery : deliveries) {
      CertificateTarget target = delivery.target();
      String path = secretPath(target);
      Optional<String> committed = committedText(path);
      Map<String, String> publicValues = new LinkedHashMap<>();
      delivery.peerCertificate().ifPresent(c -> publicValues.put("ca.crt", Pem.encodeCertificate(c)));
      publicValues.put("tls.crt", delivery.outcome().certificatePem());
      String fingerprint = fingerprint(target, publicValues);
      boolean unchanged = !delivery.outcome().hasNewKey()
          && committed.flatMap(SopsSecretFile::committedFingerprint).filter(fingerprint::equals).isPresent();
      if (unchanged) {
        files.put(path, committed.get());
        continue;
      }
      Optional<String> key = delivery.outcome().privateKeyPem();
      if (key.isEmpty()) {
        problems.put(path, "the Secret of " + target.name() + " must be encrypted again (its recipients, its"
            + " ca.crt, or its name or namespace changed, or the file is missing or was edited), and its private key"
            + " is not at hand here: restore the file from version control, or issue a new key with --rotate "
            + target.id().rotationName());
        committed.ifPresent(t -> files.put(path, t));
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      publicValues.forEach((k, v) -> values.put(k, base64(v)));
      values.put("tls.key", base64(key.get()));
      delivery.configEnv(key.get()).ifPresent(env -> values.put(KubernetesTlsSecret.CONFIG_ENV, base64(env)));
      files.put(path, SopsSecretFile.encrypt(random, target.secretName(), target.secretNamespace(), fingerprint,
          values, sops.ageRecipients(), sops.publicKeys(), clock.instant()));
    }
    return files;
  }

  @Override
  protected String secretPath(CertificateTarget target) {
    return target.id().sopsSecretPath();
  }

  private String fingerprint(CertificateTarget target, Map<String, String> publicValues) {
    StringBuilder input = new StringBuilder("kesgen sops v1\n");
    sops.ageRecipients().stream().sorted().forEach(r -> input.append(r).append('\n'));
    input.append(target.secretNamespace()).append('/').append(target.secretName()).append('\n');
    publicValues.forEach((k, v) -> input.append(k).append(' ').append(sha256(v)).append('\n'));
    input.append("tls.key ").append(sha256(publicValues.get("tls.crt"))).append('\n');
    if (target.apiKey()) {
      // config.env is made from tls.key: a switch to an API key must encrypt the file again
      input.append(KubernetesTlsSecret.CONFIG_ENV).append(' ').append(sha256(publicValues.get("tls.crt"))).append('\n');
    }
    return sha256(input.toString());
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

}

package dev.kesgen.sops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@code kubernetes.io/tls} Secret in the SOPS format of getsops/sops v3.13.3, as its YAML store reads it: the
 * Secret's fields in a fixed order, only the values under {@code data} encrypted ({@code encrypted_regex:
 * ^(data|stringData)$}, sops.go:437-474 {@code shouldBeEncrypted}), each with AES-256-GCM under the data key, a
 * random 32-byte IV and the value's key path as additional data ({@code data:tls.key:}, sops.go:549-550;
 * aes/cipher.go:141-201 writes {@code ENC[AES256_GCM,data:...,iv:...,tag:...,type:str]}); the MAC is the upper-case
 * hex SHA-512 over every value, encrypted or not, in document order (sops.go:523-577, {@code Tree.Encrypt}), itself
 * encrypted with {@code lastmodified} (RFC 3339) as additional data; the {@code sops} block carries the data key
 * age-encrypted for each recipient (stores/stores.go:37-58, 106-109). No comment is written: SOPS would encrypt
 * or MAC it as part of the tree.
 */
final class SopsSecretFile {
  static final String ENCRYPTED_REGEX = "^(data|stringData)$";
  static final String SOPS_VERSION = "3.13.3";
  static final String FINGERPRINT = "kesgen.dev/sops-inputs";
  private static final int IV_BYTES = 32;

  private SopsSecretFile() {}

  /**
   * The file's text.
   *
   * @param values the Secret's data values (base64 of each PEM), in order
   */
  static String encrypt(SecureRandom random, String name, String namespace, String fingerprint,
      Map<String, String> values, List<String> recipients, List<byte[]> publicKeys, Instant now) {
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    try {
      Map<String, String> plain = new LinkedHashMap<>();
      plain.put("apiVersion", "v1");
      plain.put("kind", "Secret");
      plain.put("metadata.name", name);
      plain.put("metadata.namespace", namespace);
      plain.put("metadata.annotations." + FINGERPRINT, fingerprint);
      plain.put("type", "kubernetes.io/tls");
      MessageDigest mac = MessageDigest.getInstance("SHA-512");
      plain.values().forEach(v -> mac.update(v.getBytes(StandardCharsets.UTF_8)));
      StringBuilder data = new StringBuilder();
      for (Map.Entry<String, String> value : values.entrySet()) {
        mac.update(value.getValue().getBytes(StandardCharsets.UTF_8));
        data.append("    ").append(value.getKey()).append(": ")
            .append(encrypted(random, dataKey, value.getValue(), "data:" + value.getKey() + ":")).append('\n');
      }
      String lastModified = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)
          .atZone(ZoneOffset.UTC));
      String macHex = HexFormat.of().formatHex(mac.digest()).toUpperCase(Locale.ROOT);
      StringBuilder y = new StringBuilder()
          .append("apiVersion: v1\n")
          .append("kind: Secret\n")
          .append("metadata:\n")
          .append("    name: ").append(name).append('\n')
          .append("    namespace: ").append(namespace).append('\n')
          .append("    annotations:\n")
          .append("        ").append(FINGERPRINT).append(": \"").append(fingerprint).append("\"\n")
          .append("type: kubernetes.io/tls\n")
          .append("data:\n").append(data)
          .append("sops:\n")
          .append("    age:\n");
      for (int i = 0; i < recipients.size(); i++) {
        y.append("        - recipient: ").append(recipients.get(i)).append('\n')
            .append("          enc: |\n");
        AgeEncryption.armored(random, List.of(publicKeys.get(i)), dataKey).lines()
            .forEach(l -> y.append("            ").append(l).append('\n'));
      }
      y.append("    lastmodified: \"").append(lastModified).append("\"\n")
          .append("    mac: ").append(encrypted(random, dataKey, macHex, lastModified)).append('\n')
          .append("    encrypted_regex: ").append(ENCRYPTED_REGEX).append('\n')
          .append("    version: ").append(SOPS_VERSION).append('\n');
      return y.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot encrypt for SOPS: " + e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(dataKey, (byte) 0);
    }
  }

  private static String encrypted(SecureRandom random, byte[] key, String plaintext, String additionalData)
      throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    gcm.updateAAD(additionalData.getBytes(StandardCharsets.UTF_8));
    byte[] out = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder b64 = Base64.getEncoder();
    return "ENC[AES256_GCM,data:" + b64.encodeToString(java.util.Arrays.copyOf(out, out.length - 16))
        + ",iv:" + b64.encodeToString(iv) + ",tag:" + b64.encodeToString(java.util.Arrays.copyOfRange(out,
        out.length - 16, out.length)) + ",type:str]";
  }

  /** The fingerprint a committed file was written from, if it is one kesgen could have written. */
  static java.util.Optional<String> committedFingerprint(String text) {
    String prefix = "        " + FINGERPRINT + ": \"";
    return text.lines().filter(l -> l.startsWith(prefix) && l.endsWith("\"")).findFirst()
        .map(l -> l.substring(prefix.length(), l.length() - 1));
  }
}

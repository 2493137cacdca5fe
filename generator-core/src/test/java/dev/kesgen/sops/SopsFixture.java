package dev.kesgen.sops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An age identity made here (X25519, Bech32 as age-keygen writes it: {@code AGE-SECRET-KEY-1...} and its
 * recipient {@code age1...}) and a topology whose Secrets are SOPS-encrypted for it.
 */
public final class SopsFixture {
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  public final Path dir;
  public final Path topology;
  public final Path output;
  public final Path secrets;
  public final String identity;
  public final String recipient;

  private SopsFixture(Path dir, String identity, String recipient) throws Exception {
    this.dir = dir;
    this.topology = dir.resolve("topology.yaml");
    this.output = dir.resolve("generated");
    this.secrets = dir.resolve("secrets");
    this.identity = identity;
    this.recipient = recipient;
    Files.writeString(topology, topology(recipient));
  }

  public static SopsFixture create(Path dir) throws Exception {
    byte[] secret = new byte[X25519.SCALAR_SIZE];
    X25519.generatePrivateKey(new SecureRandom(), secret);
    byte[] share = new byte[X25519.POINT_SIZE];
    X25519.generatePublicKey(secret, 0, share, 0);
    return new SopsFixture(dir, bech32("age-secret-key-", secret).toUpperCase(Locale.ROOT), bech32("age", share));
  }

  public static String topology(String recipient) {
    return """
        version: 1
        vault:
          endpoint: https://vault.example.org:8200
        secrets:
          sink: sops
          sops:
            ageRecipients: [%s]
        defaults:
          kes: { version: 2025-03-12T09-35-18Z }
          tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }
        instances:
          - name: dev
            namespace: kes-dev
            tenants:
              - name: alpha
                namespace: minio-alpha
                keys: [alpha-key]
              - name: beta
                namespace: minio-beta
                keys: [beta-key]
        """.formatted(recipient);
  }

  /** Bech32 (BIP 173) of these bytes. */
  static String bech32(String hrp, byte[] bytes) {
    java.util.List<Integer> data = new java.util.ArrayList<>();
    int accumulator = 0;
    int bits = 0;
    for (byte b : bytes) {
      accumulator = (accumulator << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        data.add((accumulator >> bits) & 31);
      }
    }
    if (bits > 0) {
      data.add((accumulator << (5 - bits)) & 31);
    }
    java.util.List<Integer> values = new java.util.ArrayList<>();
    for (char c : hrp.toCharArray()) {
      values.add(c >> 5);
    }
    values.add(0);
    for (char c : hrp.toCharArray()) {
      values.add(c & 31);
    }
    values.addAll(data);
    for (int i = 0; i < 6; i++) {
      values.add(0);
    }
    int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) != 0) {
          chk ^= generator[i];
        }
      }
    }
    int polymod = chk ^ 1;
    StringBuilder out = new StringBuilder(hrp).append('1');
    data.forEach(d -> out.append(CHARSET.charAt(d)));
    for (int i = 0; i < 6; i++) {
      out.append(CHARSET.charAt((polymod >> (5 * (5 - i))) & 31));
    }
    return out.toString();
  }
}

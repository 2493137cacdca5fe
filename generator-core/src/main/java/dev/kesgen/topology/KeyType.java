package dev.kesgen.topology;

import java.util.Arrays;
import java.util.Optional;

/** The key algorithms kesgen issues certificates for; all work with KES, MinIO (Go) and JDK 17 TLS. */
public enum KeyType {
  ECDSA_P256("ecdsa-p256"),
  ED25519("ed25519"),
  RSA_2048("rsa-2048"),
  RSA_3072("rsa-3072"),
  RSA_4096("rsa-4096");

  private final String spelling;

  KeyType(String spelling) {
    this.spelling = spelling;
  }

  /** The topology spelling, for example {@code ecdsa-p256}. */
  public String spelling() {
    return spelling;
  }

  /** The key type with this topology spelling. */
  public static Optional<KeyType> of(String spelling) {
    return Arrays.stream(values()).filter(k -> k.spelling.equals(spelling)).findFirst();
  }

  /** Whether this is an RSA key (which also needs the keyEncipherment key usage). */
  public boolean isRsa() {
    return this == RSA_2048 || this == RSA_3072 || this == RSA_4096;
  }

  @Override
  public String toString() {
    return spelling;
  }
}

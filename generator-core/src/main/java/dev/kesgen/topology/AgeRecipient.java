package dev.kesgen.topology;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * An age X25519 recipient, {@code age1...}: Bech32 (BIP 173, without its 90-character limit) with the human-readable
 * part {@code age} and a 32-byte X25519 public key, as the age format (age-encryption.org/v1, "X25519 recipient")
 * defines it; mixed case is refused, as Bech32 requires.
 */
final class AgeRecipient {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

  private AgeRecipient() {}

  /** The 32-byte X25519 public key of a recipient {@link #problem} accepts. */
  static byte[] publicKey(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    int separator = s.lastIndexOf('1');
    int[] data = new int[s.length() - separator - 1 - 6];
    for (int i = 0; i < data.length; i++) {
      data[i] = CHARSET.indexOf(s.charAt(separator + 1 + i));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int accumulator = 0;
    int bits = 0;
    for (int d : data) {
      accumulator = (accumulator << 5) | d;
      bits += 5;
      while (bits >= 8) {
        bits -= 8;
        bytes.write((accumulator >> bits) & 0xff);
      }
    }
    return bytes.toByteArray();
  }

  /** Why the text is not an age X25519 recipient; empty when it is one. */
  static Optional<String> problem(String text) {
    if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
      return Optional.of("mixes upper and lower case");
    }
    String s = text.toLowerCase(Locale.ROOT);
    int separator = s.lastIndexOf('1');
    if (separator < 1 || separator + 7 > s.length()) {
      return Optional.of("is not Bech32 (age1 followed by 58 characters)");
    }
    String hrp = s.substring(0, separator);
    if (!hrp.equals("age")) {
      return Optional.of("starts with \"" + hrp + "1\", not \"age1\"");
    }
    int[] data = new int[s.length() - separator - 1];
    for (int i = 0; i < data.length; i++) {
      int value = CHARSET.indexOf(s.charAt(separator + 1 + i));
      if (value < 0) {
        return Optional.of("holds \"" + s.charAt(separator + 1 + i) + "\", which Bech32 does not use");
      }
      data[i] = value;
    }
    if (polymod(hrp, data) != 1) {
      return Optional.of("has a wrong checksum (a character was changed or lost; copy it again from age-keygen -y)");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int accumulator = 0;
    int bits = 0;
    for (int i = 0; i < data.length - 6; i++) {
      accumulator = (accumulator << 5) | data[i];
      bits += 5;
      while (bits >= 8) {
        bits -= 8;
        bytes.write((accumulator >> bits) & 0xff);
      }
    }
    if (bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0 || bytes.size() != 32) {
      return Optional.of("does not hold a 32-byte X25519 public key");
    }
    return Optional.empty();
  }

  private static int polymod(String hrp, int[] data) {
    int[] values = new int[hrp.length() * 2 + 1 + data.length];
    int n = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[n++] = hrp.charAt(i) >> 5;
    }
    values[n++] = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[n++] = hrp.charAt(i) & 31;
    }
    for (int d : data) {
      values[n++] = d;
    }
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) != 0) {
          chk ^= GENERATOR[i];
        }
      }
    }
    return chk;
  }
}

package dev.kesgen.sops;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An age v1 file (age-encryption.org/v1) for X25519 recipients, ASCII-armored, as filippo.io/age v1.3.1 writes it
 * and SOPS stores it (getsops/sops@v3.13.3:age/keysource.go:163-193, {@code MasterKey.Encrypt}: the armored
 * age encryption of the data key): a random 16-byte file key wrapped per recipient (x25519.go:65-101: an ephemeral
 * X25519 share, HKDF-SHA-256 over the shared secret with salt share || recipient and info
 * {@code age-encryption.org/v1/X25519}, ChaCha20-Poly1305 with a zero nonce); the header MAC (primitives.go:52-63,
 * HMAC-SHA-256 keyed by HKDF(file key, info "header") over the header up to {@code ---}); the payload (age.go:154-172,
 * a 16-byte nonce and one final STREAM chunk, internal/stream/stream.go:165-173, ChaCha20-Poly1305 under
 * HKDF(file key, salt nonce, info "payload") with nonce counter 0 and last-chunk flag 1); and the armor
 * (armor/armor.go, padded base64 in lines of 64).
 */
final class AgeEncryption {
  private static final Base64.Encoder RAW = Base64.getEncoder().withoutPadding();

  private AgeEncryption() {}

  static String armored(SecureRandom random, List<byte[]> recipients, byte[] plaintext) {
    try {
      byte[] fileKey = new byte[16];
      random.nextBytes(fileKey);
      StringBuilder header = new StringBuilder("age-encryption.org/v1\n");
      for (byte[] recipient : recipients) {
        byte[] ephemeral = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, ephemeral);
        byte[] share = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(ephemeral, 0, share, 0);
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(ephemeral, 0, recipient, 0, shared, 0)) {
          throw new IllegalArgumentException("an age recipient is a low-order point");
        }
        byte[] salt = concat(share, recipient);
        byte[] wrappingKey = hkdf(shared, salt, "age-encryption.org/v1/X25519");
        byte[] body = chacha(wrappingKey, new byte[12], fileKey);
        header.append("-> X25519 ").append(RAW.encodeToString(share)).append('\n');
        header.append(wrapped(RAW.encodeToString(body))).append('\n');
      }
      header.append("---");
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(hkdf(fileKey, new byte[0], "header"), "HmacSHA256"));
      byte[] mac = hmac.doFinal(header.toString().getBytes(StandardCharsets.US_ASCII));
      header.append(' ').append(RAW.encodeToString(mac)).append('\n');

      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      byte[] chunkNonce = new byte[12];
      chunkNonce[11] = 1; // counter 0, last chunk
      byte[] payload = chacha(hkdf(fileKey, nonce, "payload"), chunkNonce, plaintext);
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      file.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
      file.writeBytes(nonce);
      file.writeBytes(payload);
      Arrays.fill(fileKey, (byte) 0);

      String encoded = Base64.getEncoder().encodeToString(file.toByteArray());
      StringBuilder armor = new StringBuilder("-----BEGIN AGE ENCRYPTED FILE-----\n");
      for (int i = 0; i < encoded.length(); i += 64) {
        armor.append(encoded, i, Math.min(encoded.length(), i + 64)).append('\n');
      }
      return armor.append("-----END AGE ENCRYPTED FILE-----\n").toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot encrypt for age: " + e.getMessage(), e);
    }
  }

  /** Base64 in lines of 64, the last line shorter (so possibly empty), as format.go:58-103 writes a body. */
  private static String wrapped(String base64) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i + 64 <= base64.length(); i += 64) {
      out.append(base64, i, i + 64).append('\n');
    }
    return out.append(base64.substring(i)).toString();
  }

  private static byte[] hkdf(byte[] ikm, byte[] salt, String info) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(ikm, salt, info.getBytes(StandardCharsets.US_ASCII)));
    byte[] key = new byte[32];
    hkdf.generateBytes(key, 0, key.length);
    return key;
  }

  private static byte[] chacha(byte[] key, byte[] nonce, byte[] plaintext) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    return cipher.doFinal(plaintext);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

package dev.kesgen.sealed;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The controller's sealing, byte for byte as bitnami-labs/sealed-secrets@v0.27.1:pkg/crypto/crypto.go:36-72
 * ({@code HybridEncrypt}) does it: a random 32-byte session key (:17, :38-41) wrapped with RSA-OAEP, SHA-256 as the
 * hash <em>and</em> the MGF1 hash (Go's {@code rsa.EncryptOAEP(sha256.New(), ...)} uses one hash for both, :54; the
 * JDK's {@code OAEPWithSHA-256AndMGF1Padding} would use MGF1-SHA-1, which the controller cannot unseal) and the
 * scope label; then AES-256-GCM of the value under the session key with a zero 12-byte nonce and no additional data
 * (:65-69). The result is the RSA ciphertext's length (2 bytes, big-endian, :61-62), the RSA ciphertext, and the
 * AES ciphertext with its 16-byte tag.
 */
final class HybridEncryption {
  static final int SESSION_KEY_BYTES = 32;
  private static final int GCM_NONCE_BYTES = 12;
  private static final int GCM_TAG_BITS = 128;

  private HybridEncryption() {}

  static byte[] encrypt(SecureRandom random, RSAPublicKey publicKey, byte[] plaintext, byte[] label) {
    byte[] sessionKey = new byte[SESSION_KEY_BYTES];
    random.nextBytes(sessionKey);
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
      rsa.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
          new PSource.PSpecified(label)), random);
      byte[] rsaCiphertext = rsa.doFinal(sessionKey);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"),
          new GCMParameterSpec(GCM_TAG_BITS, new byte[GCM_NONCE_BYTES]));
      byte[] aesCiphertext = aes.doFinal(plaintext);
      return ByteBuffer.allocate(2 + rsaCiphertext.length + aesCiphertext.length)
          .putShort((short) rsaCiphertext.length).put(rsaCiphertext).put(aesCiphertext).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot seal: " + e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(sessionKey, (byte) 0);
    }
  }
}

package dev.kesgen.sealed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The layout of a sealed value (crypto.go:59-69: length, RSA ciphertext, AES-GCM ciphertext and tag), and that the
 * label and MGF1-SHA-256 are what the session key is wrapped with: opened here only to show which parameters are
 * used; that the controller unseals it is SealPeerTest's proof.
 */
class HybridEncryptionTest {
  @Test
  void theValueIsLengthRsaCiphertextAndGcmCiphertextWithTheLabelAndMgf1Sha256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    byte[] plaintext = "tls.crt text".getBytes(StandardCharsets.UTF_8);
    byte[] label = "minio-alpha/kes-dev-alpha-client".getBytes(StandardCharsets.UTF_8);

    byte[] sealed = HybridEncryption.encrypt(new SecureRandom(), (RSAPublicKey) pair.getPublic(), plaintext, label);

    int rsaLength = ByteBuffer.wrap(sealed, 0, 2).getShort() & 0xffff;
    assertThat(rsaLength).isEqualTo(256);
    assertThat(sealed).hasSize(2 + 256 + plaintext.length + 16);
    byte[] rsa = Arrays.copyOfRange(sealed, 2, 2 + rsaLength);
    Cipher unwrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
    unwrap.init(Cipher.DECRYPT_MODE, pair.getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1",
        MGF1ParameterSpec.SHA256, new PSource.PSpecified(label)));
    byte[] sessionKey = unwrap.doFinal(rsa);
    assertThat(sessionKey).hasSize(HybridEncryption.SESSION_KEY_BYTES);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(128, new byte[12]));
    assertThat(aes.doFinal(Arrays.copyOfRange(sealed, 2 + rsaLength, sealed.length))).isEqualTo(plaintext);

    // another label, or the JDK's default MGF1-SHA-1, cannot unwrap it
    Cipher otherLabel = Cipher.getInstance("RSA/ECB/OAEPPadding");
    otherLabel.init(Cipher.DECRYPT_MODE, pair.getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1",
        MGF1ParameterSpec.SHA256, new PSource.PSpecified("minio-beta/kes-dev-alpha-client".getBytes(StandardCharsets.UTF_8))));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherLabel.doFinal(rsa))
        .isInstanceOf(javax.crypto.BadPaddingException.class);
    Cipher sha1Mgf = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    sha1Mgf.init(Cipher.DECRYPT_MODE, pair.getPrivate());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sha1Mgf.doFinal(rsa))
        .isInstanceOf(javax.crypto.BadPaddingException.class);
  }

  @Test
  void theLabelOfEachScopeIsTheControllers() {
    assertThat(new String(SealedSecretsSink.label(dev.kesgen.topology.Secrets.SealedSecrets.Scope.STRICT, "ns", "n"),
        StandardCharsets.UTF_8)).isEqualTo("ns/n");
    assertThat(new String(SealedSecretsSink.label(dev.kesgen.topology.Secrets.SealedSecrets.Scope.NAMESPACE_WIDE, "ns",
        "n"), StandardCharsets.UTF_8)).isEqualTo("ns");
    assertThat(SealedSecretsSink.label(dev.kesgen.topology.Secrets.SealedSecrets.Scope.CLUSTER_WIDE, "ns", "n"))
        .isEmpty();
  }
}

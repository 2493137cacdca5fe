package dev.kesgen.pki;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Whether a private key belongs to a certificate, by deriving the public key from the private one. This replaces a
 * trial signature: the JDK's Ed25519 signs and verifies in pure Java at about a millisecond a pair, which made a
 * no-op run over thousands of tenants cost seconds; BouncyCastle derives an Ed25519 or P-256 public key in a
 * fraction of that, and RSA needs only a comparison of the modulus.
 */
final class KeyPairCheck {
  private KeyPairCheck() {}

  static boolean belongsTo(PrivateKey key, X509Certificate certificate) {
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        return certificate.getPublicKey() instanceof RSAPublicKey pub
            && rsa.getModulus().equals(pub.getModulus()) && rsa.getPublicExponent().equals(pub.getPublicExponent());
      }
      AsymmetricKeyParameter priv = PrivateKeyFactory.createKey(key.getEncoded());
      AsymmetricKeyParameter pub = PublicKeyFactory.createKey(
          SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()));
      if (priv instanceof Ed25519PrivateKeyParameters ed && pub instanceof Ed25519PublicKeyParameters edPub) {
        return Arrays.equals(ed.generatePublicKey().getEncoded(), edPub.getEncoded());
      }
      if (priv instanceof ECPrivateKeyParameters ec && pub instanceof ECPublicKeyParameters ecPub) {
        return ec.getParameters().equals(ecPub.getParameters())
            && new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize()
                .equals(ecPub.getQ().normalize());
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}

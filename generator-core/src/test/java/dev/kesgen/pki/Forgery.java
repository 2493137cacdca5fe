package dev.kesgen.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import dev.kesgen.topology.KeyType;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates an attacker (or a careless hand) might commit: for a server profile, with the same CN, SANs and
 * extended key usage as kesgen's, and whatever else the test sets.
 */
public final class Forgery {
  public Instant notBefore = Fixtures.T0;
  public Duration lifetime = Duration.ofDays(365);
  public boolean ca;
  public int keyUsage = KeyUsage.digitalSignature;
  /** The subject's key; a new one of the profile's key type (P-256 or Ed25519) unless set. */
  public KeyPair subjectKey;
  /** The key that signs; the subject's own unless set. */
  public PrivateKey signingKey;
  public String issuer;

  public static KeyPair p256() {
    return key(KeyType.ECDSA_P256);
  }

  static KeyPair key(KeyType type) {
    try {
      if (type == KeyType.ED25519) {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public X509Certificate server(CertificateProfile profile) {
    try {
      X500Name subject = new X500Name("CN=" + profile.commonName());
      KeyPair pair = subjectKey == null ? key(profile.keyType()) : subjectKey;
      PublicKey key = pair.getPublic();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          issuer == null ? subject : new X500Name(issuer), BigInteger.valueOf(4711), Date.from(notBefore),
          Date.from(notBefore.plus(lifetime)), subject, key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(java.util.stream.Stream.concat(
          profile.dnsNames().stream().map(n -> new GeneralName(GeneralName.dNSName, n)),
          profile.ipAddresses().stream().map(ip -> new GeneralName(GeneralName.iPAddress, ip)))
          .toArray(GeneralName[]::new)));
      return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(
          CertificateIssuer.signatureAlgorithm(profile.keyType())).build(signingKey == null ? pair.getPrivate() : signingKey)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

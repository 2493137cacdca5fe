package dev.kesgen.pki;

import dev.kesgen.topology.KeyType;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues self-signed leaf certificates for a {@link CertificateProfile}: keys from the JDK's providers, certificates
 * built with BouncyCastle.
 *
 * <p>A certificate is valid from at most one minute before now (for clock skew between machines) until
 * {@code validity} after now, both on whole seconds as X.509 stores them; so its remaining validity at issue is at
 * least {@code validity}. The serial number is a random positive 127-bit number.
 */
public final class CertificateIssuer {
  private static final Duration BACKDATE = CertificateIntegrity.BACKDATE;
  /**
   * Signs certificates and draws P-256 keys (other keys come from the JDK). A private instance, never registered with
   * {@link java.security.Security}; BouncyCastle's Ed25519 signs an order of magnitude faster than the JDK's
   * pure-Java one, which dominated a first run over thousands of tenants. {@link CertificateIntegrity} verifies
   * committed certificates with it for the same reason. Created on first use (about 0.6 s of a cold start): a run
   * that issues nothing and finds every committed pair in {@link VerifiedPairs} never creates it.
   */
  static java.security.Provider signer() {
    return Signer.PROVIDER;
  }

  /** Holds the provider, created when {@link #signer()} is first called (the JVM initialises this class then). */
  private static final class Signer {
    static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
  }

  private final Clock clock;
  private final SecureRandom random;

  /** An issuer reading time from this clock and drawing keys and serial numbers from this random source. */
  public CertificateIssuer(Clock clock, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** An issuer with a fresh {@link SecureRandom}. */
  public CertificateIssuer(Clock clock) {
    this(clock, new SecureRandom());
  }

  /** A new key pair and a self-signed certificate for it, as the profile says. */
  public IssuedCertificate issue(CertificateProfile profile) {
    Drawn drawn = generateKeyPair(profile.keyType());
    KeyPair keys = drawn.keys();
    Instant now = clock.instant();
    // Round up to the second so that truncation by X.509 never makes the backdate exceed one minute.
    Instant start = now.truncatedTo(ChronoUnit.SECONDS).equals(now)
        ? now : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    Date notBefore = Date.from(start.minus(BACKDATE));
    Date notAfter = Date.from(start.plus(profile.validity().toDuration()));
    X500Name subject = X500Name.getInstance(CertificateFacts.subjectPrincipal(profile).getEncoded());
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          subject, serialNumber(), notBefore, notAfter, subject, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      int usage = KeyUsage.digitalSignature | (profile.keyType().isRsa() ? KeyUsage.keyEncipherment : 0);
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          profile.kind() == CertificateProfile.Kind.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
      List<GeneralName> names = new ArrayList<>();
      profile.dnsNames().forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
      profile.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
      if (!names.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(GeneralName[]::new)));
      }
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(signatureAlgorithm(profile.keyType()))
              .setProvider(signer())
              .setSecureRandom(random)
              .build(drawn.signingKey())));
      return new IssuedCertificate(certificate, keys.getPrivate());
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException | IllegalArgumentException e) {
      throw new PkiException("cannot issue certificate CN=" + profile.commonName() + ": " + e.getMessage(), e);
    }
  }

  /** The JCA signature algorithm kesgen signs certificates of this key type with. */
  public static String signatureAlgorithm(KeyType keyType) {
    return switch (keyType) {
      case ECDSA_P256 -> "SHA256withECDSA";
      case ED25519 -> "Ed25519";
      case RSA_2048, RSA_3072, RSA_4096 -> "SHA256withRSA";
    };
  }

  /**
   * A new key pair, and the private key to sign its certificate with: for P-256 BouncyCastle's own copy of it, which
   * signs several times faster than the JDK key (converted on every signature onto a curve without BouncyCastle's
   * precomputed multiples of the generator; 60% of issuing).
   */
  private record Drawn(KeyPair keys, PrivateKey signingKey) {}

  private Drawn generateKeyPair(KeyType keyType) {
    try {
      KeyPairGenerator generator;
      switch (keyType) {
        case ECDSA_P256 -> {
          return p256KeyPair();
        }
        case ED25519 -> {
          generator = KeyPairGenerator.getInstance("Ed25519");
          generator.initialize(255, random);
        }
        case RSA_2048, RSA_3072, RSA_4096 -> {
          generator = KeyPairGenerator.getInstance("RSA");
          int bits = keyType == KeyType.RSA_2048 ? 2048 : keyType == KeyType.RSA_3072 ? 3072 : 4096;
          generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
        }
        default -> throw new IllegalStateException("unreachable");
      }
      KeyPair keys = generator.generateKeyPair();
      return new Drawn(keys, keys.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new PkiException("this JDK cannot generate " + keyType + " keys: " + e.getMessage(), e);
    }
  }

  /**
   * A P-256 key pair drawn by BouncyCastle (about four times faster than the JDK's generator, which dominated a first
   * run over thousands of tenants) and handed over as the JDK's own key objects, so that keys are encoded exactly as
   * JDK-generated ones (PKCS#8 with the named curve, no embedded public key).
   */
  private Drawn p256KeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", signer());
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    KeyPair drawn = generator.generateKeyPair();
    ECParameterSpec curve = P256.get();
    KeyFactory factory = KeyFactory.getInstance("EC");
    return new Drawn(new KeyPair(
        factory.generatePublic(new ECPublicKeySpec(((ECPublicKey) drawn.getPublic()).getW(), curve)),
        factory.generatePrivate(new ECPrivateKeySpec(((ECPrivateKey) drawn.getPrivate()).getS(), curve))),
        drawn.getPrivate());
  }

  /** The JDK's P-256 parameters (its named curve, so that keys built on them encode the curve by name). */
  private static final class P256 {
    private static final ECParameterSpec SPEC = load();

    static ECParameterSpec get() {
      return SPEC;
    }

    private static ECParameterSpec load() {
      try {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every JDK has P-256", e);
      }
    }
  }

  private BigInteger serialNumber() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    // Clear the sign bit (positive, so DER needs no padding byte) and set the next one (always 127 bits long).
    bytes[0] = (byte) ((bytes[0] & 0x7f) | 0x40);
    return new BigInteger(1, bytes);
  }
}

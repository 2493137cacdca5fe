package dev.kesgen.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** PEM text for certificates and PKCS#8 private keys, always LF line ends, 64-column base64 and a final newline. */
public final class Pem {
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String PRIVATE_KEY = "PRIVATE KEY";

  private Pem() {}

  /** The certificate as a {@code CERTIFICATE} PEM block. */
  public static String encodeCertificate(X509Certificate certificate) {
    try {
      return encode(CERTIFICATE, certificate.getEncoded());
    } catch (CertificateException e) {
      throw new PkiException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  /** The private key as an unencrypted PKCS#8 {@code PRIVATE KEY} PEM block. */
  public static String encodePrivateKey(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("private key is not PKCS#8 encoded: " + key.getFormat());
    }
    byte[] der = key.getEncoded();
    try {
      return encode(PRIVATE_KEY, der);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** The first {@code CERTIFICATE} block of this text; {@link PkiException} if there is none or it is not X.509. */
  public static X509Certificate decodeCertificate(String pem) {
    byte[] der = decode(CERTIFICATE, pem);
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new PkiException("not a valid X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** The first PKCS#8 {@code PRIVATE KEY} block of this text (EC, Ed25519 or RSA). */
  public static PrivateKey decodePrivateKey(String pem) {
    byte[] der = decode(PRIVATE_KEY, pem);
    try {
      ASN1ObjectIdentifier oid = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm();
      String algorithm;
      if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        algorithm = "EC";
      } else if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
        algorithm = "Ed25519";
      } else if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        algorithm = "RSA";
      } else {
        throw new PkiException("unsupported private key algorithm " + oid);
      }
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // The message never includes key material.
      throw new PkiException("not a valid PKCS#8 private key", e);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static String encode(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  private static final Pattern CERTIFICATE_BLOCK = block(CERTIFICATE);
  private static final Pattern PRIVATE_KEY_BLOCK = block(PRIVATE_KEY);

  private static Pattern block(String label) {
    return Pattern.compile(
        "-----BEGIN " + Pattern.quote(label) + "-----\\R([A-Za-z0-9+/=\\s]*?)-----END " + Pattern.quote(label) + "-----");
  }

  private static byte[] decode(String label, String pem) {
    Objects.requireNonNull(pem, "pem");
    // compiled once: compiling per certificate was a visible share of a 10,000-tenant no-op
    Pattern block = label.equals(CERTIFICATE) ? CERTIFICATE_BLOCK
        : label.equals(PRIVATE_KEY) ? PRIVATE_KEY_BLOCK : block(label);
    Matcher m = block.matcher(pem);
    if (!m.find()) {
      throw new PkiException("no PEM block '" + label + "' found");
    }
    try {
      return Base64.getMimeDecoder().decode(m.group(1));
    } catch (IllegalArgumentException e) {
      throw new PkiException("PEM block '" + label + "' is not valid base64", e);
    }
  }
}

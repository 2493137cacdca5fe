package dev.kesgen.pki;

import dev.kesgen.topology.KeyType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.IPAddress;

/**
 * What kesgen compares in a certificate, read from the public certificate alone, in a normalised form.
 *
 * @param kind SERVER or CLIENT from the extended key usage; empty if it has neither or both
 * @param subject the subject in RFC 2253 form, for example {@code CN=kes}
 * @param dnsNames the DNS subject alternative names, lower case, in certificate order
 * @param ipAddresses the IP subject alternative names in canonical textual form, in certificate order
 * @param keyType the key type; empty for a key kesgen does not issue (for example ECDSA P-384)
 * @param notBefore the start of the validity period
 * @param notAfter the end of the validity period
 */
public record CertificateFacts(
    Optional<CertificateProfile.Kind> kind,
    String subject,
    List<String> dnsNames,
    List<String> ipAddresses,
    Optional<KeyType> keyType,
    Instant notBefore,
    Instant notAfter) {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  public CertificateFacts {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }

  /** The facts of this certificate. */
  public static CertificateFacts of(X509Certificate certificate) {
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> name : names) {
          int type = (Integer) name.get(0);
          if (type == 2) {
            dns.add(dnsName((String) name.get(1)));
          } else if (type == 7) {
            ips.add(ipAddress((String) name.get(1)));
          }
        }
      }
      List<String> eku = certificate.getExtendedKeyUsage();
      Optional<CertificateProfile.Kind> kind = Optional.empty();
      if (eku != null && eku.contains(SERVER_AUTH) != eku.contains(CLIENT_AUTH)) {
        kind = Optional.of(eku.contains(SERVER_AUTH) ? CertificateProfile.Kind.SERVER : CertificateProfile.Kind.CLIENT);
      }
      return new CertificateFacts(
          kind, certificate.getSubjectX500Principal().getName(), dns, ips, keyType(certificate),
          certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    } catch (CertificateParsingException | CertificateEncodingException e) {
      throw new PkiException("cannot read certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  /** The subject a certificate of this profile has, in the same RFC 2253 form as {@link #subject()}. */
  public static String subjectOf(CertificateProfile profile) {
    return subjectPrincipal(profile).getName();
  }

  static X500Principal subjectPrincipal(CertificateProfile profile) {
    return new X500Principal("CN=" + escape(profile.commonName()));
  }

  /** A DNS name in the form {@link #dnsNames()} holds: lower case, as DNS names compare case-insensitively. */
  public static String dnsName(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** An IP literal in canonical form (so {@code ::1} and {@code 0:0:0:0:0:0:0:1} compare equal); other text as is. */
  public static String ipAddress(String literal) {
    // Only a validated literal reaches InetAddress, so this never performs a DNS lookup.
    if (!IPAddress.isValid(literal)) {
      return literal;
    }
    try {
      return InetAddress.getByName(literal).getHostAddress();
    } catch (UnknownHostException e) {
      return literal;
    }
  }

  private static Optional<KeyType> keyType(X509Certificate certificate) throws CertificateEncodingException {
    // the SubjectPublicKeyInfo alone (the bytes the identity is the hash of), not the whole certificate parsed again
    AlgorithmIdentifier algorithm = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())
        .getAlgorithm();
    if (algorithm.getAlgorithm().equals(EdECObjectIdentifiers.id_Ed25519)) {
      return Optional.of(KeyType.ED25519);
    }
    if (algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      ASN1Encodable curve = algorithm.getParameters();
      return SECObjectIdentifiers.secp256r1.equals(curve) ? Optional.of(KeyType.ECDSA_P256) : Optional.empty();
    }
    if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
      return switch (rsa.getModulus().bitLength()) {
        case 2048 -> Optional.of(KeyType.RSA_2048);
        case 3072 -> Optional.of(KeyType.RSA_3072);
        case 4096 -> Optional.of(KeyType.RSA_4096);
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (",+\"\\<>;=#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}

package dev.kesgen.pki;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * Recognises a DER-encoded private key by its ASN.1 structure, whatever the file is called: PKCS#8
 * ({@code PrivateKeyInfo}/{@code OneAsymmetricKey}: version 0 or 1, an algorithm identifier, an octet string),
 * encrypted PKCS#8 (a PKCS#5 or PKCS#12 encryption algorithm and an octet string), PKCS#1 {@code RSAPrivateKey}
 * (version and eight integers) and SEC1 {@code ECPrivateKey} (version 1, an octet string, optional tagged
 * parameters and public key). A certificate starts with a sequence, not an integer, so it never matches.
 */
public final class DerPrivateKeys {
  private static final String PKCS5 = "1.2.840.113549.1.5.";
  private static final String PKCS12_PBE = "1.2.840.113549.1.12.1.";

  private DerPrivateKeys() {}

  /** Whether these bytes are exactly one DER private key (nothing before or after it). */
  public static boolean isPrivateKey(byte[] bytes) {
    if (bytes.length < 8 || bytes[0] != 0x30) {
      return false;
    }
    try (ASN1InputStream in = new ASN1InputStream(bytes)) {
      ASN1Primitive object = in.readObject();
      if (in.available() != 0 || !(object instanceof ASN1Sequence sequence)) {
        return false;
      }
      return pkcs8(sequence) || encryptedPkcs8(sequence) || pkcs1(sequence) || sec1(sequence);
    } catch (IOException | RuntimeException e) {
      return false; // not DER at all
    }
  }

  private static boolean pkcs8(ASN1Sequence s) {
    return s.size() >= 3 && s.size() <= 5 && version(s.getObjectAt(0), 0, 1)
        && s.getObjectAt(1) instanceof ASN1Sequence algorithm && algorithm.size() >= 1
        && algorithm.getObjectAt(0) instanceof ASN1ObjectIdentifier
        && s.getObjectAt(2) instanceof ASN1OctetString;
  }

  private static boolean encryptedPkcs8(ASN1Sequence s) {
    if (s.size() != 2 || !(s.getObjectAt(0) instanceof ASN1Sequence algorithm) || algorithm.size() < 1
        || !(algorithm.getObjectAt(0) instanceof ASN1ObjectIdentifier oid)
        || !(s.getObjectAt(1) instanceof ASN1OctetString)) {
      return false;
    }
    return oid.getId().startsWith(PKCS5) || oid.getId().startsWith(PKCS12_PBE);
  }

  private static boolean pkcs1(ASN1Sequence s) {
    if (s.size() < 9 || !version(s.getObjectAt(0), 0, 1)) {
      return false;
    }
    for (int i = 1; i < 9; i++) {
      if (!(s.getObjectAt(i) instanceof ASN1Integer)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sec1(ASN1Sequence s) {
    if (s.size() < 2 || s.size() > 4 || !version(s.getObjectAt(0), 1, 1) || !(s.getObjectAt(1) instanceof ASN1OctetString)) {
      return false;
    }
    for (int i = 2; i < s.size(); i++) {
      if (!(s.getObjectAt(i) instanceof ASN1TaggedObject)) {
        return false;
      }
    }
    return true;
  }

  private static boolean version(ASN1Encodable element, int low, int high) {
    return element instanceof ASN1Integer version && version.getValue().bitLength() < 8
        && version.getValue().intValue() >= low && version.getValue().intValue() <= high;
  }
}

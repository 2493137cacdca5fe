package dev.kesgen.pki;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A KES API key, the secret MinIO reads from {@code MINIO_KMS_KES_API_KEY} instead of a client certificate and key.
 *
 * <p>The text form is {@code kes:v1:} followed by the standard, padded base64 of one type byte {@code 0x00} (Ed25519)
 * and the 32-byte Ed25519 seed (minio/kms-go@kes/v0.3.1:kes/apikey.go:163-169, the same at
 * minio/kms-go@v0.1.0:apikey.go, which is minio/kes-go v0.1.0). 33 bytes are exactly 44 base64 characters, so a
 * well-formed key has no {@code =} padding. The identity is the lowercase hex SHA-256 of the DER
 * SubjectPublicKeyInfo of the Ed25519 public key, OID 1.3.101.112 with no parameters
 * (minio/kms-go@kes/v0.3.1:kes/apikey.go:171-186). It equals the identity KES computes for MinIO's client certificate,
 * which MinIO makes from this key at start-up (kes.GenerateCertificate, apikey.go:100-143; used at
 * minio/minio@RELEASE.2023-02-17T17-52-43Z:internal/kms/kes.go:83-89) and KES hashes as
 * {@code sha256(cert.RawSubjectPublicKeyInfo)} (minio/kes@2025-03-12T09-35-18Z:auth.go:99). So the identity is known
 * before anything is deployed, like a certificate's.
 *
 * <p>kesgen reads the text form more strictly than MinIO's parser: kms-go kes/v0.3.x only trims the prefix when
 * present (kes/apikey.go:71), and Go's base64 decoder skips CR and LF; kesgen requires the exact prefix and exactly
 * 44 base64 characters, so what it accepts every MinIO release accepts. No message of this class contains the key or
 * a part of it, and {@link #toString()} shows only the identity.
 */
public final class KesApiKey {
  /** The prefix of the text form. */
  public static final String PREFIX = "kes:v1:";

  private static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
  private static final byte ED25519_TYPE = 0;
  private static final int ENCODED_LENGTH = 44;
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{" + ENCODED_LENGTH + "}");
  private static final Pattern PADDED_BASE64 =
      Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
  private static final Pattern OTHER_VERSION = Pattern.compile("kes:(v[0-9]{1,3}):.*", Pattern.DOTALL);
  private static final String FORM = "a KES API key is \"" + PREFIX + "\" followed by 44 base64 characters "
      + "(a 0 byte and a 32-byte Ed25519 seed)";

  private final byte[] seed;
  private final Identity identity;

  private KesApiKey(byte[] seed) {
    this.seed = seed;
    this.identity = Identity.ofSpki(publicKeyInfo(seed));
  }

  /**
   * A new random key: 32 bytes from {@code random} are the seed, as Go's {@code ed25519.GenerateKey(rand)} reads them
   * (minio/kms-go@kes/v0.3.1:kes/apikey.go:49-50).
   */
  public static KesApiKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return new KesApiKey(seed);
  }

  /**
   * The API key of an Ed25519 private key: its 32-byte seed, as Go's {@code ed25519.PrivateKey.Seed()} and the
   * PKCS#8 {@code CurvePrivateKey} (RFC 8410 section 7) hold it. kesgen keeps an API key as the private key of its
   * record certificate, so every secret sink stores it as it stores any private key.
   *
   * @throws IllegalArgumentException if the PEM is not an Ed25519 private key; the message never contains it
   */
  public static KesApiKey fromPrivateKeyPem(String pem) {
    Objects.requireNonNull(pem, "pem");
    byte[] encoded = Pem.decodePrivateKey(pem).getEncoded();
    byte[] seed = null;
    try {
      org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(encoded);
      if (!info.getPrivateKeyAlgorithm().getAlgorithm().equals(EdECObjectIdentifiers.id_Ed25519)) {
        throw new IllegalArgumentException("a KES API key is an Ed25519 key, and this private key is not one");
      }
      seed = org.bouncycastle.asn1.ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
      if (seed.length != SEED_LENGTH) {
        throw new IllegalArgumentException("the Ed25519 private key has a seed of " + seed.length + " bytes, not 32");
      }
      return new KesApiKey(seed.clone());
    } catch (IOException e) {
      throw new IllegalArgumentException("the Ed25519 private key cannot be read: " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
    }
  }

  /**
   * The {@code config.env} file MinIO reads through {@code MINIO_CONFIG_ENV_FILE}: one line
   * {@code export MINIO_KMS_KES_API_KEY=<key>}. MinIO's parser trims the line, drops {@code export}, splits at the
   * first {@code =} and strips one pair of quotes (minio/minio@RELEASE.2023-02-17T17-52-43Z:cmd/common-main.go:478-512,
   * the same at RELEASE.2025-10-15T17-29-55Z:cmd/common-main.go:568-602); the key has no quote, space or {@code =}.
   * A secret.
   */
  public String configEnv() {
    return "export MINIO_KMS_KES_API_KEY=" + encoded() + "\n";
  }

  /**
   * Reads the text form.
   *
   * @throws IllegalArgumentException if {@code text} is not {@code kes:v1:} and 44 base64 characters of a 0 byte
   *     and a 32-byte seed; the message says which and never contains the key
   */
  public static KesApiKey parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.equals(text.strip())) {
      throw new IllegalArgumentException("the KES API key has white space before or after it; " + FORM
          + ", nothing else");
    }
    if (!text.startsWith(PREFIX)) {
      var version = OTHER_VERSION.matcher(text);
      if (version.matches()) {
        throw new IllegalArgumentException("the KES API key is of version " + version.group(1)
            + ", which neither KES nor MinIO knows; " + FORM);
      }
      throw new IllegalArgumentException("the KES API key does not start with \"" + PREFIX + "\"; " + FORM);
    }
    String body = text.substring(PREFIX.length());
    if (!BASE64.matcher(body).matches()) {
      throw new IllegalArgumentException("the KES API key " + misfit(body) + "; " + FORM);
    }
    byte[] decoded = Base64.getDecoder().decode(body);
    try {
      if (decoded[0] != ED25519_TYPE) {
        throw new IllegalArgumentException("the KES API key is not of type 0 (Ed25519), the only type KES and "
            + "MinIO know; " + FORM);
      }
      return new KesApiKey(Arrays.copyOfRange(decoded, 1, decoded.length));
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
  }

  /** What is wrong with a body that is not 44 base64 characters, without quoting any of it. */
  private static String misfit(String body) {
    if (PADDED_BASE64.matcher(body).matches()) {
      int bytes = body.length() / 4 * 3 - (body.length() - body.replace("=", "").length());
      return "decodes to " + bytes + " bytes, not 33";
    }
    if (body.length() != ENCODED_LENGTH) {
      return "has " + body.length() + " characters after \"" + PREFIX + "\", not 44";
    }
    return "has characters after \"" + PREFIX + "\" that are not base64 (A-Z a-z 0-9 + /)";
  }

  /** The identity KES sees for a MinIO that authenticates with this key. */
  public Identity identity() {
    return identity;
  }

  /** The text form {@code kes:v1:...}: a secret, for the secret sink only. */
  public String encoded() {
    byte[] raw = new byte[1 + SEED_LENGTH];
    raw[0] = ED25519_TYPE;
    System.arraycopy(seed, 0, raw, 1, SEED_LENGTH);
    try {
      return PREFIX + Base64.getEncoder().encodeToString(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** The DER SubjectPublicKeyInfo of the key's Ed25519 public key, whose SHA-256 is {@link #identity()}. */
  public byte[] publicKeyInfo() {
    return publicKeyInfo(seed);
  }

  private static byte[] publicKeyInfo(byte[] seed) {
    byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    try {
      return new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), publicKey)
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory cannot fail", e);
    }
  }

  /** Keys are equal when their seeds are; compared in constant time. */
  @Override
  public boolean equals(Object other) {
    return other instanceof KesApiKey key && MessageDigest.isEqual(seed, key.seed);
  }

  @Override
  public int hashCode() {
    return identity.hashCode();
  }

  /** Only the identity: the key itself never reaches a log. */
  @Override
  public String toString() {
    return "KesApiKey[identity=" + identity.hex() + "]";
  }
}

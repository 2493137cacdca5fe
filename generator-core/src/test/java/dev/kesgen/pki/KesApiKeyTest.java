package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test vectors are test data copied from minio/kms-go@kes/v0.3.1:kes/apikey_test.go (the same lines at
 * minio/kms-go@v0.1.0:apikey_test.go, minio/kes-go v0.1.0): the example at :17-23 and :43-49, the parse table at
 * :85-90 and the identity table at :97-98. MinIO parses {@code MINIO_KMS_KES_API_KEY} with that code
 * (minio/minio@RELEASE.2023-02-17T17-52-43Z:cmd/common-main.go:831 with kes-go v0.1.0;
 * minio/minio@RELEASE.2025-10-15T17-29-55Z:internal/kms/config.go:187 with kms-go/kes v0.3.1).
 */
class KesApiKeyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    // apikey_test.go:97-98
    "kes:v1:ACQpoGqx3rHHjT938Hfu5hVVQJHZWSqVI2Xp1KlYxFVw, 0426fa9a04bc2756b92fbe8a97e1a1e07b53ecf04ed33da22c33e5c9faeb8cbb",
    "kes:v1:AMxvd2uV1l5dDSRwuKZxSjuM5BDemlr+685+JAHA1TuJ, ab785e3b95d80d72cc9c27cb9fde886a0bf9068a69d40e3bd08a54e68c3f2bf7",
    // apikey_test.go:43-49 (ExampleAPIKey_Identity)
    "kes:v1:AGaV6VXHasF0FnaB60WdCOeTZ8eTIDikL4zlN16c8NAs, ea9826089311fe44d7590408ede9150f7c637b6cab0a91ee6fe1aa5d9fb366f6"
  })
  void identityIsTheOneKmsGoComputes(String key, String identity) {
    assertThat(KesApiKey.parse(key).identity()).isEqualTo(new Identity(identity));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    // apikey_test.go:85-86
    "kes:v1:AGaV6VXHasF0FnaB60WdCOeTZ8eTIDikL4zlN16c8NAs",
    "kes:v1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08E"
  })
  void parsedKeyEncodesToTheSameText(String key) {
    assertThat(KesApiKey.parse(key).encoded()).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // apikey_test.go:88-90: no "kes:", no "v1:", and type byte 0xb1
    "v1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08E      | does not start with \"kes:v1:\"",
    "kes:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08E     | does not start with \"kes:v1:\"",
    "kes:v1:sbDvZFqUPFFwxRS4EkuoEb2nyyInkdKSUEYHXFHeTouW  | is not of type 0 (Ed25519)",
    // kms-go kes/v0.3.x accepts a key without the prefix (kes/apikey.go:71 only trims it); kesgen does not
    "AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08E         | does not start with \"kes:v1:\"",
    "kes:v2:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08E  | is of version v2, which neither KES nor MinIO knows",
    "KES:V1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08E  | does not start with \"kes:v1:\"",
    // 32 and 34 bytes
    "kes:v1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08=  | decodes to 32 bytes, not 33",
    "kes:v1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08EAA== | decodes to 34 bytes, not 33",
    "kes:v1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08   | has 43 characters after \"kes:v1:\", not 44",
    // URL-safe alphabet, which Go's StdEncoding refuses
    "kes:v1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08_  | that are not base64",
  })
  void refusesWhatIsNotAVersion1Ed25519Key(String text, String reason) {
    assertThatThrownBy(() -> KesApiKey.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason)
        .hasMessageContaining("a KES API key is \"kes:v1:\" followed by 44 base64 characters")
        .satisfies(e -> assertNoPartOfTheKey(e.getMessage(), text));
  }

  @Test
  void refusesSurroundingWhiteSpaceThatGoWouldSkip() {
    String key = "kes:v1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08E";

    for (String text : List.of(key + "\n", " " + key, key + "\r\n")) {
      assertThatThrownBy(() -> KesApiKey.parse(text))
          .hasMessageContaining("white space before or after it")
          .satisfies(e -> assertNoPartOfTheKey(e.getMessage(), key));
    }
  }

  @Test
  void refusesAnEmptyKey() {
    assertThatThrownBy(() -> KesApiKey.parse("kes:v1:")).hasMessageContaining("decodes to 0 bytes, not 33");
  }

  @Test
  void generatesTheSeedFromTheRandomSource() {
    byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode("ACQpoGqx3rHHjT938Hfu5hVVQJHZWSqVI2Xp1KlYxFVw"), 1, 33);

    KesApiKey key = KesApiKey.generate(replaying(seed));

    assertThat(key.encoded()).isEqualTo("kes:v1:ACQpoGqx3rHHjT938Hfu5hVVQJHZWSqVI2Xp1KlYxFVw");
    assertThat(key.identity().hex()).isEqualTo("0426fa9a04bc2756b92fbe8a97e1a1e07b53ecf04ed33da22c33e5c9faeb8cbb");
  }

  @Test
  void generatedKeysDifferAndParseBack() {
    SecureRandom random = new SecureRandom();
    KesApiKey first = KesApiKey.generate(random);
    KesApiKey second = KesApiKey.generate(random);

    assertThat(first).isNotEqualTo(second);
    assertThat(first.identity()).isNotEqualTo(second.identity());
    assertThat(KesApiKey.parse(first.encoded())).isEqualTo(first);
    assertThat(first.encoded()).matches("kes:v1:A[A-P][A-Za-z0-9+/]{42}");
  }

  @Test
  void toStringShowsOnlyTheIdentity() {
    String text = "kes:v1:AM0F5TP43FYEShMzA42f2drFYGnBOiNx7UH4DK0nm08E";
    KesApiKey key = KesApiKey.parse(text);

    assertThat(key.toString()).isEqualTo("KesApiKey[identity=" + key.identity().hex() + "]");
    assertNoPartOfTheKey(key.toString(), text);
  }

  @Test
  void publicKeyInfoIsEd25519SpkiAndHashesToTheIdentity() throws Exception {
    KesApiKey key = KesApiKey.parse("kes:v1:AGaV6VXHasF0FnaB60WdCOeTZ8eTIDikL4zlN16c8NAs");

    byte[] spki = key.publicKeyInfo();

    // SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (32 bytes) }, RFC 8410
    assertThat(HexFormat.of().formatHex(spki, 0, 12)).isEqualTo("302a300506032b6570032100");
    assertThat(spki).hasSize(44);
    assertThat(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(spki)))
        .isEqualTo(key.identity().hex());
  }

  /**
   * An implementation that is not kesgen's derives the public key: openssl reads the seed as an RFC 8410 PKCS#8
   * private key and writes the SubjectPublicKeyInfo, which is hashed as KES hashes a certificate's.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "kes:v1:ACQpoGqx3rHHjT938Hfu5hVVQJHZWSqVI2Xp1KlYxFVw",
    "kes:v1:AMxvd2uV1l5dDSRwuKZxSjuM5BDemlr+685+JAHA1TuJ",
    "generated"
  })
  void identityEqualsWhatOpensslDerivesFromTheSeed(String text) throws Exception {
    KesApiKey key = text.equals("generated") ? KesApiKey.generate(new SecureRandom()) : KesApiKey.parse(text);
    byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(key.encoded().substring(7)), 1, 33);
    byte[] pkcs8 = concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), seed);
    Files.write(dir.resolve("seed.der"), pkcs8);

    Processes.Result spki = Processes.run(dir, List.of("sh", "-c",
        "openssl pkey -inform DER -in seed.der -pubout -outform DER > spki.der && sha256sum spki.der"), "", 20);

    assertThat(spki.exitCode()).as(spki.stderr()).isZero();
    assertThat(spki.stdout().substring(0, 64)).isEqualTo(key.identity().hex());
    assertThat(Files.readAllBytes(dir.resolve("spki.der"))).isEqualTo(key.publicKeyInfo());
  }

  private static void assertNoPartOfTheKey(String message, String text) {
    String body = text.contains(":") ? text.substring(text.lastIndexOf(':') + 1) : text;
    for (int i = 0; i + 8 <= body.strip().length(); i++) {
      assertThat(message).doesNotContain(body.strip().substring(i, i + 8));
    }
  }

  private static SecureRandom replaying(byte[] bytes) {
    return new SecureRandom() {
      private static final long serialVersionUID = 1L;
      private int used;

      @Override
      public void nextBytes(byte[] out) {
        if (used + out.length > bytes.length) {
          throw new AssertionError("asked for more than the " + bytes.length + " bytes of the test seed");
        }
        System.arraycopy(bytes, used, out, 0, out.length);
        used += out.length;
      }
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

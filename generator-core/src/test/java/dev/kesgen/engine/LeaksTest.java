package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each form a secret leaks in, and what must not be mistaken for one. */
class LeaksTest {
  private static java.util.Set<Leaks.Kind> kinds(String text) {
    return Leaks.in(text.getBytes(StandardCharsets.UTF_8)).keySet();
  }

  private static java.util.Set<Leaks.Kind> kinds(byte[] bytes) {
    return Leaks.in(bytes).keySet();
  }

  @Test
  void derKeysInEveryEncodingAreFound() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] pkcs8Ec = ec.generateKeyPair().getPrivate().getEncoded();
    byte[] sec1 = PrivateKeyInfo.getInstance(pkcs8Ec).parsePrivateKey().toASN1Primitive().getEncoded();
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    byte[] pkcs8Rsa = rsa.generateKeyPair().getPrivate().getEncoded();
    byte[] pkcs1 = PrivateKeyInfo.getInstance(pkcs8Rsa).parsePrivateKey().toASN1Primitive().getEncoded();
    byte[] ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();

    for (byte[] der : new byte[][] {pkcs8Ec, sec1, pkcs8Rsa, pkcs1, ed25519}) {
      assertThat(kinds(der)).containsExactly(Leaks.Kind.PRIVATE_KEY);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "hvs.CAESIJlWh0kVtQ1bqWcmzGyr8Hx5Hq3UuGZ2Bq9yHvWxLqNyGh4KHGh2cy5xN1FyUWdXOUVx",
      "token: hvb.AAAAAQJ2yF_y5mLzK8L8Zp0Q0t3QHt7pX2yq-a1Bc",
      "hvr.AbCdEfGhIjKlMnOpQrStUvWx",
      "VAULT_TOKEN=s.Xq3MvK8pL2nR7tY4wZ6bC9dF",
      "b.AAAAAQKz2LrqS0yzkJk-X7a3ZyqWmUVvpVtJw9",
      "\"r.Xq3MvK8pL2nR7tY4wZ6bC9dF\""})
  void vaultAndOpenBaoTokensAreFound(String text) {
    assertThat(kinds(text)).containsExactly(Leaks.Kind.TOKEN);
  }

  /** The token scan starts at each dot; a token is still found wherever it stands in a file. */
  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n", "\r\n", "\t", ":", "=", "\"", "'", ",", "(", "[", "{", "/", "@", "#"})
  void aTokenIsFoundAtTheStartOfAFileAndAfterEverySeparator(String separator) {
    String token = "s.Xq3MvK8pL2nR7tY4wZ6bC9dF";
    assertThat(kinds(separator + token)).containsExactly(Leaks.Kind.TOKEN);
    assertThat(kinds("line one. ends with a dot.\nkey" + (separator.isEmpty() ? " " : separator) + token + "\n"))
        .containsExactly(Leaks.Kind.TOKEN);
    assertThat(kinds(("host: a.b.svc" + separator).repeat(1000) + " hvs.CAESIJlWh0kVtQ1bqWcmzGyr8Hx5Hq3U"))
        .containsExactly(Leaks.Kind.TOKEN);
    assertThat(kinds("x" + token)).as("inside a word it is not a token").isEmpty();
  }

  /** The secret-id expression runs only where "secret" appears, in any case; every case is still found. */
  @ParameterizedTest
  @ValueSource(strings = {"secret_id: ", "SECRET_ID=", "SeCrEt-Id: ", "KES_APPROLE_SECRET=", "\"secret\": \"",
      "x: 1\nsecret_id   "})
  void secretIdsInAnyCaseAreFoundAlsoAtTheStartOfAFile(String prefix) {
    String id = "5b2f6e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
    assertThat(kinds(prefix + id)).containsExactly(Leaks.Kind.SECRET_ID);
    assertThat(kinds("a: b\n" + prefix + id + "\n")).containsExactly(Leaks.Kind.SECRET_ID);
    assertThat(Leaks.mentionsSecret(prefix)).isTrue();
    assertThat(Leaks.mentionsSecret("secre")).isFalse();
    assertThat(Leaks.mentionsSecret("xsecretx")).isTrue();
  }

  @Test
  void aSecretsStringDataAndJsonSecretsAreSearchedToo() {
    assertThat(kinds("apiVersion: v1\nkind: Secret\nmetadata: {name: x}\nstringData:\n  token: s.Xq3MvK8pL2nR7tY4wZ6bC9dF\n"))
        .containsExactly(Leaks.Kind.TOKEN);
    String key = Base64.getEncoder().encodeToString("-----BEGIN PRIVATE KEY-----\nMIG\n".getBytes(StandardCharsets.UTF_8));
    assertThat(kinds("{\"kind\": \"Secret\", \"metadata\": {\"name\": \"x\"}, \"data\": {\"tls.key\": \"" + key + "\"}}"))
        .containsExactly(Leaks.Kind.PRIVATE_KEY);
    // a Secret that does not parse as YAML (a Helm template) is still decoded line by line
    assertThat(kinds("kind: Secret\nmetadata:\n  name: {{ .Values.name }}\ndata:\n  tls.key: " + key + "\n"))
        .containsExactly(Leaks.Kind.PRIVATE_KEY);
  }

  @Test
  void publicThingsAreNotSecrets() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    String certificate = dev.kesgen.pki.Pem.encodeCertificate(new dev.kesgen.pki.CertificateIssuer(java.time.Clock.systemUTC())
        .issue(new dev.kesgen.pki.CertificateProfile(dev.kesgen.pki.CertificateProfile.Kind.SERVER, "kes",
            java.util.List.of("kes.kes-dev.svc"), java.util.List.of(), dev.kesgen.topology.KeyType.ED25519,
            new dev.kesgen.topology.GoDuration(365, 'd'), new dev.kesgen.topology.GoDuration(30, 'd')))
        .certificate());
    byte[] der = dev.kesgen.pki.Pem.decodeCertificate(certificate).getEncoded();
    String crt = Base64.getEncoder().encodeToString(certificate.getBytes(StandardCharsets.UTF_8));

    assertThat(kinds(certificate)).isEmpty();
    assertThat(kinds(der)).isEmpty();
    assertThat(kinds(ec.generateKeyPair().getPublic().getEncoded())).isEmpty();
    assertThat(kinds("kind: Secret\nmetadata: {name: kes-tls}\ndata:\n  tls.crt: " + crt + "\n")).isEmpty();
    assertThat(kinds("identity: 3ab9a4f0c2d1e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0\n")).isEmpty();
    assertThat(kinds("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  kes/dev/values.yaml\n")).isEmpty();
    assertThat(kinds("secret_id_accessor    0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\n")).isEmpty();
    assertThat(kinds("endpoint: https://kes.s.armadillo-gecko-namespace-long.svc\nhost: s.abcdefghijklmnopqrstuvwxyz\n"))
        .isEmpty();
    assertThat(kinds("secret: \"${KES_APPROLE_SECRET}\"\nsecret_id_ttl: 0\n")).isEmpty();
  }

  private static final String SECRET_ID = "5b2f6e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";

  private static java.util.Map<Leaks.Kind, String> leaks(String text) {
    return Leaks.in(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] ecKey() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    return ec.generateKeyPair().getPrivate().getEncoded();
  }

  private static String pemKey() throws Exception {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(ecKey())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static String certificate() throws Exception {
    return dev.kesgen.pki.Pem.encodeCertificate(new dev.kesgen.pki.CertificateIssuer(java.time.Clock.systemUTC())
        .issue(new dev.kesgen.pki.CertificateProfile(dev.kesgen.pki.CertificateProfile.Kind.SERVER, "kes",
            java.util.List.of("kes.kes-dev.svc"), java.util.List.of(), dev.kesgen.topology.KeyType.ED25519,
            new dev.kesgen.topology.GoDuration(365, 'd'), new dev.kesgen.topology.GoDuration(30, 'd')))
        .certificate());
  }

  @Test
  void aSecretKeptAsAYamlStringIsDecodedToo() throws Exception {
    String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: kes-dev-approle\ndata:\n  secret-id: "
        + b64(SECRET_ID) + "\n";
    // a ConfigMap value in a block scalar
    String blockScalar = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  secret.yaml: |\n"
        + secret.indent(4);
    // the same as one JSON string, where the line breaks are \n and no line starts with kind
    String json = "{\"kind\": \"ConfigMap\", \"data\": {\"secret.yaml\": \"" + secret.replace("\n", "\\n") + "\"}}";

    assertThat(leaks(blockScalar)).containsExactly(java.util.Map.entry(Leaks.Kind.SECRET_ID,
        " (in Secret kes-dev-approle, data.secret-id, base64, inside a YAML string)"));
    assertThat(leaks(json)).containsExactly(java.util.Map.entry(Leaks.Kind.SECRET_ID,
        " (in Secret kes-dev-approle, data.secret-id, base64, inside a YAML string)"));
  }

  @Test
  void yamlBinaryDataIsDecoded() throws Exception {
    assertThat(leaks("approle:\n  secret: !!binary " + b64(SECRET_ID) + "\n"))
        .containsExactly(java.util.Map.entry(Leaks.Kind.SECRET_ID, " (!!binary)"));
    assertThat(leaks("tls:\n  key: !!binary |\n" + Base64.getMimeEncoder().encodeToString(ecKey()).indent(4)))
        .containsExactly(java.util.Map.entry(Leaks.Kind.PRIVATE_KEY, " (!!binary)"));
  }

  @Test
  void base64OfBase64IsDecodedAgain() throws Exception {
    assertThat(leaks("kind: Secret\nmetadata: {name: kes-tls}\ndata:\n  tls.key: " + b64(b64(pemKey())) + "\n"))
        .containsExactly(java.util.Map.entry(Leaks.Kind.PRIVATE_KEY, " (in Secret kes-tls, data.tls.key, base64, base64)"));
    // outside a Secret: 64 characters of base64 of the base64 of a secret id
    assertThat(leaks("approleSecret: " + b64(b64(SECRET_ID)) + "\n"))
        .containsExactly(java.util.Map.entry(Leaks.Kind.SECRET_ID, " (base64 at line 1, base64)"));
  }

  @Test
  void aBase64OrHexKeyOutsideASecretIsFound() throws Exception {
    String wrapped = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(pemKey().getBytes(StandardCharsets.UTF_8));
    String hexDer = java.util.HexFormat.of().formatHex(ecKey());
    String xxd = hexDer.replaceAll("(.{60})", "$1\n"); // xxd -p wraps at 60 digits

    assertThat(leaks("# values\ntls:\n  key: " + b64(pemKey()) + "\n"))
        .containsExactly(java.util.Map.entry(Leaks.Kind.PRIVATE_KEY, " (base64 at line 3)"));
    assertThat(leaks("tls:\n  key: |\n" + wrapped.indent(4)))
        .containsExactly(java.util.Map.entry(Leaks.Kind.PRIVATE_KEY, " (base64 at line 3)"));
    assertThat(leaks("{\"key\": \"" + b64(ecKey()) + "\"}"))
        .containsExactly(java.util.Map.entry(Leaks.Kind.PRIVATE_KEY, " (base64 at line 1)"));
    assertThat(leaks("key = \"" + hexDer + "\"\n")).containsExactly(java.util.Map.entry(Leaks.Kind.PRIVATE_KEY, " (hex at line 1)"));
    assertThat(leaks(xxd)).containsExactly(java.util.Map.entry(Leaks.Kind.PRIVATE_KEY, " (hex at line 1)"));
    assertThat(leaks("pem: " + java.util.HexFormat.of().formatHex(pemKey().getBytes(StandardCharsets.UTF_8))))
        .containsExactly(java.util.Map.entry(Leaks.Kind.PRIVATE_KEY, " (hex at line 1)"));
    assertThat(Leaks.Kind.PRIVATE_KEY.fix).contains("rotate");
  }

  @Test
  void encodedCertificatesIdentitiesAndChecksumsAreNotSecrets() throws Exception {
    String certificate = certificate();
    byte[] der = dev.kesgen.pki.Pem.decodeCertificate(certificate).getEncoded();
    String identities = "identities:\n" + ("  3ab9a4f0c2d1e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0\n").repeat(3)
        + ("3ab9a4f0c2d1e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0\n").repeat(3);
    String sha512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

    assertThat(kinds("tls:\n  crt: " + b64(certificate) + "\n")).isEmpty();
    assertThat(kinds("tls:\n  crt: |\n" + Base64.getMimeEncoder().encodeToString(certificate.getBytes(StandardCharsets.UTF_8)).indent(4))).isEmpty();
    assertThat(kinds("crt: " + b64(b64(certificate)) + "\n")).isEmpty();
    assertThat(kinds("der: " + java.util.HexFormat.of().formatHex(der) + "\n")).isEmpty();
    assertThat(kinds("crt: !!binary " + b64(der) + "\n")).isEmpty();
    assertThat(kinds(identities)).isEmpty();
    assertThat(kinds(sha512 + "  kes/dev/values.yaml\n")).isEmpty();
  }

  @Test
  void noGoldenOrExampleOutputFileHoldsAFinding() throws Exception {
    java.util.List<java.nio.file.Path> files;
    try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(java.nio.file.Path.of("src/test/resources/golden"))) {
      files = new java.util.ArrayList<>(walk.filter(java.nio.file.Files::isRegularFile).toList());
    }
    try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(java.nio.file.Path.of("../examples/molgenis/generated"))) {
      files.addAll(walk.filter(java.nio.file.Files::isRegularFile).toList());
    }
    assertThat(files).hasSizeGreaterThan(200);
    for (java.nio.file.Path file : files) {
      assertThat(Leaks.in(java.nio.file.Files.readAllBytes(file))).as("%s", file).isEmpty();
    }
  }
}

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
}

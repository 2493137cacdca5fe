package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemTest {
  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"ECDSA_P256", "ED25519", "RSA_2048"})
  void privateKeyRoundTrips(KeyType keyType) {
    IssuedCertificate issued = Fixtures.client(keyType);

    String pem = Pem.encodePrivateKey(issued.privateKey());

    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    assertThat(Pem.decodePrivateKey(pem).getEncoded()).isEqualTo(issued.privateKey().getEncoded());
  }

  @Test
  void certificateRoundTrips() {
    IssuedCertificate issued = Fixtures.server(KeyType.ECDSA_P256);

    assertThat(Pem.decodeCertificate(Pem.encodeCertificate(issued.certificate()))).isEqualTo(issued.certificate());
  }

  @Test
  void certificatePemHasLfLinesOfAtMost64ColumnsAndAFinalNewline() {
    String pem = Pem.encodeCertificate(Fixtures.server(KeyType.RSA_2048).certificate());

    assertThat(pem).doesNotContain("\r").endsWith("-----END CERTIFICATE-----\n");
    assertThat(pem.split("\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
  }

  @Test
  void decodesCrlfText() {
    IssuedCertificate issued = Fixtures.server(KeyType.ED25519);
    String crlf = Pem.encodeCertificate(issued.certificate()).replace("\n", "\r\n");

    assertThat(Pem.decodeCertificate(crlf)).isEqualTo(issued.certificate());
  }

  @Test
  void refusesTextWithoutABlock() {
    assertThatThrownBy(() -> Pem.decodeCertificate("hello\n")).isInstanceOf(PkiException.class);
  }
}

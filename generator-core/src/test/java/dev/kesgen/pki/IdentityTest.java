package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdentityTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void equalsWhatOpensslComputesFromTheCertificate(KeyType keyType) throws Exception {
    IssuedCertificate issued = Fixtures.server(keyType);
    Files.writeString(dir.resolve("c.pem"), Pem.encodeCertificate(issued.certificate()), StandardCharsets.UTF_8);

    Processes.Result openssl = Processes.run(dir, List.of("sh", "-c",
        "openssl x509 -in c.pem -pubkey -noout | openssl pkey -pubin -outform der | sha256sum"), "", 20);

    assertThat(openssl.exitCode()).as(openssl.stderr()).isZero();
    assertThat(Identity.of(issued.certificate()).hex()).isEqualTo(openssl.stdout().substring(0, 64));
  }

  @Test
  void ofPublicKeyEqualsOfCertificate() {
    IssuedCertificate issued = Fixtures.client(KeyType.ED25519);

    assertThat(Identity.of(issued.certificate().getPublicKey())).isEqualTo(Identity.of(issued.certificate()));
  }

  @Test
  void printsAsItsHex() {
    Identity identity = Identity.of(Fixtures.client(KeyType.ECDSA_P256).certificate());

    assertThat(identity.toString()).isEqualTo(identity.hex()).matches("[0-9a-f]{64}");
  }

  @Test
  void rejectsUpperCaseHex() {
    assertThatThrownBy(() -> new Identity("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
  }
}

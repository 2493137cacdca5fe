package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.KeyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyPairCheckTest {
  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aKeyBelongsToItsOwnCertificate(KeyType keyType) {
    IssuedCertificate issued = Fixtures.server(keyType);

    assertThat(KeyPairCheck.belongsTo(issued.privateKey(), issued.certificate())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aKeyOfTheSameTypeFromAnotherCertificateDoesNot(KeyType keyType) {
    IssuedCertificate server = Fixtures.server(keyType);
    IssuedCertificate other = new CertificateIssuer(Fixtures.clock(Fixtures.T0))
        .issue(CertificateProfile.server(Fixtures.instance(keyType, KeyType.ED25519)));

    assertThat(KeyPairCheck.belongsTo(other.privateKey(), server.certificate())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aKeyOfAnotherTypeDoesNot(KeyType keyType) {
    KeyType otherType = keyType == KeyType.ED25519 ? KeyType.ECDSA_P256 : KeyType.ED25519;

    assertThat(KeyPairCheck.belongsTo(Fixtures.server(otherType).privateKey(), Fixtures.server(keyType).certificate()))
        .isFalse();
  }
}

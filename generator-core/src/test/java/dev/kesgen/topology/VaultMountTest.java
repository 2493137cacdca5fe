package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A KV mount at or under a path Vault keeps for itself is refused, however it is spelt. */
class VaultMountTest {
  @ParameterizedTest
  @ValueSource(strings = {"auth", "auth/approle", "Auth/approle", "AUTH/token", "sys", "sys/policy", "identity",
      "identity/entity", "cubbyhole", "cubbyhole/kes", "audit", "Audit/file"})
  void reservedPrefixesAreFound(String mount) {
    assertThat(VaultReader.reservedPrefix(mount)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret", "kv", "kes-kv", "authx", "system", "identities", "kv/auth", "secret/sys"})
  void otherMountsAreKept(String mount) {
    assertThat(VaultReader.reservedPrefix(mount)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/auth/approle", "auth//approle", "auth/approle/", "./auth/approle", "x/../auth/approle",
      "auth/./approle"})
  void aSpellingThatCouldHideThePrefixIsNotAVaultPathAtAll(String mount) {
    assertThat(NameRules.isVaultPath(mount)).isFalse();
  }
}

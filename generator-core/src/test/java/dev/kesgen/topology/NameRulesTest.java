package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameRulesTest {
  @ParameterizedTest
  @CsvSource({
    "gecko, true", "gecko-prod, true", "a_b, true", "_x, true", "_, false", "-a, false", "a-, false", "a.b, false",
    "a/b, false", "'', false"
  })
  void followsTheKesNameRule(String name, boolean valid) {
    assertThat(NameRules.isKesName(name)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"kes-tls, true", "kes.dev-tls, true", "Kes, false", "a_b, false", "-a, false", "'', false"})
  void secretNamesAreDns1123Subdomains(String name, boolean valid) {
    assertThat(NameRules.isDns1123Subdomain(name)).isEqualTo(valid);
  }

  @org.junit.jupiter.api.Test
  void atMost80Characters() {
    assertThat(NameRules.isKesName("a".repeat(80))).isTrue();
    assertThat(NameRules.isKesName("a".repeat(81))).isFalse();
  }
}

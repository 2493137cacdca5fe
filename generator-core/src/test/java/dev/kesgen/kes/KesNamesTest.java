package dev.kesgen.kes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KesNamesTest {
  @ParameterizedTest
  @CsvSource({
    "gecko, true", "gecko-prod, true", "a_b, true", "_x, true", "_, false", "-a, false", "a-, false", "a.b, false",
    "a/b, false", "'', false"
  })
  void followsTheKesNameRule(String name, boolean valid) {
    assertThat(KesNames.isValid(name)).isEqualTo(valid);
  }

  @org.junit.jupiter.api.Test
  void atMost80Characters() {
    assertThat(KesNames.isValid("a".repeat(80))).isTrue();
    assertThat(KesNames.isValid("a".repeat(81))).isFalse();
  }
}

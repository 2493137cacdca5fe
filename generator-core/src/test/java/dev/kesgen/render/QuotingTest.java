package dev.kesgen.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class QuotingTest {
  @Test
  void jsonEscapesControlsAndNonPrintables() {
    assertThat(Quoting.jsonLiteral("a\u0000\u001f\u007f\u0085\u2028\ufeff")).isEqualTo("\"a\\u0000\\u001f\\u007f\\u0085\\u2028\\ufeff\"");
  }

  @Test
  void jsonKeepsSurrogatePairsAndEscapesLoneSurrogates() {
    assertThat(Quoting.jsonLiteral("🔑\ud800x")).isEqualTo("\"🔑\\ud800x\"");
  }

  @Test
  void scalarsAreWrittenWithoutLocale() {
    assertThat(Quoting.scalar(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
    assertThat(Quoting.scalar(-1234567L)).isEqualTo("-1234567");
  }

  @Test
  void hclDoublesADollarOnlyBeforeABrace() {
    assertThat(Quoting.hclLiteral("$$${a}$")).isEqualTo("\"$$$${a}$\"");
  }

  @Test
  void shQuotesTheEmptyString() {
    assertThat(Quoting.shWord("")).isEqualTo("''");
  }

  @Test
  void aRecordIsNotAScalar() {
    record R(int a) {}
    assertThatThrownBy(() -> Quoting.scalar(new R(1))).isInstanceOf(IllegalArgumentException.class);
  }
}

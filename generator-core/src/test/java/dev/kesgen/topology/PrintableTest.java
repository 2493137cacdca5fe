package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a hidden character, and how messages print one. */
class PrintableTest {
  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x07, 0x09, 0x0a, 0x0d, 0x1b, 0x7f, 0x85, 0x9b, 0xa0, 0xad, 0x200b, 0x200d, 0x200e,
      0x202a, 0x202e, 0x2066, 0x2069, 0x2028, 0x2029, 0x2060, 0x3000, 0xfeff, 0xfffd, 0xe000, 0xe0001})
  void controlsBidiFormatAndOddSpacesAreHidden(int codePoint) {
    assertThat(Printable.isHidden(codePoint)).as("U+%04X", codePoint).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {' ', 'a', '-', '~', 0xe9, 0x4e2d, 0x05d0, 0x1f600})
  void lettersSymbolsAndTheSpaceAreNot(int codePoint) {
    assertThat(Printable.isHidden(codePoint)).as("U+%04X", codePoint).isFalse();
  }

  @Test
  void escapeWritesEveryHiddenCharacterAsAnEscapeAndLeavesTheRest() {
    assertThat(Printable.escape("a\u001b[2Jb\u0000c\nd\te\u202ef\u00a0g\\h é"))
        .isEqualTo("a\\x1b[2Jb\\x00c\\nd\\te\\u202ef\\xa0g\\h é");
    assertThat(Printable.escapeExceptLineBreaks("one\ntwo\u001b")).isEqualTo("one\ntwo\\x1b");
    String plain = "instances[0].name: \"dev\" is fine";
    assertThat(Printable.escape(plain)).isSameAs(plain);
  }

  @Test
  void describeNamesTheCodePoint() {
    assertThat(Printable.describe(0x202e)).isEqualTo("U+202E RIGHT-TO-LEFT OVERRIDE");
    assertThat(Printable.describe(0x1b)).isEqualTo("U+001B ESCAPE");
  }
}

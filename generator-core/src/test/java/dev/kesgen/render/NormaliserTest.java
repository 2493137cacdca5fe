package dev.kesgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliserTest {
  @Test
  void crlfAndCrBecomeLf() {
    assertThat(Normaliser.normalise("a\r\nb\rc")).isEqualTo("a\nb\nc\n");
  }

  @Test
  void trailingSpacesAndTabsAreRemovedFromEveryLine() {
    assertThat(Normaliser.normalise("a \t\n b  \n")).isEqualTo("a\n b\n");
  }

  @Test
  void blankLinesAtTheEndAreRemoved() {
    assertThat(Normaliser.normalise("a\n\n \n\t\n")).isEqualTo("a\n");
  }

  @Test
  void blankLinesInsideAreKept() {
    assertThat(Normaliser.normalise("a\n\n\nb")).isEqualTo("a\n\n\nb\n");
  }

  @Test
  void blankTextBecomesEmpty() {
    assertThat(Normaliser.normalise(" \n\r\n")).isEmpty();
  }
}

package dev.kesgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagTextTest {
  @Test
  void findsTheTagAroundAPosition() {
    assertThat(TagText.at("a\n  {{#each xs}}{{x}}{{/each}}\n", 2, 5)).contains("{{#each xs}}");
  }

  @Test
  void countsQuotedStringsAndSubExpressionsAsOneWordAndSkipsOptions() {
    String tag = "{{~#join (sub a b) \"x y\" quote=\"hcl\" last ~}}";

    assertThat(TagText.word(tag, 0)).contains("join");
    assertThat(TagText.word(tag, 1)).contains("(sub a b)");
    assertThat(TagText.word(tag, 2)).contains("\"x y\"");
    assertThat(TagText.word(tag, 3)).contains("last");
  }
}

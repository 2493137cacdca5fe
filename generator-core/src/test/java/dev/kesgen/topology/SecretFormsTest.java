package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written token scan decides exactly as the regular expression it replaced. */
class SecretFormsTest {
  /** The expression {@link SecretForms#containsToken} documents, tried at every character. */
  private static final Pattern TOKEN = Pattern.compile(
      "(?<![\\w.-])(?:hv[sbr]\\.[A-Za-z0-9_-]{24,}|[sbr]\\.(?=[A-Za-z0-9_-]*[A-Z])[A-Za-z0-9_-]{24,})");

  private static final String SERVICE = "hvs.CAESIJlWh0kVtQ1bqWcmzGyr8Hx5Hq3UuGZ2Bq9yHvWxLqNyGh4KHGh2cy5xN1FyUWdXOUVx";
  private static final String LEGACY = "s.Xq3MvK8pL2nR7tY4wZ6bC9dF";

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n", "\r\n", "\t", ":", "=", "\"", "'", ",", "(", "[", "{", "/", "@", "#", "|", "\\",
      "\u0000", "\u00e9", ">", ";"})
  void aTokenAfterAnySeparatorIsFound(String separator) {
    for (String token : new String[] {SERVICE, LEGACY, "hvb.AAAAAQJ2yF_y5mLzK8L8Zp0Q0t3QHt7pX2yq-a1Bc",
        "r.Xq3MvK8pL2nR7tY4wZ6bC9dF"}) {
      assertThat(SecretForms.containsToken("key" + separator + token)).as(separator + token).isTrue();
      assertThat(SecretForms.containsToken("a.b.c d" + separator + token + separator)).isTrue();
      assertThat(TOKEN.matcher("key" + separator + token).find()).isTrue();
    }
  }

  @Test
  void aTokenAtTheStartOrEndOfTheTextIsFound() {
    assertThat(SecretForms.containsToken(SERVICE)).isTrue();
    assertThat(SecretForms.containsToken(LEGACY)).isTrue();
    assertThat(SecretForms.containsToken(LEGACY + "\n")).isTrue();
    assertThat(SecretForms.containsToken("x: " + LEGACY)).isTrue();
  }

  @Test
  void whatIsNoTokenIsNotFound() {
    for (String text : new String[] {"x" + LEGACY, "-" + LEGACY, "." + LEGACY, "_" + SERVICE, "xhvs." + SERVICE.substring(4),
        "s.abcdefghijklmnopqrstuvwxyz0123", "hvs.short", "s.Xq3MvK8pL2nR7tY4wZ6bC9d", "minio.tenant-a.svc.cluster.local",
        "hvx.CAESIJlWh0kVtQ1bqWcmzGyr8Hx5Hq3U", "", ".", "s.", "hvs."}) {
      assertThat(SecretForms.containsToken(text)).as(text).isFalse();
      assertThat(TOKEN.matcher(text).find()).as(text).isFalse();
    }
  }

  @Test
  void randomTextsAreDecidedAsTheExpressionDecides() {
    Random random = new Random(27);
    String alphabet = "hvsbrAZaz09_-. \n:=\"x";
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(80);
      for (int j = 0; j < length; j++) {
        // long runs of token characters are what the prefixes need, so they are made likely
        text.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
            : "aZ9_-".charAt(random.nextInt(5)));
      }
      int at = random.nextInt(text.length() + 1);
      StringBuilder run = new StringBuilder(new String[] {"hvs.", "hvb.", "hvr.", "s.", "b.", "r.", "hv.", ""}[random.nextInt(8)]);
      for (int j = 20 + random.nextInt(10); j > 0; j--) {
        run.append("abz09_-Q".charAt(random.nextInt(random.nextBoolean() ? 7 : 8)));
      }
      text.insert(at, run);
      boolean expected = TOKEN.matcher(text).find();
      assertThat(SecretForms.containsToken(text)).as(text.toString()).isEqualTo(expected);
      found += expected ? 1 : 0;
    }
    assertThat(found).as("the sample holds tokens too").isGreaterThan(1000).isLessThan(18_000);
  }
}

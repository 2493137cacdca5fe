package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.SecretForms;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The faster secret-id search and base64/hex run finder decide exactly as the plain implementations they replaced
 * (kept here as the references): the same verdict, the same runs with the same lines and bytes, on texts made of the
 * pieces that matter (case variants of "secret", accessors, separators, ids, runs split over lines, padding).
 */
class ScanEquivalenceTest {
  private static final Pattern SECRET_ID = Pattern.compile(
      "(?i)(secret[\\w.-]*)[\"']?(?:\\s*[:=]\\s*[\"']?|[ \\t]+)" + SecretForms.UUID + "(?![\\w-])");
  private static final String ID = "5b2f6e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String[] PIECES = {"secret", "SECRET", "sEcReT", "secre", "s", "_id", "-id", ".id",
      "_accessor", "accessor", "Accessor", ":", "=", " ", "\t", "\"", "'", ID, ID, "x", "-", "\n", "\n  ", "==", "=",
      "QUJD", "abcdef0123456789", "ABCDEFGH".repeat(8), "0123456789abcdef".repeat(8), "+/", "ſecret", "é"};

  /** The find() loop Leaks used before. */
  private static boolean referenceSecretId(String text) {
    Matcher m = SECRET_ID.matcher(text);
    while (m.find()) {
      if (!m.group(1).toLowerCase(java.util.Locale.ROOT).contains("accessor")) {
        return true;
      }
    }
    return false;
  }

  private static String text(Random random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < pieces; p++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  @Test
  void theSecretIdSearchDecidesAsTheFindLoop() {
    Random random = new Random(27);
    int found = 0;
    for (int n = 0; n < 200_000; n++) {
      String text = text(random, 1 + random.nextInt(12));
      boolean expected = referenceSecretId(text);
      assertThat(Leaks.secretId(text)).as(text).isEqualTo(expected);
      found += expected ? 1 : 0;
    }
    assertThat(found).as("texts that hold an id").isGreaterThan(500);
    // an accessor's match hides a secret key that starts inside it, as it did for find()
    for (String text : List.of("secret_id_accessor: " + ID, "secret_accessor " + ID + "\nsecret_id: " + ID,
        "SECRET-ACCESSOR=" + ID, "secretsecret_accessor: " + ID, "secret_id: " + ID + "x")) {
      assertThat(Leaks.secretId(text)).as(text).isEqualTo(referenceSecretId(text));
    }
  }

  @Test
  void theRunsAreThoseOfTheCopyingFinder() {
    Random random = new Random(16);
    int runs = 0;
    for (int n = 0; n < 100_000; n++) {
      String text = text(random, 1 + random.nextInt(20));
      List<EncodedRuns.Run> expected = referenceRuns(text);
      List<EncodedRuns.Run> actual = EncodedRuns.of(text);
      assertThat(actual).as(text).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).encoding()).isEqualTo(expected.get(i).encoding());
        assertThat(actual.get(i).line()).isEqualTo(expected.get(i).line());
        assertThat(actual.get(i).bytes()).as(text).isEqualTo(expected.get(i).bytes());
      }
      runs += expected.size();
    }
    assertThat(runs).as("runs decoded").isGreaterThan(10_000);
  }

  /** EncodedRuns.of as it was: every run copied into a StringBuilder, characters classified by comparisons. */
  private static List<EncodedRuns.Run> referenceRuns(String text) {
    List<EncodedRuns.Run> runs = new ArrayList<>();
    int line = 1;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isBase64(c)) {
        if (c == '\n') {
          line++;
        }
        i++;
        continue;
      }
      int startLine = line;
      StringBuilder run = new StringBuilder();
      boolean hex = true;
      while (true) {
        int start = i;
        while (i < n && isBase64(text.charAt(i))) {
          hex &= isHex(text.charAt(i));
          i++;
        }
        run.append(text, start, i);
        int padded = i;
        while (padded < n && padded - i < 2 && text.charAt(padded) == '=') {
          padded++;
        }
        int next = EncodedRuns.continuation(text, padded); // unchanged, so shared
        if (next < 0 || padded > i) {
          i = padded;
          break;
        }
        line++;
        i = next;
      }
      if (hex && run.length() >= EncodedRuns.MIN_HEX) {
        runs.add(new EncodedRuns.Run("hex", startLine, HexFormat.of().parseHex(run, 0, run.length() & ~1)));
      } else if (!hex && run.length() >= EncodedRuns.MIN_BASE64 && run.length() % 4 != 1) {
        try {
          runs.add(new EncodedRuns.Run("base64", startLine, Base64.getDecoder().decode(run.toString())));
        } catch (IllegalArgumentException e) {
          // not base64 after all
        }
      }
    }
    return runs;
  }

  private static boolean isBase64(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}

package dev.kesgen.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kesgen.access.GoPathMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GoPathMatch} against Go's own {@code path.Match} (the peer's {@code pathmatch} subcommand, built with the
 * local Go) on a few thousand generated (pattern, name) pairs: KES policy paths, adversarial key names, every
 * metacharacter, malformed classes and escapes, and multi-byte text (Java strings hold only valid UTF-8).
 */
class GoPeerPathMatchTest {
  private static final String[] ATOMS = {
    "a", "b", "x", "-", "_", "/", "/v1/key/", "generate", "gecko", "*", "*", "?", "[", "]", "^", "\\", "[a-c]",
    "[^/]", "[]", "[-]", "[a-]", "[\\]]", "é", "日", "\uFFFD", "\\*", "**",
  };

  @TempDir Path dir;

  @Test
  void agreesWithGoOnGeneratedCases() throws Exception {
    Random random = new Random(20250312L);
    List<String[]> cases = new ArrayList<>();
    // the shapes KES policies are written in, against adversarial requests
    String[] apis = {"create", "generate", "decrypt", "list", "describe", "delete"};
    for (String api : apis) {
      for (String pattern : List.of("/v1/key/" + api + "/gecko", "/v1/key/" + api + "/gecko*", "/v1/key/" + api + "/*",
          "/v1/key/*/gecko", "/v1/*", "/v1/key/" + api + "/gecko?", "/v1/key/" + api + "/[gh]ecko")) {
        for (String name : List.of("/v1/key/" + api + "/gecko", "/v1/key/" + api + "/gecko-x", "/v1/key/" + api
            + "/geckox", "/v1/key/" + api + "/gecko/x", "/v1/key/" + api + "/", "/v1/key/" + api + "/*",
            "/v1/key/" + api + "/hecko")) {
          cases.add(new String[] {pattern, name});
        }
      }
    }
    while (cases.size() < 5000) {
      String pattern = random(random, 1 + random.nextInt(6));
      String name = random.nextInt(3) == 0 ? random(random, random.nextInt(6)) : instance(random, pattern);
      cases.add(new String[] {pattern, name});
    }
    Path file = dir.resolve("cases.json");
    ObjectMapper json = new ObjectMapper();
    Files.writeString(file, json.writeValueAsString(cases));

    JsonNode answers = GoPeer.run(List.of("pathmatch", "--file", file.toString()));

    assertThat(answers.size()).isEqualTo(cases.size());
    Map<GoPathMatch.Result, Integer> seen = new EnumMap<>(GoPathMatch.Result.class);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      GoPathMatch.Result java = GoPathMatch.match(cases.get(i)[0], cases.get(i)[1]);
      String go = answers.get(i).asText();
      seen.merge(java, 1, Integer::sum);
      if (!go.equals(name(java))) {
        disagreements.add(json.writeValueAsString(cases.get(i)) + ": Go " + go + ", Java " + name(java));
      }
    }
    assertThat(disagreements).isEmpty();
    // the cases reach every answer, not only "no match"
    assertThat(seen.get(GoPathMatch.Result.MATCH)).isGreaterThan(500);
    assertThat(seen.get(GoPathMatch.Result.NO_MATCH)).isGreaterThan(500);
    assertThat(seen.get(GoPathMatch.Result.BAD_PATTERN)).isGreaterThan(200);
  }

  @Test
  void multiByteRunesAreOneCharacterForQuestionMarkAndClasses() throws Exception {
    List<String[]> cases = List.of(new String[] {"[\uFFFD]", "\uFFFD"}, new String[] {"?", "\uFFFD"},
        new String[] {"[é-日]", "ö"}, new String[] {"[^é]", "é"}, new String[] {"a?b", "a日b"});
    Path file = dir.resolve("utf8.json");
    Files.writeString(file, new ObjectMapper().writeValueAsString(cases));
    JsonNode answers = GoPeer.run(List.of("pathmatch", "--file", file.toString()));
    for (int i = 0; i < cases.size(); i++) {
      assertThat(name(GoPathMatch.match(cases.get(i)[0], cases.get(i)[1]))).as(String.join(" ~ ", cases.get(i)))
          .isEqualTo(answers.get(i).asText());
    }
  }

  private static String name(GoPathMatch.Result result) {
    return switch (result) {
      case MATCH -> "match";
      case NO_MATCH -> "nomatch";
      case BAD_PATTERN -> "bad";
    };
  }

  private static String random(Random random, int atoms) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < atoms; i++) {
      text.append(ATOMS[random.nextInt(ATOMS.length)]);
    }
    return text.toString();
  }

  /** A name built from the pattern, so that many cases match: metacharacters replaced by what they could match. */
  private static String instance(Random random, String pattern) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> name.append(random.nextBoolean() ? "" : random.nextBoolean() ? "ab" : "/");
        case '?' -> name.append(random.nextBoolean() ? "x" : "é");
        case '[', ']', '^' -> name.append(random.nextInt(4) == 0 ? "" : "a");
        case '\\' -> { }
        default -> name.append(c);
      }
      if (random.nextInt(20) == 0) {
        name.append('b');
      }
    }
    return name.toString();
  }
}

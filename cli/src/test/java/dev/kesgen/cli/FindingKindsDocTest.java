package dev.kesgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/cli.md lists exactly the finding kinds the JSON output emits. */
class FindingKindsDocTest {
  @Test
  void theDocumentedKindsAreTheEmittedOnes() throws IOException {
    String doc = Files.readString(Path.of("../docs/cli.md"));
    Matcher sentence = Pattern.compile("or a check finding's kind: ([^(]+)\\(the finding kinds as emitted")
        .matcher(doc);
    assertThat(sentence.find()).as("docs/cli.md names the finding kinds").isTrue();
    List<String> documented = Pattern.compile("`([a-z_]+)`").matcher(sentence.group(1)).results()
        .map(m -> m.group(1)).toList();

    List<String> emitted = Arrays.stream(CheckResult.Kind.values())
        .map(k -> Finding.of(new CheckResult.Finding(k, "x", "m"), Path.of("generated")).kind()).toList();

    assertThat(documented).containsExactlyElementsOf(emitted);
    assertThat(doc).contains("`kind` is `topology`, `configuration` (no `file`)");
    assertThat(Finding.configuration("m").kind()).isEqualTo("configuration");
    assertThat(emitted).allMatch(k -> k.equals(k.toLowerCase(Locale.ROOT)));
  }
}

package dev.kesgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hand-written JSON reads back, with Jackson, as exactly what was written. */
class JsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyAwkwardCharacterRoundTrips() throws Exception {
    String awkward = "quote \" backslash \\ slash / newline \n return \r tab \t nul \u0000 bell \u0007 esc \u001b "
        + "line separator \u2028 é ü → 😀";

    assertThat(JSON.readValue(Json.string(awkward), String.class)).isEqualTo(awkward);
  }

  @Test
  void aFindingWithoutAPositionHasNoLineOrColumn() throws Exception {
    var node = JSON.readTree(Finding.configuration("template \"x\" is wrong").json());

    assertThat(node.has("line")).isFalse();
    assertThat(node.has("file")).isFalse();
    assertThat(node.get("message").asText()).isEqualTo("template \"x\" is wrong");
  }

  @Test
  void aTopologyFindingReadsLikeThePluginsLine() {
    Finding finding = new Finding("topology", Optional.of("topology.yaml"), 12, 7, "instances[0].name", "bad");

    assertThat(finding.text()).isEqualTo("topology.yaml:12:7: instances[0].name: bad");
  }
}

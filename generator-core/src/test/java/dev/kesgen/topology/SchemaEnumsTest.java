package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built schema's enums come from their Java owners ({@link SchemaEnums}); the source names the owners only. */
class SchemaEnumsTest {
  private static final Path SOURCE = Path.of("src/main/resources", TopologyLoader.SCHEMA_RESOURCE);

  @Test
  void theBuiltSchemaHasEveryMarkerFilledAndTheSourceSpellsNoOwnedValue() throws Exception {
    String built;
    try (InputStream in = TopologyLoader.class.getClassLoader().getResourceAsStream(TopologyLoader.SCHEMA_RESOURCE)) {
      built = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);

    assertThat(built).doesNotContain(SchemaEnums.MARKER);
    assertThat(built).isEqualTo(SchemaEnums.fill(source));
    // the owners' values appear in the source nowhere, so a new one is a change of its owner only
    assertThat(source).doesNotContain("\"v0.13.0\"", "\"minio-legacy\"", "\"rsa-3072\"", "\"SecretStore\"",
        "\"namespace-wide\"", "\"network-unbound\"", "\"apiKey\"");
    assertThat(source.split("\"" + SchemaEnums.MARKER + "\"", -1)).hasSize(18);
  }

  @Test
  void fillingWritesTheOwnersSpellingsInTheirOrder() {
    assertThat(SchemaEnums.fill("{\"chart\": {\"" + SchemaEnums.MARKER + "\": \"chartLayouts\", \"default\": \"x\"}}"))
        .isEqualTo("{\"chart\": {\"enum\": [\"armadillo\", \"minio-legacy\", \"minio\"], \"default\": \"x\"}}");
  }

  @Test
  void anUnknownOwnerFailsTheBuild() {
    assertThatThrownBy(() -> SchemaEnums.fill("{\"" + SchemaEnums.MARKER + "\": \"chartLayout\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown x-kesgen-enum \"chartLayout\"").hasMessageContaining("chartLayouts");
  }
}

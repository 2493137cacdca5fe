package dev.kesgen.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the KES server configuration out of a generated {@code kes/<instance>/values.yaml}. */
final class KesValues {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private KesValues() {}

  /** The text block {@code server.config}, exactly as KES gets it in its configuration file. */
  static String configText(Path valuesFile) throws IOException {
    JsonNode config = YAML.readTree(Files.readString(valuesFile)).path("server").path("config");
    if (!config.isTextual()) {
      throw new AssertionError(valuesFile + " has no server.config text block");
    }
    return config.asText();
  }

  /** The identities the KES policy {@code policy} of this configuration names. */
  static JsonNode identities(Path valuesFile, String policy) throws IOException {
    return YAML.readTree(configText(valuesFile)).path("policy").path(policy).path("identities");
  }
}

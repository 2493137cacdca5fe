package dev.kesgen.access;

import java.util.Objects;
import org.yaml.snakeyaml.nodes.Node;

/** The KES server configuration inside the values of kesgen's KES chart ({@code server.config}, a text block). */
public final class KesChartValues {
  private KesChartValues() {}

  /**
   * The text of {@code server.config}, which the chart mounts as {@code config.yaml} unchanged.
   *
   * @throws AccessModelException if the values are not YAML or hold no {@code server.config} text
   */
  public static String serverConfig(String valuesYaml) {
    Node root;
    try {
      root = YamlTree.compose(Objects.requireNonNull(valuesYaml, "valuesYaml"));
    } catch (AccessModelException e) {
      throw new AccessModelException("the chart values are not valid YAML: "
          + e.getMessage().replaceFirst("^the KES configuration is not valid YAML: ", ""));
    }
    Node server = YamlTree.child(root, "server", "the chart values")
        .orElseThrow(() -> new AccessModelException("the chart values have no 'server'"));
    Node config = YamlTree.child(server, "config", "server")
        .orElseThrow(() -> new AccessModelException("the chart values have no 'server.config'"));
    return YamlTree.scalar(config, "server.config");
  }
}

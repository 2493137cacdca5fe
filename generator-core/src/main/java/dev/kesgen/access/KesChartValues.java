package dev.kesgen.access;

import java.util.Objects;
import org.yaml.snakeyaml.nodes.Node;

/** The KES server configuration inside the values of kesgen's KES chart ({@code server.config}, a text block). */
public final class KesChartValues {
  private KesChartValues() {}

  /**
   * The text of {@code server.config}, which the chart mounts as {@code config.yaml} unchanged.
   *
   * @throws AccessModelException if the values are not YAML, hold what Helm would read otherwise than the model (a tag,
   *     an anchor, a merge or duplicate key, a second document: docs/security.md), or hold no {@code server.config} text
   */
  public static String serverConfig(String valuesYaml) {
    // Helm reads the file with sigs.k8s.io/yaml: helm/helm@00b3f0b198bf pkg/chartutil/values.go (ReadValues)
    Node root = YamlTree.compose(Objects.requireNonNull(valuesYaml, "valuesYaml"), "the chart values");
    Node server = YamlTree.child(root, "server", "the chart values")
        .orElseThrow(() -> new AccessModelException("the chart values have no 'server'"));
    Node config = YamlTree.child(server, "config", "server")
        .orElseThrow(() -> new AccessModelException("the chart values have no 'server.config'"));
    return YamlTree.scalar(config, "server.config");
  }
}

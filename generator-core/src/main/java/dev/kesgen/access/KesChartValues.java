package dev.kesgen.access;

import dev.kesgen.topology.KesVersion;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The KES server configuration inside the values of kesgen's KES chart ({@code server.config}, a text block). */
public final class KesChartValues {
  private static final String VALUES = "the chart values";

  private KesChartValues() {}

  /**
   * The text of {@code server.config}, which the chart mounts as {@code config.yaml} unchanged.
   *
   * @throws AccessModelException if the values are not YAML, hold what Helm would read otherwise than the model (a
   *     tag, an anchor, a merge or duplicate key, a second document: docs/security.md), or hold no
   *     {@code server.config} text
   */
  public static String serverConfig(String valuesYaml) {
    return YamlTree.scalar(configNode(valuesYaml), "server.config", VALUES);
  }

  /**
   * The access {@code server.config} gives under this release; a problem in the configuration is placed at its line
   * and column in the values when the text is a literal block ({@code config: |}), as kesgen writes it.
   *
   * @throws AccessModelException as {@link #serverConfig(String)} and {@link KesAccess#of(String, KesVersion)} do
   */
  public static KesAccess access(String valuesYaml, KesVersion version) {
    Node config = configNode(valuesYaml);
    String text = YamlTree.scalar(config, "server.config", VALUES);
    try {
      return KesAccess.of(text, version);
    } catch (AccessModelException e) {
      if (!(config instanceof ScalarNode block) || block.getScalarStyle() != DumperOptions.ScalarStyle.LITERAL) {
        throw e;
      }
      // the text starts on the line after '|', each line indented as its first non-blank one
      int indicator = block.getStartMark().getLine();
      String[] lines = valuesYaml.split("\n", -1);
      int indent = 0;
      for (int i = indicator + 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          indent = lines[i].length() - lines[i].stripLeading().length();
          break;
        }
      }
      throw e.embeddedIn(VALUES + " (server.config)", indicator + 1, indent);
    }
  }

  private static Node configNode(String valuesYaml) {
    // Helm reads the file with sigs.k8s.io/yaml: helm/helm@00b3f0b198bf pkg/chartutil/values.go (ReadValues)
    Node root = YamlTree.compose(Objects.requireNonNull(valuesYaml, "valuesYaml"), VALUES);
    Node server = YamlTree.child(root, "server", VALUES)
        .orElseThrow(() -> new AccessModelException("the chart values have no 'server'"));
    return YamlTree.child(server, "config", "server")
        .orElseThrow(() -> new AccessModelException("the chart values have no 'server.config'"));
  }
}

package dev.kesgen.kes;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Checks a KES server configuration against the key tree of its release: no unknown key, the right kinds. */
final class ConfigShape {
  /** What Go's {@code time.ParseDuration} accepts (go/src/time/format.go ParseDuration), without sign or spaces. */
  static final Pattern GO_DURATION =
      Pattern.compile("0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+");

  private ConfigShape() {}

  /** Every problem of {@code configText} against {@code tree}, one line each; empty when it fits. */
  static List<String> problems(ReleaseTree tree, String configText) {
    Node root = new Yaml(new LoaderOptions()).compose(new StringReader(configText));
    List<String> problems = new ArrayList<>();
    walk(tree, root, "", "map", problems);
    return problems;
  }

  private static void walk(ReleaseTree tree, Node node, String path, String kind, List<String> problems) {
    String at = path.isEmpty() ? "(top level)" : path;
    switch (kind) {
      case "map", "map-any" -> {
        if (!(node instanceof MappingNode map)) {
          problems.add(at + ": KES " + tree.release() + " reads a mapping here, found " + node.getNodeId());
          return;
        }
        for (NodeTuple t : map.getValue()) {
          String key = ((ScalarNode) t.getKeyNode()).getValue();
          String child = kind.equals("map-any") ? path + ".*" : (path.isEmpty() ? key : path + "." + key);
          String childKind = tree.keys().get(child);
          if (childKind == null) {
            problems.add((path.isEmpty() ? key : path + "." + key) + ": KES " + tree.release() + " knows no such key");
          } else {
            walk(tree, t.getValueNode(), child, childKind, problems);
          }
        }
      }
      case "list-map" -> {
        if (!(node instanceof SequenceNode seq)) {
          problems.add(at + ": KES " + tree.release() + " reads a list here, found " + node.getNodeId());
          return;
        }
        seq.getValue().forEach(item -> walk(tree, item, path + "[]", "map", problems));
      }
      case "any" -> { }
      default -> {
        if (kind.startsWith("list-")) {
          if (!(node instanceof SequenceNode seq)) {
            problems.add(at + ": KES " + tree.release() + " reads a list here, found " + node.getNodeId());
            return;
          }
          seq.getValue().forEach(item -> walk(tree, item, path, kind.substring("list-".length()), problems));
        } else if (!(node instanceof ScalarNode scalar)) {
          problems.add(at + ": KES " + tree.release() + " reads a " + kind + " here, found " + node.getNodeId());
        } else if (kind.equals("duration") && !GO_DURATION.matcher(scalar.getValue()).matches()) {
          problems.add(at + ": \"" + scalar.getValue() + "\" is not a Go duration");
        }
      }
    }
  }
}

package dev.kesgen.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping checked against the fields it may hold: duplicate and unknown keys are reported once, with a
 * "did you mean" for a near miss.
 */
final class Mapping {
  private final Node node;
  private final String path;
  private final Map<String, Node> values = new LinkedHashMap<>();

  private Mapping(Node node, String path) {
    this.node = node;
    this.path = path;
  }

  /** An absent mapping: every field lookup is empty. */
  static Mapping absent(Node parent, String path) {
    return new Mapping(parent, path);
  }

  /**
   * Reads {@code node} as a mapping with the given fields. A node that is not a mapping is reported and read as
   * empty.
   */
  static Mapping of(Node node, String path, List<String> fields, Problems problems) {
    Mapping mapping = new Mapping(node, path);
    if (Nodes.isNull(node)) {
      return mapping;
    }
    if (!(node instanceof MappingNode map)) {
      problems.at(node, path, "expected a mapping of " + String.join(", ", fields) + " but found " + Nodes.describe(node));
      return mapping;
    }
    Map<String, Node> firstKeys = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar)) {
        problems.at(keyNode, path, "a field name must be a plain word, found " + Nodes.describe(keyNode));
        continue;
      }
      String key = scalar.getValue();
      String keyPath = Nodes.child(path, key);
      Node first = firstKeys.putIfAbsent(key, keyNode);
      if (first != null) {
        problems.at(keyNode, keyPath, "duplicate key \"" + key + "\" (first at line "
            + (first.getStartMark().getLine() + 1) + "); keep only one");
        continue;
      }
      if (!fields.contains(key)) {
        problems.at(keyNode, keyPath, "unknown field \"" + key + "\"" + suggestion(key, fields));
        continue;
      }
      mapping.values.put(key, tuple.getValueNode());
    }
    return mapping;
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  String pathOf(String field) {
    return Nodes.child(path, field);
  }

  /** The value of a field, empty when it is absent or written as null. */
  Optional<Node> get(String field) {
    Node value = values.get(field);
    return value == null || Nodes.isNull(value) ? Optional.empty() : Optional.of(value);
  }

  private static String suggestion(String key, List<String> fields) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String field : fields) {
      int distance = distance(key.toLowerCase(Locale.ROOT), field.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = field;
      }
    }
    if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
      return " (did you mean \"" + best + "\"?)";
    }
    return " (allowed here: " + String.join(", ", fields) + ")";
  }

  /** Levenshtein distance, for suggestions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  static List<String> fields(String... names) {
    return new ArrayList<>(List.of(names));
  }
}

package dev.kesgen.access;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The composed YAML node tree of a KES configuration, read as text the way KES's string fields read it. */
final class YamlTree {
  private YamlTree() {}

  static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
      if (root == null) {
        throw new AccessModelException("the KES configuration is empty");
      }
      return root;
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new AccessModelException("the KES configuration is not valid YAML: " + e.getMessage());
    }
  }

  /** The entries of a mapping by key text, in file order; an empty map for anything else. */
  static Map<String, Node> entries(Node node, String where) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (node == null || isNull(node)) {
      return entries;
    }
    if (!(node instanceof MappingNode mapping)) {
      throw new AccessModelException(where + " is not a mapping (line " + line(node) + ")");
    }
    for (NodeTuple tuple : mapping.getValue()) {
      entries.put(scalar(tuple.getKeyNode(), where + " key"), tuple.getValueNode());
    }
    return entries;
  }

  static Optional<Node> child(Node node, String key, String where) {
    return Optional.ofNullable(entries(node, where).get(key));
  }

  static String scalar(Node node, String where) {
    if (!(node instanceof ScalarNode scalar)) {
      throw new AccessModelException(where + " is not a single value (line " + line(node) + ")");
    }
    return scalar.getValue();
  }

  /** A list of single values; a missing or null node is an empty list. */
  static List<String> strings(Node node, String where) {
    List<String> values = new ArrayList<>();
    if (node == null || isNull(node)) {
      return values;
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw new AccessModelException(where + " is not a list (line " + line(node) + ")");
    }
    for (Node item : sequence.getValue()) {
      values.add(isNull(item) ? "" : scalar(item, where + " item"));
    }
    return values;
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null")
        && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equalsIgnoreCase("null"));
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }
}

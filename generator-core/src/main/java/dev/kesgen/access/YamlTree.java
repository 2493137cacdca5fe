package dev.kesgen.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The composed YAML node tree of a KES configuration or chart values, read as text the way KES's string fields and
 * Helm read it; {@link GoYamlRules} refuses what they would read otherwise.
 */
final class YamlTree {
  private YamlTree() {}

  /** The root of a KES configuration text. */
  static Node compose(String text) {
    return compose(text, "the KES configuration");
  }

  /**
   * The root of a YAML text that {@code what} names in messages.
   *
   * @throws AccessModelException if the text is not YAML, is empty, or holds what Go's YAML libraries read otherwise
   */
  static Node compose(String text, String what) {
    try {
      Node root = GoYamlRules.compose(text, what);
      if (root == null) {
        throw new AccessModelException(what + " is empty");
      }
      return root;
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new AccessModelException(what + " is not valid YAML: " + e.getMessage());
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

  /** The text of a single value of the KES configuration; see {@link #scalar(Node, String, String)}. */
  static String scalar(Node node, String where) {
    return scalar(node, where, "the KES configuration");
  }

  /**
   * The text of a single value; "" for null (a Go string field keeps its zero value). A plain value Go reads as a
   * boolean, number or timestamp is refused: KES's string fields get its text, but a generic decode (Helm's) does not.
   */
  static String scalar(Node node, String where, String what) {
    if (!(node instanceof ScalarNode scalar)) {
      throw new AccessModelException(where + " is not a single value (line " + line(node) + ")");
    }
    if (isNull(scalar)) {
      return "";
    }
    if (!GoYamlRules.isText(scalar)) {
      throw new AccessModelException(what, scalar.getStartMark(), where + " is " + scalar.getValue() + ", which Go's "
          + "YAML libraries may read as a boolean, number or timestamp rather than text; quote it: \""
          + scalar.getValue() + "\"");
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
      values.add(scalar(item, where + " item"));
    }
    return values;
  }

  /** A plain null ({@code ~}, {@code null}, or nothing); tags are refused when composing, so the resolver decided. */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL)
        && s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }
}

package dev.kesgen.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed reads of YAML nodes that report a wrong type instead of throwing. */
final class Nodes {
  private Nodes() {}

  static String child(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return "the number " + scalar.getValue();
    }
    if (Tag.BOOL.equals(tag)) {
      return "the boolean " + scalar.getValue();
    }
    if (Tag.NULL.equals(tag)) {
      return "nothing";
    }
    return "the text \"" + scalar.getValue() + "\"";
  }

  /** A scalar as text; lists, mappings and tagged non-string values are reported. */
  static Optional<String> string(Node node, String path, Problems problems) {
    if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
      return Optional.of(scalar.getValue());
    }
    problems.at(node, path, "expected text but found " + describe(node));
    return Optional.empty();
  }

  /** A whole number in [min, max]. */
  static Optional<Integer> integer(Node node, String path, long min, long max, Problems problems) {
    if (node instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())) {
      try {
        long value = Long.parseLong(scalar.getValue().replace("_", ""));
        if (value < min || value > max) {
          problems.at(node, path, value + " is out of range (use a whole number from " + min + " to " + max + ")");
          return Optional.empty();
        }
        return Optional.of((int) value);
      } catch (NumberFormatException e) {
        problems.at(node, path, "\"" + scalar.getValue() + "\" is not a decimal whole number (use digits only)");
        return Optional.empty();
      }
    }
    String hint = node instanceof ScalarNode s && Tag.STR.equals(s.getTag()) && s.getValue().matches("[0-9]+")
        ? " (remove the quotes)" : "";
    problems.at(node, path, "expected a whole number but found " + describe(node) + hint);
    return Optional.empty();
  }

  /** {@code true} or {@code false}. */
  static Optional<Boolean> bool(Node node, String path, Problems problems) {
    if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
      String value = scalar.getValue();
      if (value.equals("true") || value.equals("false")) {
        return Optional.of(Boolean.parseBoolean(value));
      }
      problems.at(node, path, "\"" + value + "\" is ambiguous (write true or false)");
      return Optional.empty();
    }
    problems.at(node, path, "expected true or false but found " + describe(node));
    return Optional.empty();
  }

  /** A list of texts, each at its own path {@code path[i]}. */
  static Optional<List<Located<String>>> strings(Node node, String path, Problems problems) {
    if (!(node instanceof SequenceNode seq)) {
      problems.at(node, path, "expected a list but found " + describe(node) + " (write [a, b] or one \"- a\" per line)");
      return Optional.empty();
    }
    List<Located<String>> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String itemPath = path + "[" + i + "]";
      Optional<String> value = string(item, itemPath, problems);
      if (value.isPresent()) {
        out.add(new Located<>(value.get(), item, itemPath));
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /** A list of nodes, each at its own path. */
  static Optional<List<Located<Node>>> list(Node node, String path, Problems problems) {
    if (!(node instanceof SequenceNode seq)) {
      problems.at(node, path, "expected a list but found " + describe(node) + " (write one \"- \" item per line)");
      return Optional.empty();
    }
    List<Located<Node>> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      out.add(new Located<>(seq.getValue().get(i), seq.getValue().get(i), path + "[" + i + "]"));
    }
    return Optional.of(out);
  }

  /** A value with the node and path it was read from, for later checks that need a position. */
  record Located<T>(T value, Node node, String path) {}
}

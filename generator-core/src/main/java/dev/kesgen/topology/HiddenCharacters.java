package dev.kesgen.topology;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Refuses every key and value of the composed document that holds a {@link Printable#isHidden hidden} character:
 * the one place every topology string passes, before any field is read. Each such node gets this one message; what
 * the field's own rule would say about it is dropped. No field of a topology needs a tab, a line
 * break or an invisible character, and a bidi override (U+202E) would make {@code SUMMARY.md}, the KES
 * configuration or a message show another text than the one kesgen writes.
 */
final class HiddenCharacters {
  private HiddenCharacters() {}

  static void check(Node root, Problems problems) {
    walk(root, "", problems, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void walk(Node node, String path, Problems problems, Set<Node> seen) {
    if (!seen.add(node)) {
      return; // an alias: checked where it was anchored
    }
    if (node instanceof ScalarNode scalar) {
      scalar(scalar, path, "", problems);
    } else if (node instanceof SequenceNode sequence) {
      for (int i = 0; i < sequence.getValue().size(); i++) {
        walk(sequence.getValue().get(i), path + "[" + i + "]", problems, seen);
      }
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        String childPath = path;
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          childPath = Nodes.child(path, key.getValue());
          scalar(key, childPath, "the field name ", problems);
        } else {
          walk(tuple.getKeyNode(), path, problems, seen);
        }
        walk(tuple.getValueNode(), childPath, problems, seen);
      }
    }
  }

  private static void scalar(ScalarNode scalar, String path, String what, Problems problems) {
    OptionalInt hidden = Printable.firstHidden(scalar.getValue());
    if (hidden.isPresent()) {
      problems.refuse(scalar, path, what + "holds " + Printable.describe(hidden.getAsInt()) + ", a control or invisible"
          + " character (" + hint(hidden.getAsInt()) + "): retype the text without it");
    }
  }

  private static String hint(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.FORMAT -> "it can make the text look different from what kesgen writes";
      case Character.SPACE_SEPARATOR -> "it looks like a space but is not one";
      default -> "no field of a topology takes one, and it would reach generated files and terminals";
    };
  }
}

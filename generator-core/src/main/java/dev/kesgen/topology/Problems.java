package dev.kesgen.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects problems while a topology is read; a node read for several instances reports once. */
final class Problems {
  private final Path file;
  private final Set<Problem> problems = new LinkedHashSet<>();
  private final Set<Node> refused = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  Problems(Path file) {
    this.file = file;
  }

  void at(Node node, String path, String message) {
    if (!refused.contains(node)) {
      at(node.getStartMark(), path, message);
    }
  }

  /**
   * Reports a node's text as unusable whatever it says (it holds a hidden character): later problems at the same
   * node are dropped, so that the one message says what to fix.
   */
  void refuse(Node node, String path, String message) {
    at(node, path, message);
    refused.add(node);
  }

  void at(Mark mark, String path, String message) {
    int line = mark == null ? 1 : mark.getLine() + 1;
    int column = mark == null ? 1 : mark.getColumn() + 1;
    problems.add(new Problem(file, line, column, path, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<Problem> sorted() {
    List<Problem> list = new ArrayList<>(problems);
    list.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::yamlPath));
    return list;
  }
}

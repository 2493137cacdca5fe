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

  Problems(Path file) {
    this.file = file;
  }

  void at(Node node, String path, String message) {
    at(node.getStartMark(), path, message);
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

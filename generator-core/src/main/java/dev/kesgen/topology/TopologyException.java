package dev.kesgen.topology;

import java.util.List;
import java.util.stream.Collectors;

/** A topology file that cannot be used, with every problem found in it. */
public final class TopologyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** A failure listing these problems, in file order. */
  public TopologyException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    String header = problems.size() == 1 ? "1 problem in the topology:" : problems.size() + " problems in the topology:";
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n", header + "\n", ""));
  }
}

package dev.kesgen.topology;

import java.util.List;
import java.util.stream.Collectors;

/** A topology file that cannot be used, with every problem found in it. */
public final class TopologyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;
  private final boolean unreadable;

  /** A failure listing these problems, in file order. */
  public TopologyException(List<Problem> problems) {
    this(problems, false);
  }

  /**
   * A failure listing these problems; {@code unreadable} when the file could not be read at all (it does not exist,
   * is no regular file, is over the size limit, or reading failed), which is the environment's to fix (exit 3) rather
   * than a mistake in the topology (exit 1).
   */
  public TopologyException(List<Problem> problems, boolean unreadable) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
    this.unreadable = unreadable;
  }

  /** Whether the file could not be read at all (see {@link #TopologyException(List, boolean)}). */
  public boolean unreadable() {
    return unreadable;
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

package dev.kesgen.report;

import dev.kesgen.topology.Problem;
import dev.kesgen.topology.TopologyException;
import java.util.List;
import java.util.stream.Collectors;

/** The wording both front ends give a failed run: the topology's problems, and what a check found. */
public final class Messages {
  /** What a check that found nothing says. */
  public static final String CHECK_PASSED = "kesgen check passed";

  private Messages() {}

  /** A header and one {@code file:line:column: path: message} line per problem. */
  public static String topologyProblems(TopologyException e) {
    return "The topology has " + e.problems().size() + " problem(s); fix them and run again:"
        + indented(e.problems().stream().map(Problem::toString).toList());
  }

  /**
   * A header and one line per finding; {@code commands} is how this front end names generate and rotate, for
   * example {@code kesgen generate (or kesgen rotate)}.
   */
  public static String checkFound(List<String> findings, String commands) {
    return "kesgen check found " + findings.size() + " problem(s); run " + commands + " and commit the result:"
        + indented(findings);
  }

  /** Each line on a line of its own, indented by two spaces. */
  public static String indented(List<String> lines) {
    return lines.stream().collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}

package dev.kesgen.cli;

import dev.kesgen.ConfigurationException;
import dev.kesgen.EnvironmentException;
import dev.kesgen.InternalException;
import dev.kesgen.topology.Problem;
import dev.kesgen.topology.TopologyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: {@code --quiet}/{@code --verbose}, and how a library error becomes a message and an exit
 * code (topology problems and mistakes in the inputs 1, the file system 3, a bug 4).
 */
abstract class Subcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  Verbosity verbosity;

  /** Runs the command and returns its exit code. */
  abstract int run(Console console) throws Exception;

  @Override
  public final Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), verbosity);
    try {
      return run(console);
    } catch (CommandLine.ParameterException e) {
      throw e; // a usage error: picocli prints it and exits with 2
    } catch (Exception e) {
      return failed(console, e);
    }
  }

  /** The message and exit code of a failure. */
  final int failed(Console console, Exception e) {
    if (e instanceof TopologyException t) {
      console.error(topologyMessage(t));
      // a file that cannot be read at all is the environment's (exit 3), as any other unreadable input
      return t.unreadable() ? ExitCodes.ENVIRONMENT : ExitCodes.FINDINGS;
    }
    if (e instanceof ConfigurationException) {
      return report(console, e, ExitCodes.FINDINGS);
    }
    if (e instanceof EnvironmentException || e instanceof IOException || e instanceof UncheckedIOException) {
      return report(console, e, ExitCodes.ENVIRONMENT);
    }
    if (e instanceof InternalException) {
      console.error(e.getMessage());
      console.trace(e);
      return ExitCodes.INTERNAL;
    }
    console.error("kesgen " + spec.name() + " failed unexpectedly (a bug in kesgen): "
        + dev.kesgen.files.Failures.describe(e));
    console.trace(e);
    return ExitCodes.INTERNAL;
  }

  /** The plugin's wording: a header and one {@code file:line:column: path: message} line per problem. */
  static String topologyMessage(TopologyException e) {
    return "The topology has " + e.problems().size() + " problem(s); fix them and run again:"
        + e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  private static int report(Console console, Exception e, int code) {
    console.error(e.getMessage());
    if (console.verbose()) {
      console.trace(e);
    }
    return code;
  }
}

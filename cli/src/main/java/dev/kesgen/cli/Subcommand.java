package dev.kesgen.cli;

import dev.kesgen.ConfigurationException;
import dev.kesgen.EnvironmentException;
import dev.kesgen.InternalException;
import dev.kesgen.report.Messages;
import dev.kesgen.topology.TopologyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
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

  /**
   * The failure of a command that can answer in JSON ({@code --format json}): there, a topology problem or a mistake
   * in the inputs becomes findings and any other failure the document's {@code "error"}, besides its message and exit
   * code; in text, {@link #failed(Console, Exception)}. A topology file that cannot be read is the {@code "error"}.
   */
  final int failed(Console console, Exception e, boolean json, List<dev.kesgen.warning.Warning> warnings) {
    boolean unreadable = e instanceof TopologyException t && t.unreadable(); // the environment's: exit 3
    if (json && !unreadable && (e instanceof TopologyException || e instanceof ConfigurationException)) {
      List<Finding> findings = e instanceof TopologyException t
          ? t.problems().stream().map(Finding::of).toList()
          : List.of(Finding.configuration(e.getMessage()));
      Report.json(console, findings, warnings, null);
      return ExitCodes.FINDINGS;
    }
    int code = failed(console, e);
    if (json) {
      Report.json(console, List.of(), warnings, e.getMessage());
    }
    return code;
  }

  /** The message and exit code of a failure. */
  final int failed(Console console, Exception e) {
    if (e instanceof TopologyException t) {
      console.error(Messages.topologyProblems(t)); // the plugin's wording
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

  private static int report(Console console, Exception e, int code) {
    console.error(e.getMessage());
    if (console.verbose()) {
      console.trace(e);
    }
    return code;
  }
}

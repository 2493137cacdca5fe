package dev.kesgen.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * {@code java -jar kesgen.jar <command> [options]}: the command line beside the Maven plugin, making the same library
 * calls. Exits with 0 (success), 1 (findings), 2 (usage), 3 (environment) or 4 (internal error); see
 * {@link ExitCodes}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Handlebars logs through SLF4J, and the jar carries no SLF4J binding on purpose: silence SLF4J's own notice.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    OutputStream err = new FileOutputStream(FileDescriptor.err);
    System.exit(run(args, System.in, out, err));
  }

  /** Runs one command line with these streams and returns its exit code; UTF-8 on both output streams. */
  public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
    PrintWriter stdout = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter stderr = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      CommandLine cli = new CommandLine(new KesgenCommand(in))
          .setOut(stdout)
          .setErr(stderr)
          .setCaseInsensitiveEnumValuesAllowed(true)
          .setParameterExceptionHandler(Main::usageError)
          .setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // Commands map every library error themselves; this is the backstop for what escapes them.
            stderr.println("error: kesgen failed unexpectedly (a bug in kesgen): "
                + dev.kesgen.files.Failures.describe(e));
            return ExitCodes.INTERNAL;
          });
      return cli.execute(args);
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
    return ExitCodes.USAGE;
  }
}

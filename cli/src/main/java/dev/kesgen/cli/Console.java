package dev.kesgen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Where a command's lines go: results on standard output, errors and warnings on standard error; {@code --quiet}
 * keeps only results, errors and warnings, {@code --verbose} adds details and stack traces. A progress line on the
 * terminal is cleared before any other line is printed.
 */
final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Verbosity verbosity;
  private Progress progress = Progress.NONE;

  Console(PrintWriter out, PrintWriter err, Verbosity verbosity) {
    this.out = out;
    this.err = err;
    this.verbosity = verbosity;
  }

  /** This console without its lines on standard output (results and errors still print): for JSON mode. */
  Console silent() {
    Verbosity quiet = new Verbosity();
    quiet.quiet = true;
    return new Console(out, err, quiet);
  }

  boolean quiet() {
    return verbosity.quiet;
  }

  boolean verbose() {
    return verbosity.verbose && !verbosity.quiet;
  }

  PrintWriter err() {
    return err;
  }

  /** Makes this progress line the one to clear before printing. */
  void showing(Progress line) {
    this.progress = line;
  }

  /** A result: always on standard output (an identity, a JSON document). */
  void result(String text) {
    progress.clear();
    out.println(text);
    out.flush();
  }

  /** What a run did, on standard output unless {@code --quiet}. */
  void info(String line) {
    if (!quiet()) {
      result(line);
    }
  }

  /** A detail shown only with {@code --verbose}. */
  void detail(String line) {
    if (verbose()) {
      result(line);
    }
  }

  void warn(String message) {
    progress.clear();
    err.println("warning: " + message);
    err.flush();
  }

  void error(String message) {
    progress.clear();
    err.println("error: " + message);
    err.flush();
  }

  /** The stack trace with {@code --verbose}; otherwise a hint how to see it. */
  void trace(Throwable e) {
    if (verbose()) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    } else {
      err.println("Run again with --verbose for the stack trace.");
    }
    err.flush();
  }
}

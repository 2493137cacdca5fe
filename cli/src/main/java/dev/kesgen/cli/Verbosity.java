package dev.kesgen.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose}, on every command. */
final class Verbosity {
  @Option(names = {"-q", "--quiet"}, description = "Print only results, warnings and errors; no progress.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Also print every file written or deleted, and stack traces.")
  boolean verbose;
}

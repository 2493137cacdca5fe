package dev.kesgen.cli;

/** The exit codes of every command, as the README documents them. */
final class ExitCodes {
  /** The command did what it was asked; a check or validation found nothing. */
  static final int OK = 0;
  /** Findings: a check failed, the topology is invalid, or the library reports a mistake in the inputs. */
  static final int FINDINGS = 1;
  /** The command line is wrong: an unknown command or option, a missing or malformed value. */
  static final int USAGE = 2;
  /** The environment failed: a file or directory that cannot be read or written. */
  static final int ENVIRONMENT = 3;
  /** A bug in kesgen or an extension. */
  static final int INTERNAL = 4;

  private ExitCodes() {}
}

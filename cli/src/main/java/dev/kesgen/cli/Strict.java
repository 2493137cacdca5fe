package dev.kesgen.cli;

import dev.kesgen.warning.Warning;
import dev.kesgen.warning.Warnings;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --strict}, shared by generate, validate, check and plan: warnings not acknowledged fail the command (exit 1). */
final class Strict {
  static final String OPTION = "--strict";

  @Option(names = OPTION,
      description = "Fail (exit 1) on every warning the topology does not acknowledge (acknowledge: [{id, reason}]); "
          + "generate then writes nothing.")
  boolean strict;

  /** Why the command fails, when strict and some warning is not acknowledged. */
  Optional<String> refusal(List<Warning> warnings) {
    return strict ? Warnings.strictRefusal(warnings, OPTION) : Optional.empty();
  }
}

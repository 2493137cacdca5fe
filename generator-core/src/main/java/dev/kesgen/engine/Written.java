package dev.kesgen.engine;

import dev.kesgen.output.WriteResult;
import dev.kesgen.warning.Warning;
import java.util.List;

/**
 * What writing a plan did.
 *
 * @param output what happened in the output directory
 * @param warnings the plan's warnings and those of writing
 */
public record Written(WriteResult output, List<Warning> warnings) {
  public Written {
    warnings = List.copyOf(warnings);
  }
}

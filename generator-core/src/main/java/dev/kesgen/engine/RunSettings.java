package dev.kesgen.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a run reads and writes, and how it decides.
 *
 * @param outputDirectory the committed output
 * @param secretsDirectory private keys and Secret manifests
 * @param templateDirectory template overrides
 * @param clock "now"
 * @param rotate rotation names
 */
public record RunSettings(
    Path outputDirectory, Path secretsDirectory, Optional<Path> templateDirectory, Clock clock, Set<String> rotate) {
  public RunSettings {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(secretsDirectory, "secretsDirectory");
    Objects.requireNonNull(templateDirectory, "templateDirectory");
    Objects.requireNonNull(clock, "clock");
    rotate = Set.copyOf(rotate);
  }
}

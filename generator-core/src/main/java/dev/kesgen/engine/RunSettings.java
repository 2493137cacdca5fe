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
 * @param projectDirectory where commands are pasted ({@link dev.kesgen.GenerateRequest#projectDirectory()})
 */
public record RunSettings(Path outputDirectory, Path secretsDirectory, Optional<Path> templateDirectory, Clock clock,
    Set<String> rotate, Path projectDirectory) {
  public RunSettings {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(secretsDirectory, "secretsDirectory");
    Objects.requireNonNull(templateDirectory, "templateDirectory");
    Objects.requireNonNull(clock, "clock");
    rotate = Set.copyOf(rotate);
    Objects.requireNonNull(projectDirectory, "projectDirectory");
  }

  /** Settings whose project directory is the one that holds the output directory. */
  public RunSettings(Path outputDirectory, Path secretsDirectory, Optional<Path> templateDirectory, Clock clock,
      Set<String> rotate) {
    this(outputDirectory, secretsDirectory, templateDirectory, clock, rotate,
        outputDirectory.toAbsolutePath().normalize().getParent());
  }

  /** The output directory as commands pasted in the project directory name it ({@code generated}). */
  public String outputName() {
    return dev.kesgen.layout.HelmCommands.directoryName(projectDirectory, outputDirectory);
  }

  /** The secrets directory as commands pasted in the project directory name it ({@code secrets}). */
  public String secretsName() {
    return dev.kesgen.layout.HelmCommands.directoryName(projectDirectory, secretsDirectory);
  }
}

package dev.kesgen.cli;

import dev.kesgen.GenerateRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options generate, check, rotate and validate share, named as the plugin's parameters (kebab-case, and the
 * plugin's camelCase spelling as an alias); relative paths resolve against the working directory.
 */
final class RunOptions {
  @Option(names = "--topology", paramLabel = "FILE", defaultValue = "topology.yaml",
      description = "The topology file (default: ${DEFAULT-VALUE}).")
  Path topology;

  // no defaultValue: picocli would apply it after the camelCase alias below had set the field
  @Option(names = "--output-directory", paramLabel = "DIR",
      description = "Where the committed output goes (default: generated).")
  Path outputDirectory;

  @Option(names = "--secrets-directory", paramLabel = "DIR",
      description = "Where private keys and Secret manifests go; never committed (default: secrets).")
  Path secretsDirectory;

  @Option(names = "--template-directory", paramLabel = "DIR",
      description = "Templates that override the embedded ones by relative name (e.g. vault/policy.hcl.hbs).")
  Path templateDirectory;

  // The plugin's camelCase spellings work too, but the usage shows only the kebab-case ones (picocli would list the
  // shorter camelCase name first).
  @Option(names = "--outputDirectory", hidden = true, paramLabel = "DIR")
  void outputDirectoryAlias(Path directory) {
    if (directory != null) {
      outputDirectory = directory;
    }
  }

  @Option(names = "--secretsDirectory", hidden = true, paramLabel = "DIR")
  void secretsDirectoryAlias(Path directory) {
    if (directory != null) {
      secretsDirectory = directory;
    }
  }

  @Option(names = "--templateDirectory", hidden = true, paramLabel = "DIR")
  void templateDirectoryAlias(Path directory) {
    if (directory != null) {
      templateDirectory = directory;
    }
  }

  @Option(names = "--clock", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "TESTS ONLY: an ISO-8601 instant (e.g. 2026-01-01T00:00:00Z) used as \"now\" to issue, renew "
          + "and check certificates.")
  Instant clock;

  /** The request these options describe; warns when the clock is fixed. */
  GenerateRequest request(Console console) {
    Clock now = Clock.systemUTC();
    if (clock != null) {
      console.warn("--clock is set: using the fixed time " + clock + " instead of the system clock (tests only)");
      now = Clock.fixed(clock, ZoneOffset.UTC);
    }
    // commands the run prints and the values' headers name paths as from here, where relative paths resolve
    return new GenerateRequest(topology, outputDirectory == null ? Path.of("generated") : outputDirectory,
        secretsDirectory == null ? Path.of("secrets") : secretsDirectory, Optional.ofNullable(templateDirectory),
        now, Set.of(), Path.of("").toAbsolutePath());
  }

  /** Reads {@code --clock}. */
  static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an ISO-8601 instant like 2026-01-01T00:00:00Z");
      }
    }
  }
}

package dev.kesgen.cli;

import dev.kesgen.CheckResult;
import dev.kesgen.ContinuousIntegration;
import dev.kesgen.GenerateRequest;
import dev.kesgen.KesgenEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kesgen generate}: the plugin's generate goal, with the same rule in CI. */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Generates Vault policies, KES configuration, Helm values and certificates from the topology; "
        + "writes only what changed. Where the environment variable CI is set it writes nothing and fails (exit 1) "
        + "when the committed output is stale.")
final class GenerateCommand extends Subcommand {
  static final String WRITE_IN_CI = "--write-in-ci";

  @Option(names = WRITE_IN_CI,
      description = "Write even where the environment variable CI is set (without it, generate in CI only compares "
          + "the committed output with what it would write, as check does).")
  boolean writeInCi;

  @Option(names = "--fail-on-destructive",
      description = "Write nothing and exit 1 when a change removes access to data, leaves objects behind or needs "
          + "a restart (see the plan it prints).")
  boolean failOnDestructive;

  @Option(names = "--writeInCi", hidden = true)
  void writeInCiAlias(boolean on) {
    writeInCi |= on;
  }

  @Option(names = "--failOnDestructive", hidden = true)
  void failOnDestructiveAlias(boolean on) {
    failOnDestructive |= on;
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = Format.Converter.class,
      description = "text (the plan, what was done and the next steps) or json (one document on standard output).")
  Format format;

  @Mixin
  RunOptions options;

  @Mixin
  Strict strict;

  @Override
  int run(Console console) throws Exception {
    GenerateRequest request = options.request(console);
    boolean ci = ContinuousIntegration.detected(System.getenv());
    if (ci && !writeInCi && format == Format.JSON) {
      return compareAsJson(console, request);
    }
    if (ci && writeInCi) {
      console.info("kesgen: CI is set and " + WRITE_IN_CI + " is given: generate writes");
    } else if (ci) {
      console.info("kesgen: " + ContinuousIntegration.notice(WRITE_IN_CI));
      // only the warnings: a comparison issues nothing, so "issued" lines would mislead
      CheckResult compared = ContinuousIntegration.compare(request, WRITE_IN_CI, event -> {
        if (event instanceof KesgenEvent.Warning warning) {
          console.warn(warning.message());
        }
      });
      java.util.Optional<String> refused = strict.refusal(compared.warnings());
      if (refused.isPresent()) {
        console.error(refused.get());
        return ExitCodes.FINDINGS;
      }
      console.info("kesgen: the committed output is up to date; nothing written");
      return ExitCodes.OK;
    }
    return WriteRun.run(this, console, request, format == Format.JSON, failOnDestructive, false, strict);
  }

  /** Generate in CI as JSON: the comparison's outcome as one document, like check's. */
  private int compareAsJson(Console console, GenerateRequest request) {
    java.util.List<dev.kesgen.warning.Warning> warnings = new java.util.ArrayList<>();
    try {
      CheckResult compared = ContinuousIntegration.compare(request, WRITE_IN_CI, event -> {
        if (event instanceof KesgenEvent.Warning warning) {
          warnings.add(warning.warning());
        }
      });
      java.util.Optional<String> refused = strict.refusal(compared.warnings());
      Report.json(console, java.util.List.of(), warnings, refused.orElse(null));
      return refused.isPresent() ? ExitCodes.FINDINGS : ExitCodes.OK;
    } catch (dev.kesgen.topology.TopologyException e) {
      if (e.unreadable()) {
        int code = failed(console, e);
        Report.json(console, java.util.List.of(), warnings, e.getMessage());
        return code;
      }
      Report.json(console, e.problems().stream().map(Finding::of).toList(), warnings, null);
      return ExitCodes.FINDINGS;
    } catch (dev.kesgen.ConfigurationException e) {
      Report.json(console, java.util.List.of(Finding.configuration(e.getMessage())), warnings, null);
      return ExitCodes.FINDINGS;
    } catch (Exception e) {
      int code = failed(console, e);
      Report.json(console, java.util.List.of(), warnings, dev.kesgen.files.Failures.describe(e));
      return code;
    }
  }
}

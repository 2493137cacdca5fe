package dev.kesgen.cli;

import dev.kesgen.CheckResult;
import dev.kesgen.ContinuousIntegration;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenEvent;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.topology.Topology;
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

  @Option(names = {WRITE_IN_CI, "--writeInCi"},
      description = "Write even where the environment variable CI is set (without it, generate in CI only compares "
          + "the committed output with what it would write, as check does).")
  boolean writeInCi;

  @Option(names = {"--fail-on-destructive", "--failOnDestructive"},
      description = "Write nothing and exit 1 when a change removes access to data, leaves objects behind or needs "
          + "a restart (see the plan it prints).")
  boolean failOnDestructive;

  @Mixin
  RunOptions options;

  @Mixin
  Strict strict;

  @Override
  int run(Console console) throws Exception {
    GenerateRequest request = options.request(console);
    boolean ci = ContinuousIntegration.detected(System.getenv());
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
    Topology topology = Kesgen.load(request.topology());
    Progress progress = Progress.of(console, false, topology);
    RunLog log = new RunLog(console, progress, true);
    Plan plan = Kesgen.plan(topology, request, log);
    progress.clear();
    ChangeSet changes = Kesgen.changes(plan);
    PlanReport.text(console, changes, false);
    if (failOnDestructive && !changes.destructive().isEmpty()) {
      console.error(changes.refusal(true));
      return ExitCodes.FINDINGS;
    }
    java.util.Optional<String> refused = strict.refusal(plan.warnings());
    if (refused.isPresent()) {
      console.error(refused.get() + "\nNothing written.");
      return ExitCodes.FINDINGS;
    }
    progress.writing();
    log.finished(Kesgen.write(plan, log));
    return ExitCodes.OK;
  }
}

package dev.kesgen.cli;

import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kesgen generate}: the plugin's generate goal. */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Generates Vault policies, KES configuration, Helm values and certificates from the topology; "
        + "writes only what changed.")
final class GenerateCommand extends Subcommand {
  @Option(names = {"--fail-on-destructive", "--failOnDestructive"},
      description = "Write nothing and exit 1 when a change removes access to data, leaves objects behind or needs "
          + "a restart (see the plan it prints).")
  boolean failOnDestructive;

  @Mixin
  RunOptions options;

  @Override
  int run(Console console) throws Exception {
    GenerateRequest request = options.request(console);
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
    progress.writing();
    log.finished(Kesgen.write(plan, log));
    return ExitCodes.OK;
  }
}

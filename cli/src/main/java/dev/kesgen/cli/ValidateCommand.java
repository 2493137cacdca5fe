package dev.kesgen.cli;

import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.topology.Topology;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kesgen validate}: loads and checks the topology and plans the whole run in memory (templates, certificates,
 * every file), writing nothing; the fast check for a pre-commit hook.
 */
@Command(name = "validate", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Loads and checks the topology and plans every file and certificate in memory; writes nothing. "
        + "Exit 1 lists every problem.")
final class ValidateCommand extends Subcommand {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = Format.Converter.class,
      description = "text (problems on standard error) or json (one document on standard output).")
  Format format;

  @Mixin
  RunOptions options;

  @Mixin
  Strict strict;

  @Override
  int run(Console console) throws Exception {
    boolean json = format == Format.JSON;
    GenerateRequest request = options.request(console);
    Plan plan;
    try {
      Topology topology = Kesgen.load(request.topology());
      Progress progress = Progress.of(console, json, topology);
      try {
        plan = Kesgen.plan(topology, request, new RunLog(console, progress, false, !json));
      } finally {
        progress.clear();
      }
    } catch (Exception e) {
      return failed(console, e, json, List.of());
    }
    ChangeSet changes = Kesgen.changes(plan);
    java.util.Optional<String> refused = strict.refusal(plan.warnings());
    if (json) {
      Report.json(console, List.of(), plan.warnings(), refused.orElse(null), PlanReport.json(changes));
    } else if (refused.isPresent()) {
      console.error(refused.get());
    } else {
      int tenants = plan.topology().instances().stream().mapToInt(i -> i.tenants().size()).sum();
      console.info(request.topology() + " is valid: " + plan.topology().instances().size() + " instance(s), "
          + tenants + " tenant(s), " + plan.files().size() + " file(s) planned; nothing written");
      PlanReport.text(console, changes, false);
    }
    return refused.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}

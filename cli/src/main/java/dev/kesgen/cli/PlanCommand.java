package dev.kesgen.cli;

import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.topology.Topology;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kesgen plan}: what generate would change, per file and in words, against the output directory or another
 * one ({@code --against}, for example the base branch's output in a pull request); writes nothing.
 */
@Command(name = "plan", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Shows what generate would change (+ add, ~ change, - delete) and what it means, marking the "
        + "destructive changes; writes nothing. Exit 1 with --fail-on-destructive when there are any.")
final class PlanCommand extends Subcommand {
  @Option(names = "--against", paramLabel = "DIR",
      description = "Compare with this output directory instead of --output-directory (e.g. the base branch's).")
  Path against;

  @Option(names = "--fail-on-destructive",
      description = "Exit 1 when a change removes access to data, leaves objects behind or needs a restart.")
  boolean failOnDestructive;

  @Option(names = "--failOnDestructive", hidden = true)
  void failOnDestructiveAlias(boolean on) {
    failOnDestructive |= on;
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = Format.Converter.class,
      description = "text or json (one document on standard output).")
  Format format;

  @Mixin
  RunOptions options;

  @Mixin
  Strict strict;

  @Override
  int run(Console console) throws Exception {
    GenerateRequest request = options.request(console);
    Topology topology = Kesgen.load(request.topology());
    Progress progress = Progress.of(console, format == Format.JSON, topology);
    Plan plan;
    try {
      plan = Kesgen.plan(topology, request, new RunLog(console, progress, false, format != Format.JSON));
    } finally {
      progress.clear();
    }
    ChangeSet changes = against == null ? Kesgen.changes(plan) : Kesgen.changes(plan, against);
    boolean refused = failOnDestructive && !changes.destructive().isEmpty();
    java.util.Optional<String> strictRefusal = strict.refusal(plan.warnings());
    if (format == Format.JSON) {
      console.result("{\"ok\":" + (!refused && strictRefusal.isEmpty())
          + strictRefusal.map(m -> ",\"error\":" + Json.string(m)).orElse("")
          + ",\"warnings\":" + Report.warnings(plan.warnings()) + ",\"plan\":" + PlanReport.json(changes) + "}");
    } else {
      PlanReport.text(console, changes, true);
      if (refused) {
        console.error(changes.refusal(false));
      }
      strictRefusal.ifPresent(console::error);
    }
    return refused || strictRefusal.isPresent() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}

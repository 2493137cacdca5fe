package dev.kesgen.cli;

import dev.kesgen.CertificateReport;
import dev.kesgen.ConfigurationException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.change.NextSteps;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyException;
import dev.kesgen.warning.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A run that writes, as generate and rotate make it: the plan, the run's lines, the identities that changed and the
 * next steps; or, with {@code --format json}, one document on standard output
 * {@code {"ok":..,"findings":[..],"warnings":[..],"plan":{..},"written":[..],"deleted":[..],"certificates":[..],
 * "nextSteps":[..]}} and nothing else there, the warnings only inside it.
 */
final class WriteRun {
  private WriteRun() {}

  /**
   * Plans, prints the plan, writes unless {@code failOnDestructive} refuses, and reports (with {@code identities}
   * every identity that changed, as rotate does); returns the exit code.
   */
  static int run(Subcommand command, Console console, GenerateRequest request, boolean json,
      boolean failOnDestructive, boolean identities, Strict strict) {
    List<Warning> warnings = new ArrayList<>();
    Console lines = json ? console.silent() : console;
    Progress progress = Progress.NONE;
    try {
      Topology topology = Kesgen.load(request.topology());
      progress = Progress.of(lines, json, topology);
      RunLog log = new RunLog(lines, progress, true);
      KesgenListener listener = event -> {
        if (json && event instanceof KesgenEvent.Warning warning) {
          warnings.add(warning.warning()); // in the document only: once per format
        } else {
          log.on(event);
        }
      };
      Plan plan = Kesgen.plan(topology, request, listener);
      progress.clear();
      ChangeSet changes = Kesgen.changes(plan);
      PlanReport.text(lines, changes, false);
      if (failOnDestructive && !changes.destructive().isEmpty()) {
        if (json) {
          Report.json(console, List.of(Finding.configuration(changes.refusal(true))), warnings, null,
              PlanReport.json(changes));
        } else {
          console.error(changes.refusal(true));
        }
        return ExitCodes.FINDINGS;
      }
      java.util.Optional<String> refused = strict == null ? java.util.Optional.empty()
          : strict.refusal(plan.warnings());
      if (refused.isPresent()) {
        if (json) {
          Report.json(console, List.of(), warnings, refused.get() + "\nNothing written.", PlanReport.json(changes));
        } else {
          console.error(refused.get() + "\nNothing written.");
        }
        return ExitCodes.FINDINGS;
      }
      List<String> steps = Kesgen.nextSteps(plan, changes);
      progress.writing();
      GenerateResult result = Kesgen.write(plan, listener);
      log.finished(result);
      for (CertificateReport changed : result.changedIdentities()) {
        String was = changed.previousIdentity().orElse("(none)");
        if (identities && !json) {
          console.result("Identity changed: " + changed.name() + ": " + was + " -> " + changed.identity());
        }
      }
      NextSteps.lines(steps).forEach(lines::info);
      if (json) {
        console.result(document(warnings, changes, result, steps));
      }
      return ExitCodes.OK;
    } catch (TopologyException | ConfigurationException e) {
      progress.clear();
      if (!json || e instanceof TopologyException t && t.unreadable()) {
        int code = command.failed(console, e);
        if (json) {
          Report.json(console, List.of(), warnings, e.getMessage());
        }
        return code;
      }
      List<Finding> findings = e instanceof TopologyException t
          ? t.problems().stream().map(Finding::of).toList()
          : List.of(Finding.configuration(e.getMessage()));
      Report.json(console, findings, warnings, null);
      return ExitCodes.FINDINGS;
    } catch (Exception e) {
      progress.clear();
      int code = command.failed(console, e);
      if (json) {
        Report.json(console, List.of(), warnings, dev.kesgen.files.Failures.describe(e));
      }
      return code;
    }
  }

  private static String document(List<Warning> warnings, ChangeSet changes, GenerateResult result,
      List<String> steps) {
    return "{\"ok\":true,\"findings\":[],\"warnings\":" + Report.warnings(warnings)
        + ",\"plan\":" + PlanReport.json(changes)
        + ",\"written\":" + strings(result.written())
        + ",\"deleted\":" + strings(result.deleted())
        + ",\"certificates\":[" + result.certificates().stream().map(WriteRun::certificate)
            .collect(Collectors.joining(",")) + "]"
        + ",\"nextSteps\":" + strings(steps) + "}";
  }

  private static String certificate(CertificateReport c) {
    return "{\"name\":" + Json.string(c.name()) + ",\"action\":"
        + Json.string(c.action().name().toLowerCase(Locale.ROOT)) + ",\"reason\":" + Json.string(c.reason())
        + ",\"identity\":" + Json.string(c.identity())
        + c.previousIdentity().map(p -> ",\"previousIdentity\":" + Json.string(p)).orElse("")
        + ",\"identityChanged\":" + c.identityChanged()
        + ",\"notAfter\":" + Json.string(c.notAfter().toString()) + "}";
  }

  private static String strings(List<String> values) {
    return values.stream().map(Json::string).collect(Collectors.joining(",", "[", "]"));
  }
}

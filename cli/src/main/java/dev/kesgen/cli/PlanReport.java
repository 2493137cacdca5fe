package dev.kesgen.cli;

import dev.kesgen.change.ChangeSet;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A change plan as text, like {@code terraform plan}: what the changes mean (destructive ones marked {@code !}),
 * then {@code + ~ -} per file, then {@code N to add, M to change, K to delete.}; or as JSON.
 */
final class PlanReport {
  private PlanReport() {}

  /** The plan on standard output; every file with {@code allFiles}, else up to {@link dev.kesgen.report.RunLog#FILES_SHOWN}. */
  static void text(Console console, ChangeSet plan, boolean allFiles) {
    dev.kesgen.report.RunLog.plan(RunLog.sink(console, true), plan,
        allFiles ? Integer.MAX_VALUE : dev.kesgen.report.RunLog.FILES_SHOWN);
  }

  /** {@code {"summary":..,"add":N,"change":M,"delete":K,"files":[{"op":"+","path":..}],"changes":[..]}}. */
  static String json(ChangeSet plan) {
    return "{\"summary\":" + Json.string(plan.summary()) + ",\"add\":" + plan.toAdd() + ",\"change\":"
        + plan.toChange() + ",\"delete\":" + plan.toDelete()
        + ",\"files\":[" + plan.files().stream().map(f -> "{\"op\":" + Json.string(f.operation().symbol())
            + ",\"path\":" + Json.string(f.path()) + "}").collect(Collectors.joining(",")) + "]"
        + ",\"changes\":[" + plan.changes().stream().map(c -> "{\"kind\":"
            + Json.string(c.kind().name().toLowerCase(Locale.ROOT)) + ",\"subject\":" + Json.string(c.subject())
            + ",\"destructive\":" + c.destructive() + ",\"message\":" + Json.string(c.message()) + "}")
            .collect(Collectors.joining(",")) + "]}";
  }
}

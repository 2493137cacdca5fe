package dev.kesgen.cli;

import dev.kesgen.warning.Warning;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What check and validate found, printed in the chosen format. Text: every finding on standard error, one line
 * each. JSON: one document on standard output,
 * {@code {"ok":false,"findings":[{"kind":..,"file":..,"line":..,"column":..,"path":..,"message":..}],
 * "warnings":[{"id":..,"instance":..,"tenant":..,"message":..,"acknowledged":..}]}}, with {@code "error"} (the message)
 * when the run failed for another reason (a strict run's unacknowledged warnings among them). The warnings are in the
 * document only, never on standard error besides.
 */
final class Report {
  private Report() {}

  static void json(Console console, List<Finding> findings, List<Warning> warnings, String error) {
    json(console, findings, warnings, error, null);
  }

  /** The same with {@code "plan":<plan>} (a JSON object, as {@link PlanReport#json}) when {@code plan} is given. */
  static void json(Console console, List<Finding> findings, List<Warning> warnings, String error, String plan) {
    String document = "{\"ok\":" + (findings.isEmpty() && error == null)
        + (error == null ? "" : ",\"error\":" + Json.string(error))
        + ",\"findings\":[" + findings.stream().map(Finding::json).collect(Collectors.joining(",")) + "]"
        + ",\"warnings\":" + warnings(warnings)
        + (plan == null ? "" : ",\"plan\":" + plan) + "}";
    console.result(document);
  }

  /** The warnings as a JSON array: {@code id}, {@code instance} and {@code tenant} where it has them, {@code message}, {@code acknowledged} (the reason) where acknowledged. */
  static String warnings(List<Warning> warnings) {
    return warnings.stream().map(w -> "{\"id\":" + Json.string(w.id().id())
        + w.instance().map(i -> ",\"instance\":" + Json.string(i)).orElse("")
        + w.tenant().map(t -> ",\"tenant\":" + Json.string(t)).orElse("")
        + ",\"message\":" + Json.string(w.message())
        + w.acknowledged().map(r -> ",\"acknowledged\":" + Json.string(r)).orElse("") + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  static String lines(List<Finding> findings) {
    return findings.stream().map(Finding::text).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}

package dev.kesgen.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What check and validate found, printed in the chosen format. Text: every finding on standard error, one line
 * each. JSON: one document on standard output,
 * {@code {"ok":false,"findings":[{"kind":..,"file":..,"line":..,"column":..,"path":..,"message":..}],"warnings":[..]}},
 * with {@code "error"} (the message) when the run failed for another reason.
 */
final class Report {
  private Report() {}

  static void json(Console console, List<Finding> findings, List<String> warnings, String error) {
    json(console, findings, warnings, error, null);
  }

  /** The same with {@code "plan":<plan>} (a JSON object, as {@link PlanReport#json}) when {@code plan} is given. */
  static void json(Console console, List<Finding> findings, List<String> warnings, String error, String plan) {
    String document = "{\"ok\":" + (findings.isEmpty() && error == null)
        + (error == null ? "" : ",\"error\":" + Json.string(error))
        + ",\"findings\":[" + findings.stream().map(Finding::json).collect(Collectors.joining(",")) + "]"
        + ",\"warnings\":[" + warnings.stream().map(Json::string).collect(Collectors.joining(",")) + "]"
        + (plan == null ? "" : ",\"plan\":" + plan) + "}";
    console.result(document);
  }

  static String lines(List<Finding> findings) {
    return findings.stream().map(Finding::text).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}

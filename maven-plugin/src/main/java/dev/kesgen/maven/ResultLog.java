package dev.kesgen.maven;

import dev.kesgen.CertificateReport;
import dev.kesgen.GenerateResult;
import org.apache.maven.plugin.logging.Log;

/** Writes what a generate run did to the Maven log: instances and tenants, certificates, warnings and a summary. */
final class ResultLog {
  static final String UP_TO_DATE = "Up to date: nothing written.";

  private ResultLog() {}

  static void generated(Log log, GenerateResult result) {
    result.lines().forEach(log::info);
    result.certificates().forEach(c -> log.info(c.describe()));
    result.warnings().forEach(log::warn);
    log.info(summary(result));
    if (result.upToDate() && result.certificates().stream().allMatch(ResultLog::kept)) {
      log.info(UP_TO_DATE);
    }
  }

  /** For example {@code Files written 3, kept 40, deleted 0; certificates issued 1, renewed 0, kept 4}. */
  static String summary(GenerateResult result) {
    return "Files written " + result.written().size() + ", kept " + result.kept().size()
        + ", deleted " + result.deleted().size()
        + "; certificates issued " + count(result, "issued")
        + ", renewed " + count(result, "renewed")
        + ", kept " + result.certificates().stream().filter(ResultLog::kept).count();
  }

  private static long count(GenerateResult result, String action) {
    return result.certificates().stream().filter(c -> c.action().equals(action)).count();
  }

  // "kept (key not present here)" and its siblings are kept too: nothing was issued.
  private static boolean kept(CertificateReport certificate) {
    return certificate.action().startsWith("kept");
  }
}

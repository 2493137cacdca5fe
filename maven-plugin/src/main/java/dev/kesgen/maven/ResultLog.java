package dev.kesgen.maven;

import dev.kesgen.GenerateResult;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.report.LogSink;
import dev.kesgen.report.RunLog;
import org.apache.maven.plugin.logging.Log;

/**
 * The lines of a run ({@link RunLog}, the wording the command line prints too) in Maven's log: changes, warnings
 * and the summary at info and warn level, each instance's line with its certificate counts; kept certificates,
 * tenants and written files at debug level ({@code mvn -X}).
 */
final class ResultLog implements KesgenListener {
  private final Log log;
  private final RunLog lines;

  ResultLog(Log log) {
    this.log = log;
    this.lines = RunLog.of(sink(log)).withCertificateCounts();
  }

  @Override
  public void on(KesgenEvent event) {
    lines.on(event);
  }

  /** The change plan, as the command line prints it ({@code mvn -X} for every file of a large plan). */
  void plan(ChangeSet plan) {
    plan(plan, RunLog.FILES_SHOWN);
  }

  /** The change plan with up to {@code filesShown} files at info level. */
  void plan(ChangeSet plan, int filesShown) {
    RunLog.plan(sink(log), plan, filesShown);
  }

  /** The commands that follow the run, as the command line prints them. */
  void nextSteps(java.util.List<String> steps) {
    dev.kesgen.change.NextSteps.lines(steps).forEach(log::info);
  }

  /** A listener that logs the warnings of a run only (for goals that report a result of their own). */
  static KesgenListener warningsOnly(Log log) {
    return RunLog.warningsOnly(sink(log));
  }

  /** The closing lines of a generate run. */
  void finished(GenerateResult result) {
    lines.finished(result);
  }

  private static LogSink sink(Log log) {
    return new LogSink() {
      @Override
      public void info(String line) {
        log.info(line);
      }

      @Override
      public void detail(String line) {
        log.debug(line);
      }

      @Override
      public void warn(String message) {
        log.warn(message);
      }

      @Override
      public boolean detailShown() {
        return log.isDebugEnabled();
      }
    };
  }
}

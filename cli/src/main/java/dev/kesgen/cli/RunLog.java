package dev.kesgen.cli;

import dev.kesgen.GenerateResult;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.report.LogSink;

/**
 * The lines of a run ({@link dev.kesgen.report.RunLog}, the wording the Maven plugin logs too) on the console:
 * changes and the summary on standard output, warnings on standard error, details only with {@code --verbose}; and
 * the events fed to the progress line.
 */
final class RunLog implements KesgenListener {
  private final Progress progress;
  private final dev.kesgen.report.RunLog log;

  /** A log of every event; {@code lines} false keeps only warnings (and the progress line). */
  RunLog(Console console, Progress progress, boolean lines) {
    this(console, progress, lines, true);
  }

  /**
   * The same, with {@code warnings} false when the command reports the warnings in a document of its own (JSON), so
   * that each warning is shown once.
   */
  RunLog(Console console, Progress progress, boolean lines, boolean warnings) {
    this.progress = progress;
    LogSink sink = sink(console, warnings);
    this.log = lines ? dev.kesgen.report.RunLog.of(sink) : dev.kesgen.report.RunLog.warningsOnly(sink);
  }

  /** The console as a place for report lines; warnings dropped unless {@code warnings}. */
  static LogSink sink(Console console, boolean warnings) {
    return new LogSink() {
      @Override
      public void info(String line) {
        console.info(line);
      }

      @Override
      public void detail(String line) {
        console.detail(line);
      }

      @Override
      public void warn(String message) {
        if (warnings) {
          console.warn(message);
        }
      }

      @Override
      public boolean detailShown() {
        return console.verbose();
      }
    };
  }

  @Override
  public void on(KesgenEvent event) {
    log.on(event);
    progress.on(event);
  }

  /** The closing lines of a generate or rotate run. */
  void finished(GenerateResult result) {
    progress.clear();
    log.finished(result);
  }
}

package dev.kesgen.cli;

import dev.kesgen.CertificateReport;
import dev.kesgen.GenerateResult;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;

/**
 * Turns the events of a run into the lines the Maven plugin logs (the same wording), sized for large topologies: a
 * line per instance, a line per change (certificate issued or renewed, file deleted) and a summary on standard
 * output, warnings on standard error; tenants, kept certificates and files written only with {@code --verbose}; and
 * feeds the progress line.
 */
final class RunLog implements KesgenListener {
  static final String UP_TO_DATE = "Up to date: nothing written.";

  private final Console console;
  private final Progress progress;
  private final boolean lines;
  private final boolean warnings;

  /** A log of every event; {@code lines} false keeps only warnings (and the progress line). */
  RunLog(Console console, Progress progress, boolean lines) {
    this(console, progress, lines, true);
  }

  /**
   * The same, with {@code warnings} false when the command reports the warnings in a document of its own (JSON), so
   * that each warning is shown once.
   */
  RunLog(Console console, Progress progress, boolean lines, boolean warnings) {
    this.console = console;
    this.progress = progress;
    this.lines = lines;
    this.warnings = warnings;
  }

  @Override
  public void on(KesgenEvent event) {
    if (event instanceof KesgenEvent.Warning warning) {
      if (warnings) {
        console.warn(warning.message());
      }
    } else if (lines && event instanceof KesgenEvent.InstancePlanned planned) {
      instance(planned.instance());
    } else if (lines && event instanceof KesgenEvent.CertificateDecided decided) {
      // a large topology keeps thousands of certificates: only changes by default, the rest with --verbose
      if (decided.certificate().action().isKept()) {
        console.detail(describe(decided.certificate()));
      } else {
        console.info(describe(decided.certificate()));
      }
    } else if (lines && event instanceof KesgenEvent.FileWritten written) {
      console.detail("wrote " + written.path());
    } else if (lines && event instanceof KesgenEvent.FileDeleted deleted) {
      console.info("deleted " + deleted.path());
    }
    progress.on(event);
  }

  /** The closing lines of a generate or rotate run. */
  void finished(GenerateResult result) {
    progress.clear();
    console.info(summary(result));
    if (result.upToDate() && result.certificates().stream().allMatch(c -> c.action().isKept())) {
      console.info(UP_TO_DATE);
    }
  }

  private void instance(Instance instance) {
    console.info("instance " + instance.name() + ": KES " + instance.kes().version() + " in namespace "
        + instance.namespace() + ", " + instance.tenants().size() + " tenant(s)");
    for (Tenant tenant : instance.tenants()) {
      console.detail("  tenant " + tenant.name() + ": MinIO " + tenant.minioVersion() + " (" + tenant.chart()
          + ") in namespace " + tenant.namespace() + ", keys " + String.join(", ", tenant.keys()));
    }
  }

  /** One line, for example {@code tenants/dev/gecko: renewed (expires ...), identity 3ab9..., expires ...}. */
  static String describe(CertificateReport c) {
    String why = c.reason().isEmpty() ? "" : " (" + c.reason() + ")";
    String was = c.previousIdentity().filter(p -> !p.equals(c.identity())).map(p -> ", was " + p).orElse("");
    return c.name() + ": " + action(c) + why + ", identity " + c.identity() + was + ", expires " + c.notAfter();
  }

  private static String action(CertificateReport c) {
    return switch (c.action()) {
      case ISSUED -> "issued";
      case RENEWED -> "renewed";
      case KEPT -> "kept";
      case KEPT_KEY_ABSENT -> "kept (key not present here)";
    };
  }

  /** For example {@code Files written 3, kept 40, deleted 0; certificates issued 1, renewed 0, kept 4}. */
  static String summary(GenerateResult result) {
    return "Files written " + result.written().size() + ", kept " + result.kept().size()
        + ", deleted " + result.deleted().size()
        + "; certificates issued " + count(result, CertificateOutcome.Action.ISSUED)
        + ", renewed " + count(result, CertificateOutcome.Action.RENEWED)
        + ", kept " + result.certificates().stream().filter(c -> c.action().isKept()).count();
  }

  private static long count(GenerateResult result, CertificateOutcome.Action action) {
    return result.certificates().stream().filter(c -> c.action() == action).count();
  }
}

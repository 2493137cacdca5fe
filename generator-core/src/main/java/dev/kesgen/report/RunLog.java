package dev.kesgen.report;

import dev.kesgen.CertificateReport;
import dev.kesgen.GenerateResult;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the events of a run into lines sized for large topologies, the same for every front end: a line per instance,
 * a line per change (a certificate issued or renewed, a file deleted, a warning) and a summary; tenants, kept
 * certificates and written files are details, so a no-op over 10,000 tenants prints a dozen lines, not 20,000.
 */
public final class RunLog implements KesgenListener {
  /** The last line of a run that changed nothing. */
  public static final String UP_TO_DATE = "Up to date: nothing written.";
  /** Beyond this many changed files, generate lists them only as details (the plan command lists them all). */
  public static final int FILES_SHOWN = 50;

  private final LogSink sink;
  private final boolean lines;
  private final boolean counts;
  /** Per instance: certificates kept, issued, renewed; every certificate is decided before any instance is planned. */
  private final Map<String, int[]> decided = new HashMap<>();

  private RunLog(LogSink sink, boolean lines, boolean counts) {
    this.sink = sink;
    this.lines = lines;
    this.counts = counts;
  }

  /** A log of every event. */
  public static RunLog of(LogSink sink) {
    return new RunLog(sink, true, false);
  }

  /** A log of the warnings only, for runs that report a result of their own (check, plan, validate). */
  public static RunLog warningsOnly(LogSink sink) {
    return new RunLog(sink, false, false);
  }

  /** The same log whose instance lines also count that instance's certificates kept, issued and renewed. */
  public RunLog withCertificateCounts() {
    return new RunLog(sink, lines, true);
  }

  @Override
  public void on(KesgenEvent event) {
    if (event instanceof KesgenEvent.Warning warning) {
      sink.warn(warning.message());
    } else if (lines && event instanceof KesgenEvent.InstancePlanned planned) {
      instance(planned.instance());
    } else if (lines && event instanceof KesgenEvent.CertificateDecided d) {
      certificate(d.certificate());
    } else if (lines && event instanceof KesgenEvent.FileWritten written) {
      sink.detail("wrote " + written.path());
    } else if (lines && event instanceof KesgenEvent.FileDeleted deleted) {
      sink.info("deleted " + deleted.path());
    }
  }

  /** The change plan: what the changes mean, then up to {@code filesShown} files (the rest as details). */
  public static void plan(LogSink sink, ChangeSet plan, int filesShown) {
    for (ChangeSet.Line line : plan.lines(filesShown)) {
      if (line.detail()) {
        sink.detail(line.text());
      } else {
        sink.info(line.text());
      }
    }
  }

  /** The closing lines of a generate or rotate run. */
  public void finished(GenerateResult result) {
    sink.info(summary(result));
    if (result.upToDate() && result.certificates().stream().allMatch(c -> c.action().isKept())) {
      sink.info(UP_TO_DATE);
    }
  }

  private void certificate(CertificateReport c) {
    int[] count = decided.computeIfAbsent(c.id().instance(), i -> new int[3]);
    switch (c.action()) {
      case KEPT, KEPT_KEY_ABSENT -> count[0]++;
      case ISSUED -> count[1]++;
      case RENEWED -> count[2]++;
    }
    // a large topology keeps thousands of certificates: only changes by default, the rest as details
    if (!c.action().isKept()) {
      sink.info(describe(c));
    } else if (sink.detailShown()) {
      sink.detail(describe(c));
    }
  }

  private void instance(Instance instance) {
    String line = "instance " + instance.name() + ": KES " + instance.kes().version() + " in namespace "
        + instance.namespace() + ", " + instance.tenants().size() + " tenant(s)";
    if (counts) {
      int[] count = decided.getOrDefault(instance.name(), new int[3]);
      line += "; certificates kept " + count[0] + ", issued " + count[1] + ", renewed " + count[2];
    }
    sink.info(line);
    if (sink.detailShown()) {
      for (Tenant tenant : instance.tenants()) {
        sink.detail("  tenant " + tenant.name() + ": MinIO " + tenant.minioVersion() + " (" + tenant.chart()
            + ") in namespace " + tenant.namespace() + ", keys " + String.join(", ", tenant.keys()));
      }
    }
  }

  /** One line, for example {@code tenants/dev/gecko: renewed (expires ...), identity 3ab9..., expires ...}. */
  public static String describe(CertificateReport c) {
    String why = c.reason().isEmpty() ? "" : " (" + c.reason() + ")";
    String was = c.previousIdentity().filter(p -> !p.equals(c.identity())).map(p -> ", was " + p).orElse("");
    return c.name() + ": " + action(c.action()) + why + ", identity " + c.identity() + was + ", expires "
        + c.notAfter();
  }

  private static String action(CertificateOutcome.Action action) {
    return switch (action) {
      case ISSUED -> "issued";
      case RENEWED -> "renewed";
      case KEPT -> "kept";
      case KEPT_KEY_ABSENT -> "kept (key not present here)";
    };
  }

  /** The line a rotation prints per changed identity: {@code Identity changed: <name>: <old or (none)> -> <new>}. */
  public static String identityChanged(CertificateReport changed) {
    return "Identity changed: " + changed.name() + ": " + changed.previousIdentity().orElse("(none)") + " -> "
        + changed.identity();
  }

  /** For example {@code Files written 3, kept 40, deleted 0; certificates issued 1, renewed 0, kept 4}. */
  public static String summary(GenerateResult result) {
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

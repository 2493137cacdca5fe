package dev.kesgen.maven;

import dev.kesgen.CertificateReport;
import dev.kesgen.GenerateResult;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns the events of a run into Maven log lines sized for large topologies: per instance one line with its tenants
 * and certificate counts, one line per change (a certificate issued or renewed, a file deleted, a warning) and a
 * summary. Kept certificates, tenants and written files are logged at debug level ({@code mvn -X}), so a no-op over
 * 10,000 tenants prints a dozen lines instead of 20,000.
 */
final class ResultLog implements KesgenListener {
  static final String UP_TO_DATE = "Up to date: nothing written.";
  /** Beyond this many changed files, generate lists them only at debug level (as the command line does). */
  static final int FILES_SHOWN = 50;

  private final Log log;
  /** Per instance: certificates kept, issued, renewed; every certificate is decided before any instance is planned. */
  private final Map<String, int[]> counts = new HashMap<>();

  ResultLog(Log log) {
    this.log = log;
  }

  @Override
  public void on(KesgenEvent event) {
    if (event instanceof KesgenEvent.InstancePlanned planned) {
      instance(planned.instance());
    } else if (event instanceof KesgenEvent.CertificateDecided decided) {
      certificate(decided.certificate());
    } else if (event instanceof KesgenEvent.Warning warning) {
      log.warn(warning.message());
    } else if (event instanceof KesgenEvent.FileWritten written) {
      log.debug("wrote " + written.path());
    } else if (event instanceof KesgenEvent.FileDeleted deleted) {
      log.info("deleted " + deleted.path());
    }
  }

  /** The change plan, as the command line prints it ({@code mvn -X} for every file of a large plan). */
  void plan(ChangeSet plan) {
    plan(plan, FILES_SHOWN);
  }

  /** The change plan with up to {@code filesShown} files at info level. */
  void plan(ChangeSet plan, int filesShown) {
    for (ChangeSet.Line line : plan.lines(filesShown)) {
      if (line.detail()) {
        log.debug(line.text());
      } else {
        log.info(line.text());
      }
    }
  }

  /** The commands that follow the run, as the command line prints them. */
  void nextSteps(java.util.List<String> steps) {
    dev.kesgen.change.NextSteps.lines(steps).forEach(log::info);
  }

  /** A listener that logs the warnings of a run only (for goals that report a result of their own). */
  static KesgenListener warningsOnly(Log log) {
    return event -> {
      if (event instanceof KesgenEvent.Warning warning) {
        log.warn(warning.message());
      }
    };
  }

  /** The closing lines of a generate run. */
  void finished(GenerateResult result) {
    log.info(summary(result));
    if (result.upToDate() && result.certificates().stream().allMatch(c -> c.action().isKept())) {
      log.info(UP_TO_DATE);
    }
  }

  private void certificate(CertificateReport c) {
    int[] count = counts.computeIfAbsent(instanceOf(c.id()), i -> new int[3]);
    switch (c.action()) {
      case KEPT, KEPT_KEY_ABSENT -> count[0]++;
      case ISSUED -> count[1]++;
      case RENEWED -> count[2]++;
    }
    if (c.action().isKept()) {
      if (log.isDebugEnabled()) {
        log.debug(describe(c));
      }
    } else {
      log.info(describe(c));
    }
  }

  private void instance(Instance instance) {
    int[] count = counts.getOrDefault(instance.name(), new int[3]);
    log.info("instance " + instance.name() + ": KES " + instance.kes().version() + " in namespace "
        + instance.namespace() + ", " + instance.tenants().size() + " tenant(s); certificates kept " + count[0]
        + ", issued " + count[1] + ", renewed " + count[2]);
    if (log.isDebugEnabled()) {
      for (Tenant tenant : instance.tenants()) {
        log.debug("  tenant " + tenant.name() + ": MinIO " + tenant.minioVersion() + " (" + tenant.chart()
            + ") in namespace " + tenant.namespace() + ", keys " + String.join(", ", tenant.keys()));
      }
    }
  }

  private static String instanceOf(CertificateId id) {
    if (id instanceof CertificateId.Server s) {
      return s.instance();
    }
    return id instanceof CertificateId.Client c ? c.instance() : ((CertificateId.Provisioner) id).instance();
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

package dev.kesgen.cli;

import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One line on a terminal's standard error, rewritten in place with {@code \r}, saying how many instances and tenants
 * are done of the total: first while certificates are decided (keys are made), then while files are planned, then
 * while the output is written. Nothing is drawn during the first second, so short runs show no progress at all.
 */
class Progress implements KesgenListener {
  /** No progress line: not a terminal, {@code --quiet} or {@code --format json}. */
  static final Progress NONE = new Progress(null, () -> 0, 0, 0) {
    @Override
    public void on(KesgenEvent event) {}

    @Override
    void writing() {}

    @Override
    void clear() {}
  };

  private static final long DELAY = TimeUnit.MILLISECONDS.toNanos(1000);
  private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);

  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private final long start;
  private final int instances;
  private final int tenants;
  private String stage = "certificates";
  private int instancesDone;
  private int tenantsDone;
  private long drawn = Long.MIN_VALUE;
  private int width;

  Progress(PrintWriter err, LongSupplier nanoTime, int instances, int tenants) {
    this.err = err;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.instances = instances;
    this.tenants = tenants;
  }

  /** A progress line for this topology on the console's standard error, or {@link #NONE} where none belongs. */
  static Progress of(Console console, boolean json, Topology topology) {
    if (console.quiet() || json || !Terminal.stderrIsTerminal()) {
      return NONE;
    }
    Progress progress = new Progress(console.err(), System::nanoTime, topology.instances().size(),
        topology.instances().stream().mapToInt(i -> i.tenants().size()).sum());
    console.showing(progress);
    return progress;
  }

  @Override
  public void on(KesgenEvent event) {
    if (event instanceof KesgenEvent.CertificateDecided decided) {
      CertificateId id = decided.certificate().id();
      if (id instanceof CertificateId.Server) {
        instancesDone++;
      } else if (id instanceof CertificateId.Client) {
        tenantsDone++;
      }
    } else if (event instanceof KesgenEvent.InstancePlanned planned) {
      if (!stage.equals("planning")) {
        stage = "planning";
        instancesDone = 0;
        tenantsDone = 0;
      }
      Instance instance = planned.instance();
      instancesDone = planned.index() + 1;
      tenantsDone += instance.tenants().size();
    } else {
      return;
    }
    draw(false);
  }

  /** Planning is over; the output is being written. */
  void writing() {
    stage = "writing";
    draw(true);
  }

  /** Removes the line, if one is shown, so the next line starts at the left margin. */
  void clear() {
    if (width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }

  private void draw(boolean now) {
    long time = nanoTime.getAsLong();
    if (time - start < DELAY || !now && drawn != Long.MIN_VALUE && time - drawn < INTERVAL) {
      return;
    }
    drawn = time;
    String line = stage.equals("writing")
        ? "kesgen: writing the output (" + instances + " instances, " + tenants + " tenants)"
        : "kesgen: " + stage + ": instances " + Math.min(instancesDone, instances) + "/" + instances + ", tenants "
            + Math.min(tenantsDone, tenants) + "/" + tenants;
    String padding = " ".repeat(Math.max(0, width - line.length()));
    err.print("\r" + line + padding);
    err.flush();
    width = line.length();
  }
}

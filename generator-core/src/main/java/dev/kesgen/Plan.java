package dev.kesgen;

import dev.kesgen.engine.PlannedRun;
import dev.kesgen.topology.Topology;
import dev.kesgen.warning.Warning;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run planned in memory and not yet written: every output file with its content, every certificate decision and
 * the warnings. {@link Kesgen#write} writes it; new private keys exist only inside it until then.
 */
public final class Plan {
  private final PlannedRun run;
  private final List<CertificateReport> certificates;

  Plan(PlannedRun run, List<CertificateReport> certificates) {
    this.run = run;
    this.certificates = List.copyOf(certificates);
  }

  /** The topology planned. */
  public Topology topology() {
    return run.topology();
  }

  /** Every output file by output-relative path ({@code /}-separated), as UTF-8 text, sorted. */
  public SortedMap<String, String> files() {
    SortedMap<String, String> files = new TreeMap<>();
    run.files().forEach((path, content) -> files.put(path, new String(content.bytes(), StandardCharsets.UTF_8)));
    return Collections.unmodifiableSortedMap(files);
  }

  /** What happens to every certificate, in topology order. */
  public List<CertificateReport> certificates() {
    return certificates;
  }

  /** What a person should read: the warnings about the secrets directory, then those about the output. */
  public List<Warning> warnings() {
    return run.warnings();
  }

  PlannedRun run() {
    return run;
  }
}

package dev.kesgen.engine;

import dev.kesgen.output.FileContent;
import dev.kesgen.pki.SecretSink;
import dev.kesgen.topology.Topology;
import dev.kesgen.warning.Warning;
import java.util.List;
import java.util.SortedMap;

/**
 * A planned run held in memory: every output file, every certificate decision (with new private keys, not yet
 * stored) and the warnings; {@link Engine#write} makes it real.
 */
public final class PlannedRun {
  private final Topology topology;
  private final RunSettings settings;
  private final SecretSink secrets;
  private final Certificates certificates;
  private final SortedMap<String, FileContent> files;
  private final List<Warning> warnings;
  private final List<Finding> access;
  private final java.util.Map<String, Boolean> proved;
  private final java.util.SortedMap<String, String> sinkProblems;
  private final Rendering rendering;

  /** How the files were rendered, to render them again with other certificates (a check's committed ones). */
  record Rendering(dev.kesgen.render.Renderer renderer, List<Contributor> contributors) {}

  PlannedRun(Topology topology, RunSettings settings, SecretSink secrets, Certificates certificates,
      PlanStep.Rendered rendered, List<Warning> warnings, java.util.Map<String, String> sinkProblems,
      Rendering rendering) {
    this.rendering = rendering;
    this.topology = topology;
    this.settings = settings;
    this.secrets = secrets;
    this.certificates = certificates;
    this.files = rendered.files();
    this.warnings = List.copyOf(warnings);
    this.access = rendered.access();
    this.proved = rendered.proved();
    this.sinkProblems = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sinkProblems));
  }

  /** Why the sink could not deliver a Secret into its committed file, by path; generate refuses a plan with any. */
  java.util.SortedMap<String, String> sinkProblems() {
    return sinkProblems;
  }

  /** The topology planned. */
  public Topology topology() {
    return topology;
  }

  /** Where it would be written. */
  public RunSettings settings() {
    return settings;
  }

  /** Every output file, by output-relative path. */
  public SortedMap<String, FileContent> files() {
    return files;
  }

  /** Every certificate's decision. */
  public Certificates certificates() {
    return certificates;
  }

  /** The warnings of the plan step, those about the secrets directory first. */
  public List<Warning> warnings() {
    return warnings;
  }

  /** What the rendered files break of the access rules; generate refuses a plan with any. */
  List<Finding> access() {
    return access;
  }

  /** The paths the access rules read of the rendered files, each with whether it was there ({@link PlanStep.Rendered}). */
  java.util.Map<String, Boolean> proved() {
    return proved;
  }

  Rendering rendering() {
    return rendering;
  }

  SecretSink secrets() {
    return secrets;
  }
}

package dev.kesgen.engine;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.output.CompareResult;
import dev.kesgen.output.FileContent;
import dev.kesgen.output.OutputDirectory;
import dev.kesgen.output.OutputException;
import dev.kesgen.output.WriteResult;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.PkiException;
import dev.kesgen.pki.SecretDelivery;
import dev.kesgen.pki.SecretSink;
import dev.kesgen.pki.StoredSecrets;
import dev.kesgen.render.RenderException;
import dev.kesgen.render.Renderer;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.WarningId;
import dev.kesgen.warning.Warning;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

/** One run: topology → certificates → rendered files (plan), then → output and secrets (write), or → findings (check). */
public final class Engine {
  private Engine() {}

  /**
   * Keeps or issues every certificate and renders every file in memory; writes nothing. Fails, as the user's to fix,
   * when the rendered files (templates overridden or not) break an access rule ({@link AccessCheck},
   * {@link GrantCheck}) or hold a secret ({@link SecretScan}): every scan a check runs on committed output runs here on
   * the planned output, so generate never writes what check would report.
   */
  public static PlannedRun plan(Topology topology, RunSettings settings, List<Contributor> contributors,
      EngineListener listener) throws RunException {
    return plan(topology, settings, SecretSinks.of(topology, settings), contributors, listener);
  }

  /** {@link #plan(Topology, RunSettings, List, EngineListener)} delivering the secrets to this sink. */
  public static PlannedRun plan(Topology topology, RunSettings settings, SecretSink sink,
      List<Contributor> contributors, EngineListener listener) throws RunException {
    PlannedRun run = plan(topology, settings, sink, settings.rotate(), contributors, listener);
    List<String> refusals = new ArrayList<>();
    if (!run.access().isEmpty()) {
      refusals.add(listed("the output would break kesgen's access rules, so nothing is written"
          + " (fix the template overrides that widen or narrow access):", run.access()));
    }
    if (!run.sinkProblems().isEmpty()) {
      List<Finding> problems = new ArrayList<>();
      run.sinkProblems().forEach((path, why) -> problems.add(new Finding(Finding.Kind.STALE, path, why)));
      refusals.add(listed("the secrets cannot all be delivered, so nothing is written:", problems));
    }
    List<Finding> secrets = SecretScan.of(run.files());
    if (!secrets.isEmpty()) {
      refusals.add(listed("the output would hold secrets, so nothing is written (fix the template overrides that"
          + " print them; secrets belong in the secrets directory or the cluster):", secrets));
    }
    if (!refusals.isEmpty()) {
      throw RunException.user(String.join("\n", refusals));
    }
    return run;
  }

  private static String listed(String headline, List<Finding> findings) {
    StringBuilder message = new StringBuilder(headline);
    findings.forEach(f -> message.append("\n  ").append(f.subject()).append(": ").append(f.message()));
    return message.toString();
  }

  static PlannedRun plan(Topology topology, RunSettings settings, SecretSink secrets, Set<String> rotate,
      List<Contributor> contributors, EngineListener listener) throws RunException {
    // The templates compile on a thread of their own while the certificates are kept or issued: in a short run
    // compiling them (Handlebars' parser, cold) costs about as much as the certificates, and neither needs the
    // other. A template error still wins over a certificate error, as when compiling came first.
    FutureTask<Renderer> compiling = new FutureTask<>(() -> renderer(settings));
    Thread compiler = new Thread(compiling, "kesgen-templates");
    compiler.setDaemon(true);
    compiler.start();
    Certificates certificates;
    try {
      certificates = Certificates.maintain(topology, settings.outputDirectory(), secrets.keys(),
          secrets.verified(), settings, rotate, listener);
    } catch (RunException | RuntimeException | Error e) {
      compiled(compiling);
      throw e;
    }
    Renderer renderer = compiled(compiling);
    PlanStep.Rendered rendered = PlanStep.plan(topology, certificates, renderer, contributors, listener,
        settings.outputName());
    java.util.Map<String, String> sinkProblems = new java.util.TreeMap<>();
    rendered = withCommittedSecrets(topology, certificates, secrets, rendered, sinkProblems);
    List<Warning> warnings = new ArrayList<>(secrets.warnings());
    warnings.addAll(rendered.warnings());
    warnings.forEach(listener::warning);
    return new PlannedRun(topology, settings, secrets, certificates, rendered, warnings, sinkProblems,
        new PlannedRun.Rendering(renderer, contributors));
  }

  /**
   * The rendered files with those the sink commits (sealed or encrypted Secrets) for these certificates, planned
   * with the others; why a Secret cannot be made into its file goes into {@code problems}.
   */
  private static PlanStep.Rendered withCommittedSecrets(Topology topology, Certificates certificates,
      SecretSink secrets, PlanStep.Rendered rendered, java.util.Map<String, String> problems) throws RunException {
    try {
      return rendered.with(secrets.committedFiles(certificates.deliveries(topology), problems));
    } catch (PkiException e) {
      throw RunException.of(e, e.getMessage());
    }
  }

  /** Writes a plan: checks the secrets sink can take every new key, writes the output, then stores the secrets. */
  public static Written write(PlannedRun run, EngineListener listener) throws RunException {
    SecretSink secrets = run.secrets();
    try {
      run.certificates().outcomes().forEach(secrets::prepare);
    } catch (PkiException e) {
      throw RunException.of(e, e.getMessage());
    }
    WriteResult written;
    try {
      written = new OutputDirectory(run.settings().outputDirectory()).write(run.files());
    } catch (OutputException e) {
      throw RunException.of(e);
    }
    List<Warning> warnings = new ArrayList<>(run.warnings());
    List<Warning> late = new ArrayList<>();
    written.notDeleted().forEach(f -> late.add(Warning.of(WarningId.STALE_FILE_KEPT,
        f + ": no longer generated but edited by hand, so not deleted")));
    storeSecrets(run.topology(), run.certificates(), secrets, late);
    late.addAll(renewedServers(run.topology(), run.certificates(), secrets));
    late.forEach(listener::warning);
    warnings.addAll(late);
    return new Written(written, warnings);
  }

  /**
   * Compares committed output with what write would make of it, checks certificate expiry and looks for secrets in
   * the output directory. Writes nothing and issues nothing that is kept: new keys of certificates that generate
   * would issue stay in memory.
   *
   * <p>A certificate generate would renew is one finding, not one per file it reaches: the committed files are
   * compared with the output rendered with the committed certificates ({@link Certificates#asCommitted}), so a file
   * whose only difference is a renewed certificate or identity is that renewal's, while a file that differs from
   * that output as well (edited by hand, or the topology changed) is reported as ever. The access rules are proven
   * on the committed files with the committed certificates' identities, so no finding names an identity that exists
   * only in this check's memory.
   */
  public static List<Finding> check(Topology topology, RunSettings settings, Optional<Duration> failOnExpiringWithin,
      List<Contributor> contributors, EngineListener listener) throws RunException {
    PlannedRun run = plan(topology, settings, SecretSinks.of(topology, settings), Set.of(), contributors, listener);
    List<Finding> findings = new ArrayList<>(CertificateFindings.of(run.certificates(),
        settings.clock().instant(), failOnExpiringWithin));
    // what generate would write but for the renewals: the renewal findings above stand for their difference
    Optional<Certificates> committedCertificates = run.certificates().asCommitted();
    // the sink keeps its committed files for them as generate does: their public inputs are the committed ones, so
    // no key is needed, and a sink problem the renewals alone cause is theirs too
    java.util.Map<String, String> committedSinkProblems = new java.util.TreeMap<>();
    PlanStep.Rendered expected = committedCertificates.isEmpty() ? null : withCommittedSecrets(topology,
        committedCertificates.get(), run.secrets(), PlanStep.plan(topology, committedCertificates.get(),
            run.rendering().renderer(), run.rendering().contributors(), EngineListener.NONE,
            settings.outputName()), committedSinkProblems);
    java.util.SortedMap<String, FileContent> files = expected == null ? run.files() : expected.files();
    List<Finding> plannedAccess = expected == null ? run.access() : expected.access();
    java.util.Map<String, String> sinkProblems = expected == null ? run.sinkProblems() : committedSinkProblems;
    OutputDirectory output = new OutputDirectory(settings.outputDirectory());
    try {
      CompareResult compare = output.compare(files);
      compare.differing().forEach(f -> findings.add(new Finding(Finding.Kind.STALE, f,
          "differs from what generate writes (edited by hand, or the topology changed); run generate")));
      compare.missing().forEach(f -> findings.add(new Finding(Finding.Kind.MISSING, f,
          "is not there; run generate and commit the output")));
      compare.extra().forEach(f -> findings.add(new Finding(Finding.Kind.EXTRA, f,
          "is no longer generated; run generate to delete it")));
      compare.unknown().forEach(f -> findings.add(SecretScan.unknown(output, f)));
      sinkProblems.forEach((path, why) -> findings.add(new Finding(Finding.Kind.STALE, path, why)));
      findings.addAll(access(run, files, plannedAccess, expected == null ? run.proved() : expected.proved(),
          committedCertificates.orElse(run.certificates()), compare));
      findings.addAll(SecretScan.of(output));
    } catch (OutputException e) {
      throw RunException.of(e);
    }
    return findings;
  }

  /**
   * The access rules on the committed files (what is deployed) with the committed identities, then the access rules
   * and the secret scan on the expected files where they differ (what generate would refuse to write); a committed
   * file that is missing or not kesgen's is reported by the comparison.
   */
  private static List<Finding> access(PlannedRun run, java.util.SortedMap<String, FileContent> files,
      List<Finding> plannedAccess, java.util.Map<String, Boolean> proved, Certificates proofCertificates,
      CompareResult compare) throws RunException {
    Set<String> readable = new java.util.HashSet<>(files.keySet());
    compare.missing().forEach(readable::remove);
    compare.unknown().forEach(readable::remove);
    Path root = run.settings().outputDirectory();
    List<Finding> findings = new ArrayList<>();
    try {
      if (sameTextsAsProved(proved, compare, readable) && sameIdentities(proofCertificates, run.certificates())) {
        // the committed files the rules read are byte for byte the rendered ones (the comparison read them), the
        // identities are the committed ones, and the findings are a function of those: the plan's proof is this
        // proof, so it is not run twice
        findings.addAll(plannedAccess);
      } else {
        findings.addAll(AccessCheck.of(run.topology(), path -> committed(root, path, readable),
            run.certificates()::previousIdentity).findings());
      }
    } catch (java.io.UncheckedIOException e) {
      throw RunException.environment(e.getCause() instanceof UnsafeFileException unsafe ? unsafe.getMessage()
          : "cannot read the committed output: " + dev.kesgen.files.Failures.describe(e.getCause()), e);
    }
    Set<String> differing = new java.util.HashSet<>(compare.differing());
    differing.addAll(compare.missing());
    List<Finding> planned = new ArrayList<>(plannedAccess);
    // a planned file equal to the committed one was scanned on disk already: scan only those that differ
    java.util.Map<String, FileContent> changed = new java.util.TreeMap<>(files);
    changed.keySet().retainAll(differing);
    planned.addAll(SecretScan.of(changed));
    for (Finding f : planned) {
      if (differing.contains(f.subject())) {
        findings.add(new Finding(f.kind(), f.subject(), "as generate would write it (it would refuse to): "
            + f.message()));
      }
    }
    return findings;
  }

  /**
   * Whether the access rules would read, from the committed output, exactly the texts they read from the rendered
   * files: each path they read is either committed and equal to its rendered text, or absent from both.
   */
  static boolean sameTextsAsProved(java.util.Map<String, Boolean> proved, CompareResult compare,
      Set<String> readable) {
    Set<String> differing = new java.util.HashSet<>(compare.differing());
    differing.addAll(compare.missing());
    for (java.util.Map.Entry<String, Boolean> read : proved.entrySet()) {
      String path = read.getKey();
      boolean committedThere = readable.contains(path) && !differing.contains(path);
      boolean same = read.getValue() ? committedThere : !readable.contains(path);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the proof's certificates have the committed identities ({@link Certificates#previousIdentity}), which the
   * proof on the committed files uses: a certificate issued in this run (new, or its committed one invalid) has none.
   */
  private static boolean sameIdentities(Certificates proof, Certificates run) {
    for (CertificateOutcome o : proof.outcomes()) {
      Optional<String> committed = run.previousIdentity(o.target().id());
      if (committed.isEmpty() || !committed.get().equals(o.identity().hex())) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> committed(Path root, String path, Set<String> readable) {
    if (!readable.contains(path)) {
      return Optional.empty();
    }
    Path file = root.resolve(path);
    try {
      // the comparison has already refused a link, FIFO or device at a generated path; read the same way here
      Optional<byte[]> bytes = RegularFiles.readIfPresent(file, InputKind.COMMITTED_OUTPUT);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(RegularFiles.utf8(bytes.get()));
    } catch (java.nio.charset.CharacterCodingException e) {
      return Optional.empty(); // not text kesgen wrote: the comparison reports it as differing
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Renderer compiled(FutureTask<Renderer> compiling) throws RunException {
    try {
      return compiling.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RunException.internal("interrupted while compiling the templates", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RunException run) {
        throw run;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw RunException.internal("compiling the templates failed: " + dev.kesgen.files.Failures.describe(cause), cause);
    }
  }

  private static Renderer renderer(RunSettings settings) throws RunException {
    try {
      return Renderer.create(Renderer.EMBEDDED_TEMPLATES, settings.templateDirectory());
    } catch (RenderException e) {
      // without overrides the embedded templates are kesgen's own; a file of the template directory that cannot be
      // read as a regular file (a link, FIFO or device) is the environment's, as every such file is
      String message = e.getMessage();
      if (settings.templateDirectory().isPresent() && e.getCause() instanceof IOException) {
        throw RunException.environment(message, e);
      }
      throw settings.templateDirectory().isPresent() ? RunException.user(message) : RunException.internal(message, e);
    }
  }

  private static void storeSecrets(Topology topology, Certificates certificates, SecretSink secrets,
      List<Warning> warnings) throws RunException {
    try {
      for (SecretDelivery delivery : certificates.deliveries(topology)) {
        note(secrets.store(delivery), delivery.outcome(), warnings);
      }
      secrets.finish(certificates.outcomes());
    } catch (PkiException e) {
      String issued = String.join(", ", certificates.withNewKeys());
      throw RunException.of(e, e.getMessage() + (issued.isEmpty() ? "" : " (the output already holds the new"
          + " certificates " + issued + "; after fixing the secrets directory, rotate those whose key is missing)"));
    }
  }

  private static void note(StoredSecrets stored, CertificateOutcome outcome, List<Warning> warnings) {
    if (stored.manifest() == StoredSecrets.Manifest.NOT_WRITTEN_KEY_ABSENT) {
      warnings.add(Warning.of(WarningId.SECRET_MANIFEST_NOT_WRITTEN, outcome.target().name() + ": private key not"
          + " present here, so its Secret manifest was not written (whoever holds " + outcome.target().keyPath()
          + " can write it, or rotate the certificate)"));
    }
  }

  /**
   * A renewed KES server certificate is trusted by name nowhere but in each tenant's Secret ({@code ca.crt}), the
   * Armadillo values ({@code kesCert}) and the provisioner Secret: say what to apply (in the secrets directory of the
   * run, as configured) and restart.
   */
  private static List<Warning> renewedServers(Topology topology, Certificates certificates, SecretSink sink) {
    List<Warning> warnings = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      CertificateId id = CertificateId.server(instance);
      if (certificates.outcome(id).action() != CertificateOutcome.Action.RENEWED || instance.tenants().isEmpty()) {
        continue;
      }
      String tenants = instance.tenants().stream()
          .map(t -> sink.whereSecret(dev.kesgen.pki.CertificateTarget.client(instance, t)))
          .collect(Collectors.joining(", "));
      warnings.add(Warning.instance(WarningId.SERVER_CERTIFICATE_RENEWED, instance.name(), id.name()
          + " has a new server certificate, which its tenants' MinIO must trust:"
          + " apply " + tenants + " (their ca.crt changed; whoever holds a tenant's key regenerates it) and the"
          + " provisioner Secret if any, deploy the tenants' new values, and restart their MinIO together with KES"));
    }
    return warnings;
  }
}

package dev.kesgen;

import dev.kesgen.change.ChangeSet;
import dev.kesgen.change.Changes;
import dev.kesgen.change.NextSteps;
import dev.kesgen.chart.KesChart;
import dev.kesgen.engine.Contributor;
import dev.kesgen.engine.Engine;
import dev.kesgen.engine.EngineListener;
import dev.kesgen.engine.Finding;
import dev.kesgen.engine.PlannedRun;
import dev.kesgen.engine.RunException;
import dev.kesgen.engine.RunSettings;
import dev.kesgen.engine.Written;
import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.live.Desired;
import dev.kesgen.live.HttpVaultApi;
import dev.kesgen.live.LiveObject;
import dev.kesgen.live.LivePlan;
import dev.kesgen.live.LiveVaultException;
import dev.kesgen.live.VaultEndpoint;
import dev.kesgen.live.VaultPlanner;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.output.CommittedTexts;
import dev.kesgen.output.FileContent;
import dev.kesgen.output.OutputDirectory;
import dev.kesgen.output.OutputException;
import dev.kesgen.output.WriteResult;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.Decision;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyException;
import dev.kesgen.topology.TopologyLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one entry point of the kesgen library: loads a topology, plans every Vault, KES, MinIO and Helm file and
 * certificate in memory, writes the plan, or checks committed output against it.
 *
 * <pre>{@code
 * GenerateResult result = Kesgen.generate(GenerateRequest.of(Path.of("topology.yaml")));
 * result.written().forEach(f -> System.out.println("wrote " + f));
 * }</pre>
 *
 * <p>A topology mistake is a {@link TopologyException}; every other failure a {@link KesgenException} of one of three
 * kinds: {@link ConfigurationException} (the user's to fix), {@link EnvironmentException} (the file system's) or
 * {@link InternalException} (a bug).
 */
public final class Kesgen {
  private Kesgen() {}

  /** Loads and checks a topology file. */
  public static Topology load(Path file) throws TopologyException {
    return TopologyLoader.load(file);
  }

  /**
   * Loads and checks topology text; {@code sourceName} names it in messages and anchors its relative paths (such
   * as {@code vault.caCertificate}) at the current directory.
   */
  public static Topology load(String text, String sourceName) throws TopologyException {
    return TopologyLoader.parse(text, Path.of(sourceName));
  }

  /** Loads and checks the topology a reader gives, named {@code sourceName} as in {@link #load(String, String)}. */
  public static Topology load(Reader reader, String sourceName) throws TopologyException, KesgenException {
    try {
      return TopologyLoader.load(reader, Path.of(sourceName));
    } catch (IOException e) {
      throw new EnvironmentException("cannot read the topology " + sourceName + ": " + dev.kesgen.files.Failures.describe(e), e);
    }
  }

  /** Loads the request's topology file and plans it, as {@link #plan(Topology, GenerateRequest, KesgenListener)}. */
  public static Plan plan(GenerateRequest request, KesgenListener listener) throws TopologyException, KesgenException {
    return plan(load(request.topology()), request, listener);
  }

  /**
   * Keeps or issues every certificate of the topology and renders every output file, in memory: reads the
   * committed certificates in the output directory and the kept keys in the secrets directory, writes nothing.
   * The request's topology path is not read.
   */
  public static Plan plan(Topology topology, GenerateRequest request, KesgenListener listener) throws KesgenException {
    Events events = new Events(listener);
    try {
      PlannedRun run = Engine.plan(topology, settings(request), contributors(), events);
      return new Plan(run, events.certificates);
    } catch (RunException e) {
      throw typed(e);
    }
  }

  /**
   * What writing this plan changes in its output directory, per file ({@code +}, {@code ~}, {@code -}) and in words
   * (tenant added, identity changed, a key removed, ...), with the destructive changes marked. Reads the files the
   * output directory's manifest lists; writes nothing. The committed files never depend on it.
   */
  public static ChangeSet changes(Plan plan) throws KesgenException {
    Path output = plan.run().settings().outputDirectory();
    if (!java.nio.file.Files.isDirectory(output, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      // nothing committed yet, or not a directory: writing says what is wrong with it, so the plan adds every file
      return Changes.between(new TreeMap<>(), plan.files());
    }
    return changes(plan, output);
  }

  /**
   * What this plan changes against another output directory, for example the base branch's {@code generated/} of a
   * pull request: {@code against} is read as kesgen's output (the files its manifest lists), never written.
   */
  public static ChangeSet changes(Plan plan, Path against) throws KesgenException {
    SortedMap<String, String> before;
    try {
      before = CommittedTexts.of(against);
    } catch (OutputException e) {
      throw new EnvironmentException("cannot read the output to compare with: " + e.getMessage(), e);
    }
    return Changes.between(before, plan.files());
  }

  /**
   * The commands that follow writing this plan, for what {@code changes} says it changes (apply these Secrets, run
   * apply.sh, upgrade these releases, restart these MinIO, delete what was removed), with paths as from the request's
   * project directory; see {@link NextSteps}. Log only: never part of the committed output.
   */
  public static List<String> nextSteps(Plan plan, ChangeSet changes) {
    RunSettings settings = plan.run().settings();
    return NextSteps.of(changes, plan.topology(), plan.files().keySet(), settings.outputName(),
        settings.secretsName());
  }

  /**
   * Writes a plan: fails before the output is touched if a new key could not be stored, writes what changed in the
   * output directory (deleting what the topology no longer produces), then new keys and Secret manifests.
   */
  public static GenerateResult write(Plan plan, KesgenListener listener) throws KesgenException {
    Written written;
    try {
      written = Engine.write(plan.run(), new Events(listener));
    } catch (RunException e) {
      throw typed(e);
    }
    WriteResult output = written.output();
    output.written().forEach(f -> listener.on(new KesgenEvent.FileWritten(f)));
    output.deleted().forEach(f -> listener.on(new KesgenEvent.FileDeleted(f)));
    return new GenerateResult(output.written(), output.kept(), output.deleted(), plan.certificates(),
        written.warnings());
  }

  /**
   * Loads the topology, keeps or issues certificates, renders every file and writes what changed: {@link #plan}
   * then {@link #write}. Nothing is written when the topology or a template is wrong.
   */
  public static GenerateResult generate(GenerateRequest request, KesgenListener listener)
      throws TopologyException, KesgenException {
    return write(plan(request, listener), listener);
  }

  /** {@link #generate(GenerateRequest, KesgenListener)} without a listener. */
  public static GenerateResult generate(GenerateRequest request) throws TopologyException, KesgenException {
    return generate(request, KesgenListener.NONE);
  }

  /**
   * Compares committed output with what {@link #generate} would write, checks certificate expiry (within each
   * certificate's renewBefore, or within {@code failOnExpiringWithin} when given) and looks for secrets in the
   * output directory. Writes nothing: the keys of certificates generate would issue are made in memory and dropped.
   */
  public static CheckResult check(GenerateRequest request, Optional<Duration> failOnExpiringWithin,
      KesgenListener listener) throws TopologyException, KesgenException {
    Topology topology = load(request.topology());
    try {
      Events events = new Events(listener);
      List<Finding> findings = Engine.check(topology, settings(request), failOnExpiringWithin, contributors(), events);
      return new CheckResult(findings.stream().map(f -> new CheckResult.Finding(kind(f.kind()), f.subject(),
          f.message())).toList(), events.warnings);
    } catch (RunException e) {
      throw typed(e);
    }
  }

  /** {@link #check(GenerateRequest, Optional, KesgenListener)} without a listener. */
  public static CheckResult check(GenerateRequest request, Optional<Duration> failOnExpiringWithin)
      throws TopologyException, KesgenException {
    return check(request, failOnExpiringWithin, KesgenListener.NONE);
  }

  /**
   * Compares the Vault objects the topology generates with a live Vault or OpenBao, read only: the KV and AppRole
   * mounts, each instance's policy (by meaning: order and layout do not matter) and AppRole role, and the {@code kes-*}
   * policies and roles the topology no longer has. The server, token, namespace and CA come from {@code environment}
   * ({@code VAULT_ADDR}, {@code VAULT_TOKEN}, {@code VAULT_NAMESPACE}, {@code VAULT_CACERT}, or their {@code BAO_}
   * names); plain http only where the topology sets {@code vault.allowPlaintextHttp}. The files compared are those
   * {@link #plan} renders, so template overrides count; nothing is written, to disk or to Vault.
   *
   * @throws EnvironmentException when Vault cannot be reached, or refuses the token, or the environment does not name
   *     them; an object the token may not read is not an exception but {@link LiveObject.Status#UNREADABLE}
   */
  public static LivePlan vaultPlan(GenerateRequest request, Map<String, String> environment, KesgenListener listener)
      throws TopologyException, KesgenException {
    Topology topology = load(request.topology());
    VaultEndpoint endpoint;
    try {
      endpoint = VaultEndpoint.of(environment, topology.vault(), Path.of("").toAbsolutePath());
    } catch (LiveVaultException e) {
      throw new EnvironmentException(e.getMessage(), e);
    }
    Desired desired = Desired.of(topology, plan(topology, request, listener).files());
    try {
      return VaultPlanner.plan(desired, HttpVaultApi.of(endpoint), endpoint.toString());
    } catch (LiveVaultException e) {
      throw new EnvironmentException(e.getMessage(), e);
    }
  }

  /**
   * Writes the KES Helm chart of this kesgen version into {@code directory} (for example {@code charts/kes} of an
   * infrastructure repository), with the same safety as generated output: unchanged files are not touched, files
   * an earlier version wrote that this one does not are deleted ({@code .kesgen-manifest} keeps the list).
   */
  public static GenerateResult writeChart(Path directory) throws KesgenException {
    SortedMap<String, FileContent> files = new TreeMap<>();
    try {
      KesChart.files().forEach((name, bytes) -> files.put(name, new FileContent(bytes)));
    } catch (IOException | RuntimeException e) {
      throw new InternalException("cannot read the KES chart kesgen carries: " + e.getMessage(), e);
    }
    try {
      WriteResult written = new OutputDirectory(directory).write(files);
      return new GenerateResult(written.written(), written.kept(), written.deleted(), List.of(), List.of());
    } catch (OutputException e) {
      throw new EnvironmentException("cannot write the KES chart to " + directory + ": " + e.getMessage(), e);
    }
  }

  private static RunSettings settings(GenerateRequest request) {
    return new RunSettings(request.outputDirectory(), request.secretsDirectory(), request.templateDirectory(),
        request.clock(), request.rotate(), request.projectDirectory());
  }

  /** The API's kind of an engine finding: a kind the engine adds is a compile error here until the API has it. */
  static CheckResult.Kind kind(Finding.Kind kind) {
    return switch (kind) {
      case STALE -> CheckResult.Kind.STALE;
      case MISSING -> CheckResult.Kind.MISSING;
      case EXTRA -> CheckResult.Kind.EXTRA;
      case UNKNOWN -> CheckResult.Kind.UNKNOWN;
      case CERTIFICATE -> CheckResult.Kind.CERTIFICATE;
      case SECRET_IN_OUTPUT -> CheckResult.Kind.SECRET_IN_OUTPUT;
      case ACCESS -> CheckResult.Kind.ACCESS;
    };
  }

  private static KesgenException typed(RunException e) {
    return switch (e.kind()) {
      case USER -> new ConfigurationException(e.getMessage(), e.getCause());
      case ENVIRONMENT -> new EnvironmentException(e.getMessage(), e.getCause());
      case INTERNAL -> new InternalException(e.getMessage(), e.getCause());
    };
  }

  /** Every {@link OutputExtension} on the class path, fed typed input instead of paths. */
  private static List<Contributor> contributors() {
    List<Contributor> contributors = new ArrayList<>();
    for (OutputExtension extension : ServiceLoader.load(OutputExtension.class, OutputExtension.class.getClassLoader())) {
      contributors.add(new Contributor() {
        @Override
        public String name() {
          return extension.getClass().getName();
        }

        @Override
        public Map<String, String> files(Topology topology, SortedMap<String, String> rendered) throws Exception {
          return extension.files(input(topology, rendered));
        }
      });
    }
    return contributors;
  }

  private static ExtensionInput input(Topology topology, SortedMap<String, String> rendered) {
    List<ExtensionInput.KesInstance> instances = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      String values = OutputLayout.kesValues(instance);
      instances.add(new ExtensionInput.KesInstance(instance, KubernetesNames.kesRelease(instance),
          instance.namespace(), values, rendered.get(values), OutputLayout.kesManifests(instance)));
    }
    return new ExtensionInput(topology, instances);
  }

  /** Turns the engine's reports into events, and keeps the certificate reports for the plan. */
  private static final class Events implements EngineListener {
    private final KesgenListener listener;
    private final List<CertificateReport> certificates = new ArrayList<>();
    private final List<dev.kesgen.warning.Warning> warnings = new ArrayList<>();

    Events(KesgenListener listener) {
      this.listener = listener;
    }

    @Override
    public void instancePlanned(Instance instance, int index, int count) {
      listener.on(new KesgenEvent.InstancePlanned(instance, index, count));
    }

    @Override
    public void certificate(CertificateOutcome o, Optional<String> previousIdentity) {
      String reason = o.decision() instanceof Decision.Issue issue ? issue.detail() : "";
      CertificateReport report = new CertificateReport(o.target().id(), o.action(), reason, o.identity().hex(),
          previousIdentity, o.notAfter());
      certificates.add(report);
      listener.on(new KesgenEvent.CertificateDecided(report));
    }

    @Override
    public void warning(dev.kesgen.warning.Warning warning) {
      warnings.add(warning);
      listener.on(new KesgenEvent.Warning(warning));
    }
  }
}

package dev.kesgen;

import dev.kesgen.output.CompareResult;
import dev.kesgen.output.FileContent;
import dev.kesgen.output.OutputDirectory;
import dev.kesgen.output.OutputException;
import dev.kesgen.output.WriteResult;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.DirectoryGuard;
import dev.kesgen.pki.PkiException;
import dev.kesgen.pki.SecretsDirectory;
import dev.kesgen.pki.StoredSecrets;
import dev.kesgen.render.RenderException;
import dev.kesgen.render.Renderer;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyException;
import dev.kesgen.topology.TopologyLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** One generation or check run: topology → certificates → rendered files → output and secrets directories. */
final class Generator {
  private final GenerateRequest request;

  Generator(GenerateRequest request) {
    this.request = request;
  }

  GenerateResult generate() throws TopologyException, KesgenException {
    Topology topology = TopologyLoader.load(request.topology());
    guardDirectories();
    Renderer renderer = renderer();
    Certificates certificates = Certificates.maintain(topology, request);
    Planner planner = new Planner(topology, certificates, renderer);
    SortedMap<String, FileContent> files = planner.render();
    prepareSecrets(certificates);
    WriteResult written;
    try {
      written = new OutputDirectory(request.outputDirectory()).write(files);
    } catch (OutputException e) {
      throw new KesgenException(e.getMessage(), e);
    }
    List<String> warnings = new ArrayList<>(planner.warnings());
    written.notDeleted().forEach(f -> warnings.add(f + ": no longer generated but edited by hand, so not deleted"));
    storeSecrets(topology, certificates, warnings);
    warnings.addAll(renewedServers(topology, certificates));
    return new GenerateResult(written.written(), written.kept(), written.deleted(), certificates.reports(),
        lines(topology), warnings);
  }

  CheckResult check(Optional<Duration> failOnExpiringWithin) throws TopologyException, KesgenException {
    Topology topology = TopologyLoader.load(request.topology());
    guardDirectories();
    Renderer renderer = renderer();
    Certificates certificates = Certificates.maintain(topology, request.withRotate(java.util.Set.of()));
    List<CheckResult.Finding> findings = new ArrayList<>(
        CertificateFindings.of(certificates.outcomes(), request.clock().instant(), failOnExpiringWithin));
    SortedMap<String, FileContent> files = new Planner(topology, certificates, renderer).render();
    OutputDirectory output = new OutputDirectory(request.outputDirectory());
    try {
      CompareResult compare = output.compare(files);
      compare.differing().forEach(f -> findings.add(new CheckResult.Finding(CheckResult.Kind.STALE, f,
          "differs from what kesgen:generate writes (edited by hand, or the topology changed); run kesgen:generate")));
      compare.missing().forEach(f -> findings.add(new CheckResult.Finding(CheckResult.Kind.MISSING, f,
          "is not there; run kesgen:generate and commit the output")));
      compare.extra().forEach(f -> findings.add(new CheckResult.Finding(CheckResult.Kind.EXTRA, f,
          "is no longer generated; run kesgen:generate to delete it")));
      findings.addAll(SecretScan.of(output));
    } catch (OutputException e) {
      throw new KesgenException(e.getMessage(), e);
    }
    return new CheckResult(findings);
  }

  private void guardDirectories() throws KesgenException {
    try {
      DirectoryGuard.requireSeparate(request.outputDirectory(), request.secretsDirectory());
    } catch (PkiException e) {
      throw new KesgenException(e.getMessage(), e);
    }
  }

  private Renderer renderer() throws KesgenException {
    try {
      return Renderer.create(Renderer.EMBEDDED_TEMPLATES, request.templateDirectory());
    } catch (RenderException e) {
      throw new KesgenException(e.getMessage(), e);
    }
  }

  /** Fails before the output is touched if a new key could not be stored. */
  private void prepareSecrets(Certificates certificates) throws KesgenException {
    try {
      SecretsDirectory secrets = new SecretsDirectory(request.secretsDirectory(), request.outputDirectory());
      certificates.outcomes().forEach(secrets::prepare);
    } catch (PkiException e) {
      throw new KesgenException(e.getMessage(), e);
    }
  }

  private void storeSecrets(Topology topology, Certificates certificates, List<String> warnings) throws KesgenException {
    try {
      SecretsDirectory secrets = new SecretsDirectory(request.secretsDirectory(), request.outputDirectory());
      secrets.prepareRoot();
      for (Instance instance : topology.instances()) {
        CertificateOutcome server = certificates.outcome("kes/" + instance.name());
        note(secrets.store(server, Optional.empty()), server, warnings);
        Optional<CertificateOutcome> provisioner = certificates.find(Planner.provisionerName(instance));
        if (provisioner.isPresent()) {
          note(secrets.store(provisioner.get(), Optional.of(server.certificate())), provisioner.get(), warnings);
        }
        for (Tenant tenant : instance.tenants()) {
          CertificateOutcome client = certificates.outcome("tenants/" + instance.name() + "/" + tenant.name());
          note(secrets.store(client, Optional.of(server.certificate())), client, warnings);
        }
      }
    } catch (PkiException e) {
      String issued = certificates.outcomes().stream().filter(CertificateOutcome::hasNewKey)
          .map(o -> o.target().name()).collect(java.util.stream.Collectors.joining(", "));
      throw new KesgenException(e.getMessage() + (issued.isEmpty() ? "" : " (the output already holds the new"
          + " certificates " + issued + "; after fixing the secrets directory, rotate those whose key is missing)"), e);
    }
  }

  private static void note(StoredSecrets stored, CertificateOutcome outcome, List<String> warnings) {
    if (stored.manifest() == StoredSecrets.Manifest.NOT_WRITTEN_KEY_ABSENT) {
      warnings.add(outcome.target().name() + ": private key not present here, so its Secret manifest was not written"
          + " (whoever holds " + outcome.target().keyPath() + " can write it, or rotate the certificate)");
    }
  }

  /**
   * A renewed KES server certificate is trusted by name nowhere but in each tenant's Secret ({@code ca.crt}), the
   * Armadillo values ({@code kesCert}) and the provisioner Secret: say what to apply and restart.
   */
  private static List<String> renewedServers(Topology topology, Certificates certificates) {
    List<String> warnings = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      CertificateOutcome server = certificates.outcome("kes/" + instance.name());
      if (server.action() != CertificateOutcome.Action.RENEWED || instance.tenants().isEmpty()) {
        continue;
      }
      String tenants = instance.tenants().stream().map(t -> "secrets/tenants/" + instance.name() + "/" + t.name()
          + "/secret.yaml").collect(java.util.stream.Collectors.joining(", "));
      warnings.add("kes/" + instance.name() + " has a new server certificate, which its tenants' MinIO must trust:"
          + " apply " + tenants + " (their ca.crt changed; whoever holds a tenant's key regenerates it) and the"
          + " provisioner Secret if any, deploy the tenants' new values, and restart their MinIO together with KES");
    }
    return warnings;
  }

  private static List<String> lines(Topology topology) {
    List<String> lines = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      lines.add("instance " + instance.name() + ": KES " + instance.kes().version() + " in namespace "
          + instance.namespace() + ", " + instance.tenants().size() + " tenant(s)");
      for (Tenant tenant : instance.tenants()) {
        lines.add("  tenant " + tenant.name() + ": MinIO " + tenant.minioVersion() + " (" + tenant.chart()
            + ") in namespace " + tenant.namespace() + ", keys " + String.join(", ", tenant.keys()));
      }
    }
    return lines;
  }
}

package dev.kesgen;

import dev.kesgen.kes.KesServerConfig;
import dev.kesgen.kes.KeyCreator;
import dev.kesgen.output.FileContent;
import dev.kesgen.pki.CertificateLifecycle;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.CertificateTarget;
import dev.kesgen.pki.Decision;
import dev.kesgen.pki.Identity;
import dev.kesgen.pki.Pem;
import dev.kesgen.pki.PkiException;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.view.IssuedCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Keeps or issues every certificate of a topology, in topology order: each instance's server, then its tenants. */
final class Certificates {
  private final Map<String, CertificateOutcome> outcomes = new LinkedHashMap<>();
  private final Map<String, Optional<String>> previous = new LinkedHashMap<>();

  private Certificates() {}

  static Certificates maintain(Topology topology, GenerateRequest request) throws KesgenException {
    checkRotationNames(topology, request.rotate());
    boolean all = request.rotate().contains(GenerateRequest.ROTATE_ALL);
    CertificateLifecycle lifecycle = new CertificateLifecycle(request.clock());
    Certificates result = new Certificates();
    try {
      for (Instance instance : topology.instances()) {
        result.add(lifecycle, CertificateTarget.server(instance), request, all || request.rotate().contains(instance.name()));
        for (Tenant tenant : instance.tenants()) {
          String name = instance.name() + "/" + tenant.name();
          result.add(lifecycle, CertificateTarget.client(instance, tenant), request, all || request.rotate().contains(name));
        }
      }
    } catch (PkiException e) {
      throw new KesgenException(e.getMessage(), e);
    }
    result.maintainProvisioners(topology, request);
    return result;
  }

  /**
   * Keeps or issues the provisioner certificate of every instance that needs one: provisioning is on and some key
   * is created by neither KES nor MinIO.
   */
  private void maintainProvisioners(Topology topology, GenerateRequest request) throws KesgenException {
    boolean all = request.rotate().contains(GenerateRequest.ROTATE_ALL);
    CertificateLifecycle lifecycle = new CertificateLifecycle(request.clock());
    try {
      for (Instance instance : topology.instances()) {
        if (needsProvisioner(instance)) {
          add(lifecycle, CertificateTarget.provisioner(instance), request,
              all || request.rotate().contains(provisionerRotationName(instance)));
        }
      }
    } catch (PkiException e) {
      throw new KesgenException(e.getMessage(), e);
    }
  }

  static boolean needsProvisioner(Instance instance) {
    return instance.kes().provisioning() && KesServerConfig.keyCreations(instance).stream()
        .anyMatch(k -> k.creator() == KeyCreator.PROVISIONER);
  }

  static String provisionerRotationName(Instance instance) {
    return instance.name() + ":provisioner";
  }

  /** The outcome of a certificate, if this run maintained it. */
  Optional<CertificateOutcome> find(String name) {
    return Optional.ofNullable(outcomes.get(name));
  }

  private void add(CertificateLifecycle lifecycle, CertificateTarget target, GenerateRequest request, boolean rotate)
      throws KesgenException {
    CertificateOutcome outcome = lifecycle.maintain(target, request.outputDirectory(), request.secretsDirectory(), rotate);
    outcomes.put(target.name(), outcome);
    // a kept certificate is its own predecessor; only a replaced one needs the committed file read again
    previous.put(target.name(), outcome.hasNewKey()
        ? committedIdentity(request.outputDirectory().resolve(target.certificatePath()))
        : Optional.of(outcome.identity().hex()));
  }

  private static Optional<String> committedIdentity(Path file) throws KesgenException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Identity.of(Pem.decodeCertificate(Files.readString(file, StandardCharsets.UTF_8))).hex());
    } catch (IOException | RuntimeException e) {
      throw new KesgenException("cannot read the committed certificate " + file + ": " + e.getMessage()
          + " (restore it from version control, or delete it to have a new one issued)", e);
    }
  }

  private static void checkRotationNames(Topology topology, Set<String> rotate) throws KesgenException {
    Set<String> known = new TreeSet<>();
    known.add(GenerateRequest.ROTATE_ALL);
    for (Instance instance : topology.instances()) {
      known.add(instance.name());
      if (needsProvisioner(instance)) {
        known.add(provisionerRotationName(instance));
      }
      instance.tenants().forEach(t -> known.add(instance.name() + "/" + t.name()));
    }
    List<String> unknown = rotate.stream().filter(r -> !known.contains(r)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new KesgenException("nothing to rotate named " + String.join(", ", unknown)
          + " (name an instance for its server certificate, <instance>/<tenant> for a client certificate,"
          + " <instance>:provisioner for a provisioner, or all;"
          + " known: " + String.join(", ", known) + ")");
    }
  }

  /** The outcome of {@code kes/<instance>} or {@code tenants/<instance>/<tenant>}. */
  CertificateOutcome outcome(String name) {
    return outcomes.get(name);
  }

  List<CertificateOutcome> outcomes() {
    return List.copyOf(outcomes.values());
  }

  /** The public facts templates show. */
  IssuedCertificate view(String name) {
    CertificateOutcome o = outcomes.get(name);
    return new IssuedCertificate(name, o.certificatePem(), o.identity().hex(),
        DateTimeFormatter.ISO_LOCAL_DATE.format(o.notAfter().atZone(ZoneOffset.UTC)),
        FileContent.text(o.certificatePem()).sha256());
  }

  List<CertificateReport> reports() {
    List<CertificateReport> reports = new ArrayList<>();
    for (CertificateOutcome o : outcomes.values()) {
      String reason = o.decision() instanceof Decision.Issue issue ? issue.detail() : "";
      reports.add(new CertificateReport(o.target().name(), o.actionText(), reason, o.identity().hex(),
          previous.get(o.target().name()), o.notAfter()));
    }
    return reports;
  }
}

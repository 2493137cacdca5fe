package dev.kesgen.engine;

import dev.kesgen.kes.Provisioning;
import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.output.FileContent;
import dev.kesgen.pki.CertificateLifecycle;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.CertificateTarget;
import dev.kesgen.pki.Decision;
import dev.kesgen.pki.Identity;
import dev.kesgen.pki.KeySource;
import dev.kesgen.pki.Pem;
import dev.kesgen.pki.PkiException;
import dev.kesgen.pki.SecretDelivery;
import dev.kesgen.pki.VerifiedPairs;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.view.IssuedCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every certificate of a topology kept or issued, in topology order (each instance's server and tenants, then the
 * provisioners), with the committed identity each replaced.
 */
public final class Certificates {
  private final Map<CertificateId, CertificateOutcome> outcomes = new LinkedHashMap<>();
  private final Map<CertificateId, Optional<String>> previous = new LinkedHashMap<>();
  /** The committed certificates this run replaces, by the certificate replacing them. */
  private final Map<CertificateId, X509Certificate> replaced = new LinkedHashMap<>();

  private Certificates() {}

  /** The targets of a topology in the order they are maintained. */
  static List<CertificateTarget> targets(Topology topology) {
    List<CertificateTarget> targets = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      targets.add(CertificateTarget.server(instance));
      instance.tenants().forEach(t -> targets.add(CertificateTarget.client(instance, t)));
    }
    topology.instances().stream().filter(Provisioning::needed)
        .forEach(i -> targets.add(CertificateTarget.provisioner(i)));
    return targets;
  }

  static Certificates maintain(Topology topology, Path outputDirectory, KeySource keys, VerifiedPairs verified,
      RunSettings settings, Set<String> rotate, EngineListener listener) throws RunException {
    List<CertificateTarget> targets = targets(topology);
    checkRotationNames(targets, rotate);
    boolean all = rotate.contains(CertificateId.ROTATE_ALL);
    CertificateLifecycle lifecycle = new CertificateLifecycle(settings.clock());
    // Reading, verifying and issuing are independent per certificate, so they run on every core; the outcomes are
    // taken in target order, so events, output and the first error are those of a loop.
    List<Maintained> maintained = InOrder.map(targets, target -> maintain(lifecycle, target, outputDirectory, keys,
        verified, all || rotate.contains(target.id().rotationName())));
    Certificates result = new Certificates();
    for (Maintained m : maintained) {
      if (m.failure() != null) {
        throw m.failure();
      }
      CertificateTarget target = m.outcome().target();
      result.outcomes.put(target.id(), m.outcome());
      // a kept certificate's identity is known already; only a replaced one's is computed
      result.previous.put(target.id(), m.outcome().hasNewKey() ? m.before().map(c -> Identity.of(c).hex())
          : Optional.of(m.outcome().identity().hex()));
      m.before().filter(c -> m.outcome().hasNewKey()).ifPresent(c -> result.replaced.put(target.id(), c));
      listener.certificate(m.outcome(), result.previous.get(target.id()));
    }
    return result;
  }

  /** One certificate's outcome and the committed certificate it keeps or replaced, or why it failed. */
  private record Maintained(CertificateOutcome outcome, Optional<X509Certificate> before, RunException failure) {}

  private static Maintained maintain(CertificateLifecycle lifecycle, CertificateTarget target, Path outputDirectory,
      KeySource keys, VerifiedPairs verified, boolean rotate) {
    try {
      CertificateOutcome outcome = lifecycle.maintain(target, outputDirectory, keys, verified, rotate);
      // only a replaced certificate's predecessor is used, so only a replaced one needs the committed file read
      // again; a kept one is not parsed for it (the facts cache decides it unparsed)
      Optional<X509Certificate> before = outcome.hasNewKey()
          ? committed(outputDirectory.resolve(target.certificatePath()))
          : Optional.empty();
      return new Maintained(outcome, before, null);
    } catch (PkiException e) {
      return new Maintained(null, Optional.empty(), RunException.of(e, e.getMessage()));
    } catch (RunException e) {
      return new Maintained(null, Optional.empty(), e);
    }
  }

  private static Optional<X509Certificate> committed(Path file) throws RunException {
    String text;
    try {
      Optional<byte[]> bytes = RegularFiles.readIfPresent(file, InputKind.CERTIFICATE);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      text = new String(bytes.get(), StandardCharsets.UTF_8);
    } catch (UnsafeFileException e) {
      throw RunException.environment(e.getMessage(), e);
    } catch (IOException e) {
      throw RunException.environment("cannot read the committed certificate " + file + ": " + dev.kesgen.files.Failures.describe(e), e);
    }
    try {
      return Optional.of(Pem.decodeCertificate(text));
    } catch (RuntimeException e) {
      throw new RunException(RunException.Kind.USER, "cannot read the committed certificate " + file + ": "
          + e.getMessage() + " (restore it from version control, or delete it to have a new one issued)", e);
    }
  }

  private static void checkRotationNames(List<CertificateTarget> targets, Set<String> rotate) throws RunException {
    Set<String> known = new TreeSet<>();
    known.add(CertificateId.ROTATE_ALL);
    targets.forEach(t -> known.add(t.id().rotationName()));
    List<String> unknown = rotate.stream().filter(r -> !known.contains(r)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw RunException.user("nothing to rotate named " + String.join(", ", unknown)
          + " (name an instance for its server certificate, <instance>/<tenant> for a client certificate,"
          + " <instance>:provisioner for a provisioner, or all;"
          + " known: " + String.join(", ", known) + ")");
    }
  }

  /** The outcome of a certificate, if this run maintained it. */
  public Optional<CertificateOutcome> find(CertificateId id) {
    return Optional.ofNullable(outcomes.get(id));
  }

  /** The outcome of a certificate this run maintained. */
  public CertificateOutcome outcome(CertificateId id) {
    return find(id).orElseThrow(() -> new IllegalStateException("no certificate " + id.name() + " in this run"));
  }

  /** Every outcome, in order. */
  public List<CertificateOutcome> outcomes() {
    return List.copyOf(outcomes.values());
  }

  /** The committed identity the certificate replaced, or its own when kept; empty for a first issue. */
  public Optional<String> previousIdentity(CertificateId id) {
    return previous.getOrDefault(id, Optional.empty());
  }

  /**
   * These certificates as they are committed: each one this run renews because it expires within renewBefore, is not
   * valid yet or no longer matches the topology is replaced by the committed certificate it renews (kept, its key
   * not at hand), so that rendering with them shows what the committed output would be without the renewals. A
   * certificate that is missing or not one kesgen issues ({@link Decision.Reason#INVALID}) has no committed
   * certificate worth keeping and stays as issued. Empty when no certificate is renewed.
   */
  Optional<Certificates> asCommitted() {
    Certificates result = new Certificates();
    boolean any = false;
    for (Map.Entry<CertificateId, CertificateOutcome> e : outcomes.entrySet()) {
      CertificateOutcome o = e.getValue();
      X509Certificate before = replaced.get(e.getKey());
      if (before != null && isRenewal(o)) {
        o = CertificateOutcome.of(o.target(), before, CertificateOutcome.Action.KEPT_KEY_ABSENT, new Decision.Keep(),
            Optional.empty());
        any = true;
      }
      result.outcomes.put(e.getKey(), o);
      result.previous.put(e.getKey(), previous.get(e.getKey()));
    }
    return any ? Optional.of(result) : Optional.empty();
  }

  /** Whether the outcome renews a committed certificate that kesgen issued (for time or the topology's sake). */
  static boolean isRenewal(CertificateOutcome o) {
    return o.decision() instanceof Decision.Issue issue && switch (issue.reason()) {
      case EXPIRING, NOT_YET_VALID, MISMATCH -> true;
      case MISSING, INVALID, ROTATION_REQUESTED -> false;
    };
  }

  /** When the committed certificate expires (the one kept, or the one this run replaces); empty when none is. */
  Optional<java.time.Instant> committedNotAfter(CertificateId id) {
    X509Certificate before = replaced.get(id);
    if (before != null) {
      return Optional.of(before.getNotAfter().toInstant());
    }
    return find(id).filter(o -> o.action().isKept()).map(CertificateOutcome::notAfter);
  }

  /** The public facts templates show, if this run maintained the certificate. */
  Optional<IssuedCertificate> view(CertificateId id) {
    return find(id).map(o -> new IssuedCertificate(id.name(), o.certificatePem(), o.identity().hex(),
        DateTimeFormatter.ISO_LOCAL_DATE.format(o.notAfter().atZone(ZoneOffset.UTC)),
        FileContent.text(o.certificatePem()).sha256()));
  }

  /**
   * Every Secret a run delivers, in topology order: each instance's server, its provisioner (trusting the server)
   * and its tenants (trusting the server).
   */
  public List<SecretDelivery> deliveries(Topology topology) {
    List<SecretDelivery> deliveries = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      CertificateOutcome server = outcome(CertificateId.server(instance));
      deliveries.add(new SecretDelivery(server, Optional.empty()));
      find(CertificateId.provisioner(instance))
          .ifPresent(p -> deliveries.add(new SecretDelivery(p, Optional.of(server.certificate()))));
      for (Tenant tenant : instance.tenants()) {
        deliveries.add(new SecretDelivery(outcome(CertificateId.client(instance, tenant)),
            Optional.of(server.certificate())));
      }
    }
    return deliveries;
  }

  /** The names of certificates with new keys, for a message. */
  List<String> withNewKeys() {
    return outcomes.values().stream().filter(CertificateOutcome::hasNewKey).map(o -> o.target().name()).toList();
  }

}

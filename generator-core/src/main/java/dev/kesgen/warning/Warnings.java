package dev.kesgen.warning;

import dev.kesgen.kes.KesImage;
import dev.kesgen.kes.MinioKesApi;
import dev.kesgen.kes.Provisioning;
import dev.kesgen.topology.Acknowledgement;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.WarningId;
import dev.kesgen.vault.VaultWarnings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of the warnings about a topology's output, which feeds both the log and SUMMARY.md: the Vault's, then
 * each instance's and its tenants', each marked acknowledged where the topology's {@code acknowledge} list says so,
 * then one for each acknowledgement that matches no warning. Only the topology decides it (no path or fact of the
 * machine), so SUMMARY.md is the same on every machine.
 */
public final class Warnings {
  private Warnings() {}

  /** Every warning about the topology's output, acknowledgements applied, in topology order. */
  public static List<Warning> of(Topology topology) {
    List<Warning> found = new ArrayList<>();
    VaultWarnings.plaintext(topology).ifPresent(m -> found.add(Warning.of(WarningId.VAULT_PLAINTEXT_HTTP, m)));
    VaultWarnings.unbound(topology).ifPresent(m -> found.add(Warning.of(WarningId.NETWORK_UNBOUND, m)));
    vaultCaOutside(topology).ifPresent(m -> found.add(Warning.of(WarningId.VAULT_CA_OUTSIDE, m)));
    for (Instance instance : topology.instances()) {
      found.addAll(of(instance));
    }
    return acknowledged(topology, found);
  }

  private static List<Warning> of(Instance instance) {
    List<Warning> warnings = new ArrayList<>();
    String name = instance.name();
    KesImage image = KesImage.of(instance.kes());
    image.warning().ifPresent(w -> warnings.add(Warning.instance(KesImage.isDockerHubMinio(image.repository())
        ? WarningId.KES_IMAGE_DOCKER_HUB : WarningId.KES_IMAGE_NO_RELEASE, name, "instance " + name + ": " + w)));
    dev.kesgen.vault.KubernetesLogin.tokenReadOnce(instance)
        .ifPresent(m -> warnings.add(Warning.instance(WarningId.KES_TOKEN_READ_ONCE, name, m)));
    for (Tenant tenant : instance.tenants()) {
      tenant.image().filter(KesImage::isDockerHubMinio).ifPresent(r -> warnings.add(Warning.tenant(
          WarningId.MINIO_IMAGE_DOCKER_HUB, name, tenant.name(), "instance " + name + ", tenant " + tenant.name()
              + ": image " + r + " is on Docker Hub, whose MinIO repositories stopped serving in September 2026: use "
              + Tenant.DEFAULT_IMAGE + " or a mirror")));
      if (MinioKesApi.failsOnRestartWith(tenant.minioVersion(), instance.kes().version())) {
        warnings.add(Warning.tenant(WarningId.MINIO_14716, name, tenant.name(), "instance " + name + ", tenant "
            + tenant.name() + ": MinIO " + tenant.minioVersion() + " with KES " + instance.kes().version()
            + " is known to fail on restart with \"key already exists\" (minio/minio#14716); pair that MinIO with KES"
            + " v0.17.x or older, or upgrade MinIO to 2022-03-03 or later"));
      }
    }
    Provisioning.uncreated(instance).forEach(k -> warnings.add(Warning.tenant(WarningId.KEY_NOT_CREATED, name,
        k.tenant(), "instance " + name + ", tenant " + k.tenant() + ": key " + k.key() + " is created by neither KES "
            + instance.kes().version() + " nor MinIO, and provisioning is off; create it once with `kes key create "
            + k.key() + "`")));
    return warnings;
  }

  /**
   * A CA file outside the topology's directory tree is read, but may not be in the repository (so another checkout
   * commits other certificates, or none): say so, and how to make it reproducible. The message names no path, which
   * would differ between machines.
   */
  static Optional<String> vaultCaOutside(Topology topology) {
    Path base = topology.source().toAbsolutePath().getParent();
    base = base == null ? Path.of("").toAbsolutePath() : base.normalize();
    Optional<Path> file = topology.vault().caCertificate().map(c -> c.file().toAbsolutePath().normalize());
    if (file.isEmpty() || file.get().startsWith(base)) {
      return Optional.empty();
    }
    return Optional.of("vault.caCertificate lies outside the topology's directory: its certificates are committed into"
        + " the KES values, but the file may not be in the repository; copy it beside the topology file and name it"
        + " there, so that every checkout generates the same output");
  }

  /**
   * Why a strict run fails, when some warning is not acknowledged: the warnings one a line and how to acknowledge
   * them; empty when every warning is acknowledged (or there are none).
   *
   * @param option the switch that made the run strict, such as {@code --strict} or {@code kesgen.strict}, named in
   *     the message
   */
  public static Optional<String> strictRefusal(List<Warning> warnings, String option) {
    List<Warning> failing = warnings.stream().filter(Warning::failsStrict).toList();
    if (failing.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder message = new StringBuilder(failing.size() + " warning(s) not acknowledged, and " + option
        + " makes warnings fail:");
    failing.forEach(w -> message.append("\n  ").append(w.text()));
    message.append("\nFix what they say, or acknowledge each in the topology by its id (acknowledge: [{id: ..., reason:"
        + " ...}], see docs/topology.md)");
    if (failing.stream().anyMatch(w -> !w.id().acknowledgeable())) {
      message.append("; those about this machine or run, and acknowledgement-unused, cannot be acknowledged, only"
          + " fixed");
    }
    return Optional.of(message.toString());
  }

  private static List<Warning> acknowledged(Topology topology, List<Warning> found) {
    List<Warning> result = new ArrayList<>();
    Set<Acknowledgement> used = new LinkedHashSet<>();
    for (Warning w : found) {
      List<Acknowledgement> acks = topology.acknowledgements().stream()
          .filter(a -> a.matches(w.id(), w.instance(), w.tenant())).toList();
      used.addAll(acks);
      // the most specific acknowledgement gives the reason (a tenant's before its instance's before everyone's)
      Optional<Acknowledgement> ack = acks.stream().max(java.util.Comparator.comparingInt(
          a -> (a.instance().isPresent() ? 1 : 0) + (a.tenant().isPresent() ? 1 : 0)));
      result.add(ack.map(a -> w.acknowledge(a.reason())).orElse(w));
    }
    for (Acknowledgement a : topology.acknowledgements()) {
      if (!used.contains(a)) {
        String what = a.id().id() + a.instance().map(i -> ", instance " + i).orElse("")
            + a.tenant().map(t -> ", tenant " + t).orElse("");
        result.add(Warning.of(WarningId.ACKNOWLEDGEMENT_UNUSED, a.path() + " (" + what + ") acknowledges no warning"
            + " this topology gives; remove it"));
      }
    }
    return result;
  }
}

package dev.kesgen.view;

import dev.kesgen.kes.KesImage;
import dev.kesgen.kes.KesServerConfig;
import dev.kesgen.kes.KeyCreator;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.vault.VaultPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plans SUMMARY.md, the page a pull-request reviewer reads first. */
public final class SummaryFile {
  private SummaryFile() {}

  /** How SUMMARY.md names who creates a key. */
  static String describe(KeyCreator creator, boolean provisioning) {
    return switch (creator) {
      case KES_STARTUP -> "KES at start-up (keys list)";
      case MINIO_STARTUP -> "MinIO at start-up";
      case PROVISIONER -> provisioning ? "kesgen provisioning Job (Helm post-install/post-upgrade hook)"
          : "nobody (provisioning is off): run kes key create once";
    };
  }

  /** SUMMARY.md for the whole topology. */
  public static PlannedFile plan(
      Topology topology,
      Map<String, KesServerConfig> configs,
      Function<CertificateId, Optional<IssuedCertificate>> certificates,
      String header) {
    List<SummaryContext.Instance> instances = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      KesServerConfig config = configs.get(instance.name());
      KesImage image = KesImage.of(instance.kes());
      List<SummaryContext.Tenant> tenants = new ArrayList<>();
      for (Tenant tenant : instance.tenants()) {
        IssuedCertificate client = certificates.apply(CertificateId.client(instance, tenant)).orElseThrow();
        List<SummaryContext.KeyCreator> creators = config.keyCreations().stream()
            .filter(k -> k.tenant().equals(tenant.name()))
            .map(k -> new SummaryContext.KeyCreator(k.key(), describe(k.creator(), instance.kes().provisioning())))
            .toList();
        tenants.add(new SummaryContext.Tenant(
            "t_" + mermaid(instance.name()) + "_" + mermaid(tenant.name()),
            tenant.name(),
            tenant.namespace(),
            tenant.chart().spelling(),
            tenant.minioVersion().tag(),
            tenant.image().map(r -> "`" + r + ":" + tenant.minioVersion().tag() + "`")
                .orElse("the chart's (kesgen plans for " + tenant.minioVersion().tag() + ")"),
            code(tenant.keys()),
            creators.stream().map(c -> "`" + c.key() + "`: " + c.creator()).collect(Collectors.joining("; ")),
            tenant.keys(),
            creators,
            client.identity(),
            client.expires()));
      }
      IssuedCertificate server = certificates.apply(CertificateId.server(instance)).orElseThrow();
      Optional<SummaryContext.Provisioner> provisioner = certificates.apply(CertificateId.provisioner(instance))
          .map(p -> new SummaryContext.Provisioner(p.name(), p.identity(), p.expires(),
              String.join(", ", config.keysNeedingProvisioning()), config.keysNeedingProvisioning()));
      instances.add(new SummaryContext.Instance(
          "kes_" + mermaid(instance.name()),
          instance.name(),
          instance.namespace(),
          instance.kes().version().tag(),
          image.reference(),
          image.note().orElse(""),
          image.warning().orElse(""),
          config.dialect().name(),
          instance.serviceHost(),
          instance.kes().port(),
          instance.kes().replicas(),
          instance.vaultName(),
          VaultPolicy.keyLocation(topology.vault(), instance),
          new SummaryContext.Certificate(server.name(), server.identity(), server.expires()),
          provisioner,
          tenants));
    }
    return new PlannedFile.Rendered(OutputLayout.SUMMARY, "summary.md.hbs",
        new SummaryContext(header, VaultView.of(topology.vault()), dev.kesgen.vault.VaultWarnings.all(topology.vault()),
            instances));
  }

  // Mermaid node ids: the names' '-' is not allowed there
  private static String mermaid(String name) {
    return name.replace('-', '_');
  }

  private static String code(List<String> keys) {
    return keys.stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "));
  }

}

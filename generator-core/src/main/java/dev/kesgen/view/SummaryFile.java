package dev.kesgen.view;

import dev.kesgen.kes.KesImage;
import dev.kesgen.kes.KesServerConfig;
import dev.kesgen.kes.KeyCreator;
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
      Function<String, Optional<IssuedCertificate>> certificates,
      String header) {
    List<Map<String, Object>> instances = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      KesServerConfig config = configs.get(instance.name());
      String id = "kes_" + instance.name().replace('-', '_');
      KesImage image = KesImage.of(instance.kes());
      List<Map<String, Object>> tenants = new ArrayList<>();
      for (Tenant tenant : instance.tenants()) {
        IssuedCertificate client = certificates.apply("tenants/" + instance.name() + "/" + tenant.name()).orElseThrow();
        String creators = config.keyCreations().stream()
            .filter(k -> k.tenant().equals(tenant.name()))
            .map(k -> "`" + k.key() + "`: " + describe(k.creator(), instance.kes().provisioning()))
            .collect(Collectors.joining("; "));
        tenants.add(Ctx.of()
            .put("id", "t_" + instance.name().replace('-', '_') + "_" + tenant.name().replace('-', '_'))
            .put("name", tenant.name())
            .put("namespace", tenant.namespace())
            .put("chart", tenant.chart().spelling())
            .put("minioVersion", tenant.minioVersion().tag())
            .put("image", tenant.image().map(r -> "`" + r + ":" + tenant.minioVersion().tag() + "`")
                .orElse("the chart's (kesgen plans for " + tenant.minioVersion().tag() + ")"))
            .put("keys", tenant.keys().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")))
            .put("creators", creators)
            .put("identity", client.identity())
            .put("expires", client.expires())
            .map());
      }
      IssuedCertificate server = certificates.apply("kes/" + instance.name()).orElseThrow();
      Optional<IssuedCertificate> provisioner = certificates.apply("kes/" + instance.name() + "/provisioner");
      instances.add(Ctx.of()
          .put("id", id)
          .put("name", instance.name())
          .put("namespace", instance.namespace())
          .put("kesVersion", instance.kes().version().tag())
          .put("image", image.reference())
          .put("imageNote", image.note().orElse(""))
          .put("imageWarning", image.warning().orElse(""))
          .put("dialect", config.dialect().name())
          .put("serviceHost", instance.serviceHost())
          .put("port", instance.kes().port())
          .put("replicas", instance.kes().replicas())
          .put("vaultName", instance.vaultName())
          .put("keyLocation", VaultPolicy.keyLocation(topology.vault(), instance))
          .put("server", Ctx.of().put("name", server.name()).put("identity", server.identity())
              .put("expires", server.expires()).map())
          .put("provisioner", provisioner.map(p -> Ctx.of().put("name", p.name()).put("identity", p.identity())
              .put("expires", p.expires()).put("keys", String.join(", ", config.keysNeedingProvisioning())).map())
              .orElse(null))
          .put("tenants", tenants)
          .map());
    }
    return PlannedFile.rendered("SUMMARY.md", "summary.md.hbs", Ctx.of()
        .put("header", header)
        .put("vault", VaultFiles.vault(topology.vault()))
        .put("instances", instances)
        .map());
  }

}

package dev.kesgen.view;

import dev.kesgen.kes.KesDialect;
import dev.kesgen.kes.KesImage;
import dev.kesgen.kes.KesServerConfig;
import dev.kesgen.kes.VaultKeystore;
import dev.kesgen.topology.Instance;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans the KES files of one instance: the server configuration (embedded in the chart values) and values. */
public final class KesFiles {
  private KesFiles() {}

  /** The kubernetes.io/tls Secret holding the server certificate and key, in the instance namespace. */
  public static String tlsSecretName(Instance instance) {
    return instance.kes().service() + "-tls";
  }

  /** The kubernetes.io/tls Secret of the provisioner (ca.crt = the server certificate), in the instance namespace. */
  public static String provisionerSecretName(Instance instance) {
    return instance.kes().service() + "-provisioner";
  }

  /** The context of {@code kes/server-config.yaml.hbs}: every choice already made by the release's dialect. */
  public static Map<String, Object> configContext(Instance instance, KesServerConfig config, String header) {
    KesDialect dialect = config.dialect();
    VaultKeystore v = config.keystore();
    return Ctx.of()
        .put("header", header)
        .put("instance", VaultFiles.instance(instance))
        .put("kesVersion", instance.kes().version().tag())
        .put("dialect", dialect.name())
        .put("writeVersion", config.writeTopLevelVersion())
        .put("address", config.address())
        .put("rootStyle", dialect.adminStyle() == KesDialect.AdminStyle.ROOT)
        .put("adminIdentity", config.adminIdentity())
        .put("tls", Ctx.of().put("key", config.tls().key()).put("cert", config.tls().cert())
            .put("auth", config.tls().auth().orElse("")).map())
        .put("cache", Ctx.of().put("any", config.cache().any()).put("unused", config.cache().unused()).map())
        .put("log", Ctx.of().put("error", config.log().error()).put("audit", config.log().audit())
            .put("auditInverted", dialect.invertsAuditSwitch()).map())
        .put("policyRuleKey", dialect.policyRuleKey())
        .put("policyIdentitiesKey", dialect.policyIdentitiesKey())
        .put("policies", config.policies().stream().map(p -> Ctx.of()
            .put("name", p.name()).put("paths", p.paths()).put("identities", p.identities()).map()).toList())
        .put("keys", config.keys())
        .put("backendSection", dialect.backendSection() == KesDialect.BackendSection.KEYS_MAP ? "keys" : "keystore")
        .put("vault", Ctx.of()
            .put("endpoint", v.endpoint())
            .put("engine", v.engine())
            .put("version", v.version().orElse(""))
            .put("namespace", v.namespace().orElse(""))
            .put("prefix", v.prefix())
            .put("appRoleEngine", v.appRoleEngine())
            .put("appRoleId", v.appRoleId())
            .put("appRoleSecret", v.appRoleSecret())
            .put("appRoleRetry", v.appRoleRetry().orElse(""))
            .put("caPath", v.caPath().orElse(""))
            .put("statusPing", v.statusPing())
            .map())
        .map();
  }

  /** The chart values and the server certificate of one instance. */
  public static List<PlannedFile> plan(
      Instance instance,
      KesServerConfig config,
      String configText,
      IssuedCertificate server,
      Optional<IssuedCertificate> provisioner,
      String vaultCaPem,
      String header) {
    String dir = "kes/" + instance.name() + "/";
    List<String> provisioned = config.keysNeedingProvisioning();
    boolean provisioning = provisioner.isPresent() && !provisioned.isEmpty();
    KesImage image = KesImage.of(instance.kes());
    Map<String, Object> values = Ctx.of()
        .put("header", header)
        .put("instance", VaultFiles.instance(instance))
        .put("image", Ctx.of().put("repository", image.repository()).put("tag", image.tag()).map())
        .put("replicas", instance.kes().replicas())
        .put("service", Ctx.of().put("name", instance.kes().service()).put("port", instance.kes().port()).map())
        .put("serverArgs", config.serverArgs())
        .put("env", config.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> Ctx.of().put("name", e.getKey()).put("value", e.getValue()).map()).toList())
        .put("config", configText)
        .put("tls", Ctx.of().put("secretName", tlsSecretName(instance)).put("checksum", server.sha256()).map())
        .put("vault", Ctx.of().put("approleSecretName", VaultFiles.approleSecretName(instance))
            .put("caCertificate", vaultCaPem).map())
        .put("provisioning", Ctx.of()
            .put("enabled", provisioning)
            .put("secretName", provisioning ? provisionerSecretName(instance) : "")
            .put("keys", provisioning ? provisioned : List.of())
            .map())
        .map();
    List<PlannedFile> files = new java.util.ArrayList<>(List.of(
        PlannedFile.rendered(dir + "values.yaml", "kes/values.yaml.hbs", values),
        PlannedFile.verbatim(dir + "server.crt", server.pem())));
    provisioner.ifPresent(p -> files.add(PlannedFile.verbatim(dir + "provisioner.crt", p.pem())));
    return files;
  }
}

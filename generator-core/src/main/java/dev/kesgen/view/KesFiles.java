package dev.kesgen.view;

import dev.kesgen.kes.KesImage;
import dev.kesgen.kes.KesServerConfig;
import dev.kesgen.kes.Provisioning;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KesKubernetesLogin;
import dev.kesgen.topology.VaultAuth;
import dev.kesgen.vault.KubernetesAuthRole;
import dev.kesgen.topology.NameRules;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Vault;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans the KES files of one instance: the chart values (with the server configuration inside) and certificates. */
public final class KesFiles {
  private KesFiles() {}

  /**
   * Ingress from the tenants' namespaces, egress to Vault's port (and address, where the endpoint is an IP literal);
   * what generate proves the values of an instance say ({@code GrantCheck}).
   */
  public static KesValuesContext.NetworkPolicy networkPolicy(Instance instance, Vault vault) {
    List<String> namespaces = instance.tenants().stream().map(Tenant::namespace).distinct().sorted().toList();
    URI endpoint = vault.endpoint();
    int port = endpoint.getPort() >= 0 ? endpoint.getPort() : vault.isPlaintext() ? 80 : 443;
    String host = endpoint.getHost().replaceAll("^\\[|\\]$", "");
    List<String> cidrs = NameRules.isIpAddress(host) ? List.of(host + (host.contains(":") ? "/128" : "/32")) : List.of();
    return new KesValuesContext.NetworkPolicy(namespaces, port, cidrs);
  }

  /**
   * The ServiceAccount values of an instance that logs in with Kubernetes: its name, the token the chart mounts (a
   * projected one only where KES reads it at every login, {@link KesKubernetesLogin#rereadsToken()}), its audience,
   * and whether Vault reviews with that token (a Vault outside the cluster, {@code vault.kubernetes.caCertificate}).
   */
  public static KesValuesContext.ServiceAccount serviceAccount(Instance instance, Vault vault) {
    boolean projected = KesKubernetesLogin.of(instance.kes().version()).rereadsToken();
    return new KesValuesContext.ServiceAccount(KubernetesNames.serviceAccount(instance),
        projected ? "projected" : "secret", projected ? KubernetesAuthRole.AUDIENCE : "",
        vault.kubernetes().map(k -> k.caCertificate().isPresent()).orElse(false));
  }

  /** The chart values and the server (and provisioner) certificate of one instance. */
  public static List<PlannedFile> plan(
      Instance instance,
      KesServerConfig config,
      IssuedCertificate server,
      Optional<IssuedCertificate> provisioner,
      String vaultCaPem,
      Vault vault,
      String header,
      String outputName) {
    boolean provisioning = provisioner.isPresent() && Provisioning.needed(instance);
    boolean kubernetes = instance.vaultAuth() == VaultAuth.KUBERNETES;
    KesImage image = KesImage.of(instance.kes());
    KesValuesContext values = new KesValuesContext(
        header,
        InstanceView.of(instance),
        new KesValuesContext.Image(image.repository(), image.tag(), image.digest().orElse("")),
        instance.kes().replicas(),
        new KesValuesContext.Service(instance.kes().service(), instance.kes().port()),
        config.serverArgs(),
        config.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> new KesValuesContext.Env(e.getKey(), e.getValue())).toList(),
        ServerConfigContext.of(instance, config, header),
        new KesValuesContext.Tls(KubernetesNames.secret(instance, CertificateId.server(instance)), server.sha256()),
        new KesValuesContext.Vault(kubernetes ? "" : KubernetesNames.appRoleSecret(instance), vaultCaPem, kubernetes),
        new KesValuesContext.Provisioning(provisioning,
            provisioning ? KubernetesNames.secret(instance, CertificateId.provisioner(instance)) : "",
            provisioning ? config.keysNeedingProvisioning() : List.of()),
        networkPolicy(instance, vault),
        dev.kesgen.layout.HelmCommands.kes(instance, outputName),
        kubernetes ? serviceAccount(instance, vault) : new KesValuesContext.ServiceAccount("", "", "", false));
    List<PlannedFile> files = new ArrayList<>(List.of(
        new PlannedFile.Rendered(OutputLayout.kesValues(instance), "kes/values.yaml.hbs", values),
        new PlannedFile.Verbatim(CertificateId.server(instance).certificatePath(), server.pem())));
    provisioner.ifPresent(p -> files.add(
        new PlannedFile.Verbatim(CertificateId.provisioner(instance).certificatePath(), p.pem())));
    return files;
  }
}

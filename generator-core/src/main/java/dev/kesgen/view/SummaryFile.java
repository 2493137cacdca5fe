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
import dev.kesgen.warning.Warning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Plans SUMMARY.md, the page a pull-request reviewer reads first. */
public final class SummaryFile {
  private SummaryFile() {}

  /** Who creates a key, as the template's four flags. */
  static SummaryContext.KeyCreator creator(String key, KeyCreator creator, boolean provisioning) {
    return new SummaryContext.KeyCreator(key, creator == KeyCreator.KES_STARTUP, creator == KeyCreator.MINIO_STARTUP,
        creator == KeyCreator.PROVISIONER && provisioning, creator == KeyCreator.PROVISIONER && !provisioning);
  }

  /** SUMMARY.md for the whole topology, with each instance's access matrix (by instance name) as computed. */
  public static PlannedFile plan(
      Topology topology,
      Map<String, KesServerConfig> configs,
      Function<CertificateId, Optional<IssuedCertificate>> certificates,
      Map<String, List<SummaryContext.Access>> access,
      List<Warning> warnings,
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
            .map(k -> creator(k.key(), k.creator(), instance.kes().provisioning()))
            .toList();
        tenants.add(new SummaryContext.Tenant(
            tenant.name(),
            tenant.namespace(),
            tenant.chart().spelling(),
            tenant.minioVersion().tag(),
            tenant.image(),
            tenant.keys(),
            creators,
            client.identity(),
            client.expires(),
            tenant.usesApiKey(),
            tenant.namespace() + "/" + dev.kesgen.layout.KubernetesNames.secret(instance,
                CertificateId.client(instance, tenant))));
      }
      IssuedCertificate server = certificates.apply(CertificateId.server(instance)).orElseThrow();
      Optional<SummaryContext.Provisioner> provisioner = certificates.apply(CertificateId.provisioner(instance))
          .map(p -> new SummaryContext.Provisioner(p.name(), p.identity(), p.expires(),
              config.keysNeedingProvisioning()));
      instances.add(new SummaryContext.Instance(
          instance.name(),
          instance.namespace(),
          instance.kes().version().tag(),
          image.reference(),
          image.note().orElse(""),
          image.warning().orElse(""),
          config.dialect().releases(),
          instance.serviceHost(),
          instance.kes().port(),
          instance.kes().replicas(),
          instance.vaultName(),
          topology.vault().keyLocation(instance),
          OutputLayout.kesValues(instance),
          new SummaryContext.Certificate(server.name(), server.identity(), server.expires()),
          provisioner,
          tenants,
          access.getOrDefault(instance.name(), List.of()),
          dev.kesgen.vault.KubernetesLogin.summary(topology.vault(), instance).orElse("")));
    }
    // every warning about the output; those about this machine or run would make SUMMARY.md differ between machines
    List<Warning> shown = warnings.stream().filter(w -> w.id().inSummary()).toList();
    return new PlannedFile.Rendered(OutputLayout.SUMMARY, "summary.md.hbs",
        new SummaryContext(header, VaultView.of(topology.vault()), shown.stream().map(Warning::message).toList(),
            shown.stream().map(w -> new SummaryContext.Warning(w.id().id(), w.message(), w.acknowledged())).toList(),
            instances, directory(topology), sealed(topology), sops(topology), external(topology)));
  }

  private static Optional<SummaryContext.Directory> directory(Topology topology) {
    if (!(topology.secrets() instanceof dev.kesgen.topology.Secrets.Directory)) {
      return Optional.empty();
    }
    List<SummaryContext.SealedSecret> secrets = new ArrayList<>();
    targets(topology).forEach(t -> secrets.add(new SummaryContext.SealedSecret(t.name(), t.secretNamespace(),
        t.secretName(), t.secretPath())));
    return Optional.of(new SummaryContext.Directory(secrets));
  }

  private static Optional<SummaryContext.Sops> sops(Topology topology) {
    if (!(topology.secrets() instanceof dev.kesgen.topology.Secrets.Sops sops)) {
      return Optional.empty();
    }
    List<SummaryContext.SealedSecret> secrets = new ArrayList<>();
    targets(topology).forEach(t -> secrets.add(new SummaryContext.SealedSecret(t.name(), t.secretNamespace(),
        t.secretName(), t.id().sopsSecretPath())));
    return Optional.of(new SummaryContext.Sops(sops.ageRecipients(), secrets));
  }

  private static Optional<SummaryContext.External> external(Topology topology) {
    if (!(topology.secrets() instanceof dev.kesgen.topology.Secrets.ExternalSecrets eso)) {
      return Optional.empty();
    }
    List<SummaryContext.SealedSecret> secrets = new ArrayList<>();
    targets(topology).forEach(t -> secrets.add(new SummaryContext.SealedSecret(t.name(), t.secretNamespace(),
        t.secretName(), t.id().externalSecretPath())));
    List<SummaryContext.Login> logins = topology.instances().stream()
        .filter(i -> i.vaultAuth() == dev.kesgen.topology.VaultAuth.APPROLE)
        .map(i -> new SummaryContext.Login(i.name(), i.vaultName(), i.namespace(),
            dev.kesgen.layout.KubernetesNames.appRoleSecret(i), dev.kesgen.layout.OutputLayout.kesAppRoleExternalSecret(i)))
        .toList();
    return Optional.of(new SummaryContext.External(topology.vault().kv().mount() + "/" + eso.path(),
        eso.storeKind() + " " + eso.storeName(), login(topology, eso), secrets, logins));
  }

  /** How ESO logs in: {@code appRole}, or the kubernetes method's mount and the one ServiceAccount its role binds. */
  private static String login(Topology topology, dev.kesgen.topology.Secrets.ExternalSecrets eso) {
    if (!eso.usesKubernetesAuth()) {
      return eso.auth();
    }
    return "kubernetes on `auth/" + topology.vault().kubernetes().orElseThrow().mount() + "` as ServiceAccount "
        + (eso.isClusterStore() ? "`" + eso.serviceAccount() + "`"
            : "`" + dev.kesgen.topology.Secrets.ExternalSecrets.NAMESPACE_SERVICE_ACCOUNT + "` of each namespace");
  }

  private static List<dev.kesgen.pki.CertificateTarget> targets(Topology topology) {
    List<dev.kesgen.pki.CertificateTarget> targets = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      targets.add(dev.kesgen.pki.CertificateTarget.server(instance));
      if (dev.kesgen.kes.Provisioning.needed(instance)) {
        targets.add(dev.kesgen.pki.CertificateTarget.provisioner(instance));
      }
      instance.tenants().forEach(t -> targets.add(dev.kesgen.pki.CertificateTarget.client(instance, t)));
    }
    return targets;
  }

  private static Optional<SummaryContext.Sealed> sealed(Topology topology) {
    if (!(topology.secrets() instanceof dev.kesgen.topology.Secrets.SealedSecrets sealed)) {
      return Optional.empty();
    }
    List<SummaryContext.SealedSecret> secrets = new ArrayList<>();
    targets(topology).forEach(t -> secrets.add(new SummaryContext.SealedSecret(t.name(), t.secretNamespace(),
        t.secretName(), t.id().sealedSecretPath())));
    Path base = topology.source().toAbsolutePath().getParent();
    Path file = sealed.certificateFile();
    String certificate = base != null && file.startsWith(base) ? base.relativize(file).toString().replace('\\', '/')
        : String.valueOf(file.getFileName());
    return Optional.of(new SummaryContext.Sealed(certificate, sealed.scope().spelling(), secrets));
  }
}

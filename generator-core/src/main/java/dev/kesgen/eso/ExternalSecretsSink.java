package dev.kesgen.eso;

import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.CertificateTarget;
import dev.kesgen.pki.KeySource;
import dev.kesgen.pki.SecretDelivery;
import dev.kesgen.pki.SecretSink;
import dev.kesgen.pki.SecretsDirectory;
import dev.kesgen.pki.StoredSecrets;
import dev.kesgen.pki.VerifiedPairs;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Secrets;
import dev.kesgen.topology.Vault;
import dev.kesgen.topology.VaultAuth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code externalSecrets} sink. Where each key waits and how it reaches its pod: generate writes a new private
 * key only to the local, git-ignored secrets directory (as the {@code directory} sink does, but without a Secret
 * manifest, so nobody applies one by hand); {@code external-secrets/apply.sh} ({@link WriteScript}), run by the
 * operator, copies it with its certificate and {@code ca.crt} into Vault KV at its {@link KvEntry} key, once; the
 * committed ExternalSecret makes External Secrets Operator build the {@code kubernetes.io/tls} Secret from there,
 * logging in through the committed store as a reader that may read that path only. A tenant's KES API key travels
 * the same way: generate leaves its {@code config.env} beside its key in the secrets directory, and the script adds
 * it to the tenant's entry. A KES instance that logs in with AppRole gets its login the same way too
 * ({@link AppRoleEntry}): the script creates the secret id in Vault and stores it in KV, and an ExternalSecret makes
 * the Secret the KES chart reads, so no bootstrap script and no kubectl carry it. No network call is made by generate
 * or check, and no plaintext key is ever in the output.
 */
public final class ExternalSecretsSink implements SecretSink {
  private final Secrets.ExternalSecrets eso;
  private final Vault vault;
  private final SecretsDirectory local;
  private final List<Instance> instances;

  /**
   * @param eso the topology's {@code secrets.externalSecrets}
   * @param vault the topology's Vault
   * @param local the secrets directory the keys wait in
   * @param instances the topology's instances: those that log in with AppRole get their login through KV
   */
  public ExternalSecretsSink(Secrets.ExternalSecrets eso, Vault vault, SecretsDirectory local,
      List<Instance> instances) {
    this.eso = Objects.requireNonNull(eso, "eso");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.local = Objects.requireNonNull(local, "local");
    this.instances = List.copyOf(instances);
  }

  @Override
  public KeySource keys() {
    return local.keys();
  }

  @Override
  public VerifiedPairs verified() {
    return local.verified();
  }

  @Override
  public List<dev.kesgen.warning.Warning> warnings() {
    return local.warnings();
  }

  @Override
  public void prepare(CertificateOutcome outcome) {
    local.prepare(outcome);
  }

  @Override
  public StoredSecrets store(SecretDelivery delivery) {
    boolean written = local.storeKey(delivery);
    // an API key's config.env waits beside it, made from it whenever it is at hand (so also for a kept key)
    local.storeConfigEnv(delivery);
    return new StoredSecrets(local.root().resolve(delivery.target().keyPath()), written,
        Path.of(KvEntry.externalSecretPath(delivery.target())), StoredSecrets.Manifest.COMMITTED);
  }

  @Override
  public void finish(Collection<CertificateOutcome> outcomes) {
    local.finish(outcomes);
  }

  @Override
  public String whereSecret(CertificateTarget target) {
    return KvEntry.externalSecretPath(target);
  }

  @Override
  public SortedMap<String, String> committedFiles(List<SecretDelivery> deliveries, Map<String, String> problems) {
    SortedMap<String, String> files = new TreeMap<>();
    List<KvEntry> entries = new ArrayList<>();
    TreeSet<String> namespaces = new TreeSet<>();
    for (SecretDelivery delivery : deliveries) {
      KvEntry entry = KvEntry.of(eso.path(), delivery);
      entries.add(entry);
      namespaces.add(delivery.target().secretNamespace());
      files.put(KvEntry.externalSecretPath(delivery.target()), Manifests.externalSecret(eso, vault, entry));
    }
    entries.sort(java.util.Comparator.comparing(KvEntry::key));
    List<AppRoleEntry> logins = new ArrayList<>();
    for (Instance instance : instances) {
      if (instance.vaultAuth() == VaultAuth.APPROLE) {
        AppRoleEntry login = AppRoleEntry.of(eso.path(), vault, instance);
        logins.add(login);
        namespaces.add(login.namespace());
        files.put(login.externalSecretPath(), Manifests.appRoleExternalSecret(eso, vault, login));
      }
    }
    List<Reader> readers = eso.storeKind().equals("ClusterSecretStore") ? List.of(Reader.cluster())
        : namespaces.stream().map(Reader::of).toList();
    for (Reader reader : readers) {
      files.put(reader.storeFile(), Manifests.store(eso, vault, reader, List.copyOf(namespaces)));
      files.put(reader.policyFile(), Manifests.readerPolicy(eso, vault, reader));
      reader.serviceAccountFile(eso).ifPresent(f -> files.put(f, Manifests.serviceAccount(reader.namespace().get())));
    }
    files.put("external-secrets/policies/" + Reader.NAME + "-" + Secrets.ExternalSecrets.WRITER + ".hcl",
        WriteScript.writerPolicy(eso, vault, readers, logins));
    files.put(WriteScript.PATH, WriteScript.render(eso, vault, readers, entries, logins));
    return files;
  }
}

package dev.kesgen.eso;

import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.CertificateTarget;
import dev.kesgen.pki.KeySource;
import dev.kesgen.pki.SecretDelivery;
import dev.kesgen.pki.SecretSink;
import dev.kesgen.pki.SecretsDirectory;
import dev.kesgen.pki.StoredSecrets;
import dev.kesgen.pki.VerifiedPairs;
import dev.kesgen.topology.Secrets;
import dev.kesgen.topology.Vault;
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
 * logging in through the committed store as a reader that may read that path only. No network call is made by
 * generate or check, and no plaintext key is ever in the output.
 */
public final class ExternalSecretsSink implements SecretSink {
  private final Secrets.ExternalSecrets eso;
  private final Vault vault;
  private final SecretsDirectory local;

  /**
   * @param eso the topology's {@code secrets.externalSecrets}
   * @param vault the topology's Vault
   * @param local the secrets directory the keys wait in
   */
  public ExternalSecretsSink(Secrets.ExternalSecrets eso, Vault vault, SecretsDirectory local) {
    this.eso = Objects.requireNonNull(eso, "eso");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.local = Objects.requireNonNull(local, "local");
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
    List<Reader> readers = eso.storeKind().equals("ClusterSecretStore") ? List.of(Reader.cluster())
        : namespaces.stream().map(Reader::of).toList();
    for (Reader reader : readers) {
      files.put(reader.storeFile(), Manifests.store(eso, vault, reader, List.copyOf(namespaces)));
      files.put(reader.policyFile(), Manifests.readerPolicy(eso, vault, reader));
      reader.serviceAccountFile(eso).ifPresent(f -> files.put(f, Manifests.serviceAccount(reader.namespace().get())));
    }
    files.put("external-secrets/policies/" + Reader.NAME + "-writer.hcl", WriteScript.writerPolicy(eso, vault, readers));
    files.put(WriteScript.PATH, WriteScript.render(eso, vault, readers, entries));
    return files;
  }
}

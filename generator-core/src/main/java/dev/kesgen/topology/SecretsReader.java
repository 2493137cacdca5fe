package dev.kesgen.topology;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code secrets} section: the sink, and the settings of the one sink chosen (settings of another sink are
 * refused, so that a section that says one thing and does another cannot be committed).
 */
final class SecretsReader {
  static final List<String> FIELDS = Mapping.fields("sink", "sops", "sealedSecrets", "externalSecrets");
  static final List<String> SOPS_FIELDS = Mapping.fields("ageRecipients");
  static final List<String> SEALED_FIELDS = Mapping.fields("certificate", "scope");
  static final List<String> EXTERNAL_FIELDS = Mapping.fields("path", "store", "auth", "serviceAccount");
  static final List<String> STORE_FIELDS = Mapping.fields("kind", "name");
  static final List<String> SERVICE_ACCOUNT_FIELDS = Mapping.fields("name", "namespace");

  private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*");

  private final Path file;
  private final Path baseDirectory;
  private final Problems problems;

  SecretsReader(Path file, Path baseDirectory, Problems problems) {
    this.file = file;
    this.baseDirectory = baseDirectory;
    this.problems = problems;
  }

  Optional<Secrets> read(Mapping m, Optional<Vault> vault) {
    String sink = m.get("sink").flatMap(n -> Nodes.string(n, m.pathOf("sink"), problems).flatMap(s -> {
      if (Secrets.SINKS.contains(s)) {
        return Optional.of(s);
      }
      problems.at(n, m.pathOf("sink"), "unknown sink \"" + s + "\"" + suggestion(s)
          + " (use one of " + String.join(", ", Secrets.SINKS) + ")");
      return Optional.<String>empty();
    })).orElse(m.get("sink").isPresent() ? null : "directory");
    for (String other : List.of("sops", "sealedSecrets", "externalSecrets")) {
      if (m.get(other).isPresent() && sink != null && !sink.equals(other)) {
        problems.at(m.get(other).get(), m.pathOf(other), "is set, but secrets.sink is " + sink
            + " (remove it, or set secrets.sink: " + other + ")");
      }
    }
    if (sink == null) {
      return Optional.empty();
    }
    Optional<Secrets> secrets = switch (sink) {
      case "directory" -> Optional.of(Secrets.DIRECTORY);
      case "sops" -> sops(sub(m, "sops", SOPS_FIELDS));
      case "sealedSecrets" -> sealed(sub(m, "sealedSecrets", SEALED_FIELDS));
      case "externalSecrets" -> external(sub(m, "externalSecrets", EXTERNAL_FIELDS), vault);
      default -> throw new IllegalStateException(sink);
    };
    return secrets;
  }

  private Mapping sub(Mapping parent, String field, List<String> fields) {
    return parent.get(field).map(n -> Mapping.of(n, parent.pathOf(field), fields, problems))
        .orElse(Mapping.absent(parent.node(), parent.pathOf(field)));
  }

  private static String suggestion(String value) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String sink : Secrets.SINKS) {
      int d = Mapping.distance(value.toLowerCase(java.util.Locale.ROOT), sink.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = sink;
      }
    }
    return best != null && bestDistance <= Math.max(2, best.length() / 3) ? "; did you mean " + best + "?" : "";
  }

  private Optional<Secrets> sops(Mapping m) {
    if (m.get("ageRecipients").isEmpty()) {
      problems.at(m.node(), m.pathOf("ageRecipients"), "is required (the age1... recipients, from age-keygen -y,"
          + " that may decrypt the Secrets)");
      return Optional.empty();
    }
    Optional<List<Nodes.Located<String>>> items = Nodes.strings(m.get("ageRecipients").get(), m.pathOf("ageRecipients"),
        problems);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().isEmpty()) {
      problems.at(m.get("ageRecipients").get(), m.pathOf("ageRecipients"), "is empty (list at least one age1..."
          + " recipient)");
      return Optional.empty();
    }
    List<String> recipients = new ArrayList<>();
    boolean ok = true;
    for (Nodes.Located<String> item : items.get()) {
      Optional<String> problem = AgeRecipient.problem(item.value());
      if (item.value().toUpperCase(java.util.Locale.ROOT).startsWith("AGE-SECRET-KEY-")) {
        // never quoted: it is a private key, and the message reaches logs
        problems.at(item.node(), item.path(), "is an age identity (AGE-SECRET-KEY-1...), the private half: write its"
            + " recipient (age-keygen -y prints it), and since the identity is now in this file, make a new one with"
            + " age-keygen");
        ok = false;
      } else if (problem.isPresent()) {
        problems.at(item.node(), item.path(), "\"" + item.value() + "\" is not an age recipient: " + problem.get());
        ok = false;
      } else if (recipients.contains(item.value())) {
        problems.at(item.node(), item.path(), "\"" + item.value() + "\" is listed twice (keep one)");
        ok = false;
      } else {
        recipients.add(item.value());
      }
    }
    return ok ? Optional.of(new Secrets.Sops(recipients)) : Optional.empty();
  }

  private Optional<Secrets> sealed(Mapping m) {
    Secrets.SealedSecrets.Scope scope = m.get("scope").flatMap(n -> Nodes.string(n, m.pathOf("scope"), problems)
        .flatMap(s -> {
          for (Secrets.SealedSecrets.Scope candidate : Secrets.SealedSecrets.Scope.values()) {
            if (candidate.spelling().equals(s)) {
              return Optional.of(candidate);
            }
          }
          problems.at(n, m.pathOf("scope"), "unknown scope \"" + s + "\" (use "
              + String.join(", ", Secrets.SealedSecrets.Scope.spellings()) + ", as kubeseal --scope)");
          return Optional.<Secrets.SealedSecrets.Scope>empty();
        })).orElse(m.get("scope").isPresent() ? null : Secrets.SealedSecrets.Scope.STRICT);
    if (m.get("certificate").isEmpty()) {
      problems.at(m.node(), m.pathOf("certificate"), "is required (the controller's certificate file, as"
          + " kubeseal --fetch-cert prints it, relative to the topology file)");
      return Optional.empty();
    }
    Node node = m.get("certificate").get();
    String path = m.pathOf("certificate");
    Optional<String> text = Nodes.string(node, path, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (!SAFE_PATH.matcher(text.get()).matches()) {
      // its name goes into the header of committed files and SUMMARY.md
      problems.at(node, path, "\"" + text.get() + "\" is not a plain file path (use letters, digits and . _ + - with /"
          + " between directories)");
      return Optional.empty();
    }
    Path certificateFile = baseDirectory.resolve(text.get()).normalize();
    byte[] bytes;
    try {
      bytes = RegularFiles.read(certificateFile, InputKind.SIDE_FILE);
    } catch (NoSuchFileException e) {
      problems.at(node, path, "file \"" + text.get() + "\" does not exist (the path is relative to the topology file;"
          + " write it with kubeseal --fetch-cert > " + text.get() + ")");
      return Optional.empty();
    } catch (UnsafeFileException e) {
      problems.at(node, path, e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      problems.at(node, path, "file \"" + text.get() + "\" cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    String pem;
    try {
      pem = CaCertificateFile.canonical(bytes);
    } catch (CaCertificateFile.Refused e) {
      problems.at(node, path, "file \"" + text.get() + "\" " + e.getMessage());
      return Optional.empty();
    }
    List<X509Certificate> certificates;
    try {
      certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
          .map(X509Certificate.class::cast).toList();
    } catch (CertificateException e) {
      problems.at(node, path, "file \"" + text.get() + "\" cannot be read as certificates: " + e.getMessage());
      return Optional.empty();
    }
    if (certificates.size() != 1) {
      problems.at(node, path, "file \"" + text.get() + "\" holds " + certificates.size() + " certificates; the"
          + " controller's is one (kubeseal --fetch-cert prints it)");
      return Optional.empty();
    }
    X509Certificate certificate = certificates.get(0);
    // kubeseal refuses any other key: bitnami-labs/sealed-secrets@v0.27.1:pkg/kubeseal/kubeseal.go:59-62
    if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
      problems.at(node, path, "file \"" + text.get() + "\" holds a certificate with an " + certificate.getPublicKey().getAlgorithm()
          + " key; a Sealed Secrets controller certificate has an RSA key (fetch it with kubeseal"
          + " --fetch-cert)");
      return Optional.empty();
    }
    if (rsa.getModulus().bitLength() < 2048) {
      problems.at(node, path, "file \"" + text.get() + "\" holds an RSA key of " + rsa.getModulus().bitLength()
          + " bits; a sealing key needs at least 2048 (the controller makes 4096)");
      return Optional.empty();
    }
    if (scope == null) {
      return Optional.empty();
    }
    org.yaml.snakeyaml.error.Mark mark = node.getStartMark();
    Secrets.Position at = new Secrets.Position(file, mark == null ? 1 : mark.getLine() + 1,
        mark == null ? 1 : mark.getColumn() + 1, path);
    return Optional.of(new Secrets.SealedSecrets(certificateFile, pem, rsa,
        certificate.getNotAfter().toInstant(), scope, at));
  }

  private Optional<Secrets> external(Mapping m, Optional<Vault> vault) {
    String path = m.get("path").flatMap(n -> Nodes.string(n, m.pathOf("path"), problems).flatMap(s -> {
      if (!NameRules.isVaultPath(s)) {
        problems.at(n, m.pathOf("path"), "\"" + s + "\" is not a Vault path (letters, digits, '_', '.' and '-',"
            + " with '/' between segments)");
        return Optional.<String>empty();
      }
      if (vault.isPresent()) {
        String mount = vault.get().kv().mount();
        if (s.equals(mount) || s.startsWith(mount + "/")) {
          // ESO cuts "<mount>/" off a remote key that starts with it and then reads another path:
          // external-secrets/external-secrets@v0.16.2:pkg/provider/vault/client_get.go:278-282 (buildPath)
          problems.at(n, m.pathOf("path"), "\"" + s + "\" begins with the name of its KV mount \"" + mount
              + "\" (vault.kv.mount); External Secrets Operator would take that for the mount and read another path"
              + " (choose a path that does not begin with " + mount + "/, for example kesgen)");
          return Optional.<String>empty();
        }
        String prefix = vault.get().pathPrefix();
        if (s.equals(prefix) || s.startsWith(prefix + "/") || prefix.startsWith(s + "/")) {
          problems.at(n, m.pathOf("path"), "\"" + s + "\" overlaps the KES key prefix \"" + prefix + "\" (vault.pathPrefix)"
              + " of the same KV mount: the KES policy would grant KES its own private keys, or the reader's policy"
              + " the KES keys (choose a path beside it, for example kesgen)");
          return Optional.<String>empty();
        }
      }
      return Optional.of(s);
    })).orElse(m.get("path").isPresent() ? null : "kesgen");
    Mapping store = sub(m, "store", STORE_FIELDS);
    String kind = choice(store, "kind", Secrets.ExternalSecrets.STORE_KINDS, "ClusterSecretStore");
    String name = store.get("name").flatMap(n -> Nodes.string(n, store.pathOf("name"), problems).flatMap(s -> {
      if (NameRules.isDns1123Subdomain(s)) {
        return Optional.of(s);
      }
      problems.at(n, store.pathOf("name"), "\"" + s + "\" is not a Kubernetes object name (a DNS-1123 subdomain)");
      return Optional.<String>empty();
    })).orElse(store.get("name").isPresent() ? null : "kesgen");
    String auth = choice(m, "auth", Secrets.ExternalSecrets.AUTHS, "appRole");
    if ("kubernetes".equals(auth) && vault.isPresent() && vault.get().kubernetes().isEmpty()) {
      // the reader's role lives on the same kubernetes auth method as the KES instances', which vault/apply.sh
      // enables and configures from vault.kubernetes: without it there is no host to review ESO's token with
      problems.at(m.get("auth").get(), m.pathOf("auth"), "is kubernetes, but the topology has no vault.kubernetes (add"
          + " vault.kubernetes with at least host, the API server Vault sends TokenReviews to; vault/apply.sh then"
          + " enables and configures that auth method at vault.kubernetes.mount, default kubernetes)");
      auth = null;
    }
    Secrets.ExternalSecrets.ServiceAccount account = serviceAccount(m, auth, kind);
    if (path == null || kind == null || name == null || auth == null || account == null) {
      return Optional.empty();
    }
    return Optional.of(new Secrets.ExternalSecrets(path, kind, name, auth, account));
  }

  /**
   * {@code secrets.externalSecrets.serviceAccount}: whom a {@code ClusterSecretStore} logs in to Vault as with
   * {@code auth: kubernetes}; {@code null} when wrong (reported). Refused where nothing would use it, so that the
   * topology never names a login that does not happen.
   */
  private Secrets.ExternalSecrets.ServiceAccount serviceAccount(Mapping parent, String auth, String kind) {
    if (parent.get("serviceAccount").isEmpty()) {
      return Secrets.ExternalSecrets.ServiceAccount.OPERATOR;
    }
    Node node = parent.get("serviceAccount").get();
    String at = parent.pathOf("serviceAccount");
    Mapping m = sub(parent, "serviceAccount", SERVICE_ACCOUNT_FIELDS);
    Secrets.ExternalSecrets.ServiceAccount fallback = Secrets.ExternalSecrets.ServiceAccount.OPERATOR;
    String name = m.get("name").flatMap(n -> Nodes.string(n, m.pathOf("name"), problems).flatMap(s -> {
      if (NameRules.isDns1123Subdomain(s)) {
        return Optional.of(s);
      }
      problems.at(n, m.pathOf("name"), "\"" + s + "\" is not a ServiceAccount name (a DNS-1123 subdomain: lower case"
          + " letters, digits, '-' and '.', at most 253, starting and ending with a letter or digit)");
      return Optional.<String>empty();
    })).orElse(m.get("name").isPresent() ? null : fallback.name());
    String namespace = m.get("namespace").flatMap(n -> Nodes.string(n, m.pathOf("namespace"), problems).flatMap(s -> {
      if (NameRules.isDns1123Label(s)) {
        return Optional.of(s);
      }
      problems.at(n, m.pathOf("namespace"), TopologyReader.dnsLabelMessage(s));
      return Optional.<String>empty();
    })).orElse(m.get("namespace").isPresent() ? null : fallback.namespace());
    if ("appRole".equals(auth)) {
      problems.at(node, at, "is set, but secrets.externalSecrets.auth is appRole, which logs in with the role id and"
          + " secret id of a Secret, not as a ServiceAccount (remove it, or set auth: kubernetes)");
      return null;
    }
    if ("SecretStore".equals(kind)) {
      // external-secrets/external-secrets@v0.16.2:pkg/utils/utils.go:426-432: a SecretStore's serviceAccountRef may
      // name no other namespace, and pkg/provider/vault/auth.go:139-142 takes its own
      problems.at(node, at, "is set, but secrets.externalSecrets.store.kind is SecretStore, which External Secrets"
          + " Operator lets log in only as a ServiceAccount of its own namespace: each SecretStore logs in as the"
          + " ServiceAccount " + Secrets.ExternalSecrets.NAMESPACE_SERVICE_ACCOUNT + " that kesgen commits beside it"
          + " (remove serviceAccount, or use store.kind: ClusterSecretStore)");
      return null;
    }
    if (name == null || namespace == null) {
      return null;
    }
    return new Secrets.ExternalSecrets.ServiceAccount(name, namespace);
  }

  private String choice(Mapping m, String field, List<String> allowed, String fallback) {
    if (m.get(field).isEmpty()) {
      return fallback;
    }
    return Nodes.string(m.get(field).get(), m.pathOf(field), problems).flatMap(s -> {
      if (allowed.contains(s)) {
        return Optional.of(s);
      }
      problems.at(m.get(field).get(), m.pathOf(field), "\"" + s + "\" is not one of " + String.join(", ", allowed));
      return Optional.<String>empty();
    }).orElse(null);
  }
}

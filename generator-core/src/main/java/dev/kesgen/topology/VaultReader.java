package dev.kesgen.topology;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code vault} section. */
final class VaultReader {
  private final Path baseDirectory;
  private final Problems problems;

  VaultReader(Path baseDirectory, Problems problems) {
    this.baseDirectory = baseDirectory;
    this.problems = problems;
  }

  Optional<Vault> read(Mapping m) {
    URI endpoint = m.get("endpoint")
        .flatMap(n -> Nodes.string(n, m.pathOf("endpoint"), problems))
        .flatMap(s -> endpoint(s, m.get("endpoint").get(), m.pathOf("endpoint")))
        .orElse(null);
    if (m.get("endpoint").isEmpty()) {
      problems.at(m.node(), m.pathOf("endpoint"),
          "is required (the http(s) URL KES pods use to reach Vault, for example https://vault.example.org:8200)");
    }
    String namespace = m.get("namespace").flatMap(n -> Nodes.string(n, m.pathOf("namespace"), problems).flatMap(s -> {
      if (NameRules.isVaultPath(s)) {
        return Optional.of(s);
      }
      problems.at(n, m.pathOf("namespace"), "\"" + s.replace("\n", "\\n") + "\" is not a Vault namespace (use letters,"
          + " digits, '_', '.' and '-', with '/' between nested namespaces)");
      return Optional.<String>empty();
    })).orElse("");

    Mapping kvMap = m.get("kv").map(n -> Mapping.of(n, m.pathOf("kv"), Mapping.fields("mount", "version"), problems))
        .orElse(Mapping.absent(m.node(), m.pathOf("kv")));
    String mount = vaultPath(kvMap, "mount", "secret");
    if (mount != null && reservedPrefix(mount).isPresent()) {
      problems.at(kvMap.get("mount").get(), kvMap.pathOf("mount"), "\"" + mount + "\" is under " + reservedPrefix(mount).get()
          + ", which Vault reserves for its own " + RESERVED.get(reservedPrefix(mount).get()) + ": the KES policy"
          + " would grant KES's token access to those Vault objects instead of to a KV store (mount a KV engine at"
          + " its own path, for example secret or kes-kv)");
      mount = null;
    }
    int kvVersion = kvMap.get("version").flatMap(n -> {
      Optional<Integer> v = Nodes.integer(n, kvMap.pathOf("version"), 1, 2, problems);
      return v;
    }).orElse(1);
    String pathPrefix = vaultPath(m, "pathPrefix", "kes");

    Mapping ar = m.get("approle")
        .map(n -> Mapping.of(n, m.pathOf("approle"),
            Mapping.fields("mount", "tokenPeriod", "secretIdTtl", "tokenBoundCidrs", "secretIdBoundCidrs"), problems))
        .orElse(Mapping.absent(m.node(), m.pathOf("approle")));
    String approleMount = vaultPath(ar, "mount", "approle");
    GoDuration tokenPeriod = duration(ar, "tokenPeriod", "24h");
    GoDuration secretIdTtl = duration(ar, "secretIdTtl", "0s");
    if (tokenPeriod != null && tokenPeriod.seconds() == 0) {
      problems.at(ar.get("tokenPeriod").get(), ar.pathOf("tokenPeriod"),
          "must be longer than 0s (KES renews its token within this period; 24h is usual)");
    }

    List<String> tokenCidrs = cidrs(ar, "tokenBoundCidrs");
    List<String> secretIdCidrs = cidrs(ar, "secretIdBoundCidrs");

    Optional<Vault.CaCertificate> ca = m.get("caCertificate")
        .flatMap(n -> Nodes.string(n, m.pathOf("caCertificate"), problems).flatMap(s -> caCertificate(s, n, m.pathOf("caCertificate"))));
    boolean allowDeletion = m.get("allowKeyDeletion")
        .flatMap(n -> Nodes.bool(n, m.pathOf("allowKeyDeletion"), problems)).orElse(false);
    boolean allowPlaintext = m.get("allowPlaintextHttp")
        .flatMap(n -> Nodes.bool(n, m.pathOf("allowPlaintextHttp"), problems)).orElse(false);
    if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme()) && !allowPlaintext) {
      problems.at(m.get("endpoint").get(), m.pathOf("endpoint"), "is plain http: KES would send its AppRole secret id and"
          + " read every key unencrypted (use https with vault.caCertificate, or set vault.allowPlaintextHttp: true to"
          + " accept this on purpose)");
      endpoint = null;
    }

    KubernetesAuthReader kubernetesReader = new KubernetesAuthReader(problems);
    Optional<VaultAuth> auth = kubernetesReader.auth(m);
    Optional<Vault.Kubernetes> kubernetes = kubernetesReader.kubernetes(m, this::caCertificate);

    if (endpoint == null || mount == null || pathPrefix == null || approleMount == null || tokenPeriod == null
        || secretIdTtl == null || tokenCidrs == null || secretIdCidrs == null || auth.isEmpty() || kubernetes == null) {
      return Optional.empty();
    }
    return Optional.of(new Vault(endpoint, namespace, new Vault.Kv(mount, kvVersion), pathPrefix,
        new Vault.AppRole(approleMount, tokenPeriod, secretIdTtl, tokenCidrs, secretIdCidrs), ca, allowDeletion,
        allowPlaintext, auth.get(), kubernetes));
  }

  /**
   * The top-level paths Vault and OpenBao route to themselves in every namespace and refuse to mount anything at
   * or under (openbao/openbao@v2.6.2:vault/mount.go:58-65, protectedMounts: "audit/", "auth/", sys/, cubbyhole/,
   * identity/ from vault/routing/routing.go:33-35). A KV mount there
   * would make the KES policy name, for example, {@code auth/approle/role/<role>/role-id}.
   */
  private static final java.util.Map<String, String> RESERVED = java.util.Map.of(
      "auth/", "authentication methods (AppRole role ids, tokens)",
      "sys/", "configuration (policies, mounts, seal)",
      "identity/", "entities and groups",
      "cubbyhole/", "per-token storage",
      "audit/", "audit devices");

  /**
   * The reserved prefix {@code mount} is or is under. The mount already follows {@link NameRules#isVaultPath} (no
   * leading, trailing or doubled '/', no '.' or '..' segment), so only the case is left to fold: Vault's routes are
   * case-sensitive, but a mount spelt {@code Auth/approle} is a mistake either way.
   */
  static Optional<String> reservedPrefix(String mount) {
    String folded = mount.toLowerCase(Locale.ROOT) + "/";
    return RESERVED.keySet().stream().filter(folded::startsWith).sorted().findFirst();
  }

  private String vaultPath(Mapping m, String field, String fallback) {
    Optional<Node> node = m.get(field);
    if (node.isEmpty()) {
      return fallback;
    }
    Optional<String> value = Nodes.string(node.get(), m.pathOf(field), problems);
    if (value.isEmpty()) {
      return null;
    }
    if (!NameRules.isVaultPath(value.get())) {
      problems.at(node.get(), m.pathOf(field), "\"" + value.get()
          + "\" is not a Vault path (use letters, digits, '_', '.', '-' and '/' between segments, no '.' or '..' segment, no leading or trailing '/')");
      return null;
    }
    return value.get();
  }

  private List<String> cidrs(Mapping m, String field) {
    Optional<Node> node = m.get(field);
    if (node.isEmpty()) {
      return List.of();
    }
    Optional<List<Nodes.Located<String>>> listed = Nodes.strings(node.get(), m.pathOf(field), problems);
    if (listed.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (Nodes.Located<String> cidr : listed.get()) {
      if (!NameRules.isCidr(cidr.value())) {
        problems.at(cidr.node(), cidr.path(), "\"" + cidr.value() + "\" is not a network in CIDR notation (for example"
            + " 10.42.0.0/16, the pod network KES runs in)");
        ok = false;
      }
      out.add(cidr.value());
    }
    return ok ? out : null;
  }

  private GoDuration duration(Mapping m, String field, String fallback) {
    Optional<Node> node = m.get(field);
    if (node.isEmpty()) {
      return GoDuration.parse(fallback).orElseThrow();
    }
    return TopologyReader.duration(node.get(), m.pathOf(field), problems).orElse(null);
  }

  private Optional<URI> endpoint(String text, Node node, String path) {
    // a secret is never quoted back: the message would put it into a terminal and a CI log
    String decoded = percentDecoded(text);
    if (SecretForms.containsToken(text) || SecretForms.containsToken(decoded)) {
      problems.at(node, path, "holds what looks like a Vault or OpenBao token, which would be committed in every"
          + " generated file: remove it from the URL (KES logs in with its AppRole) and revoke the token");
      return Optional.empty();
    }
    if (SecretForms.containsUuid(text) || SecretForms.containsUuid(decoded)) {
      problems.at(node, path, "holds what looks like an AppRole secret id (a UUID), which would be committed in every"
          + " generated file: remove it from the URL and create a new secret id (bootstrap --rotate)");
      return Optional.empty();
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
        problems.at(node, path, "holds a user name or password before '@', which would be committed: remove it (KES"
            + " logs in with its AppRole; if it was a password, change it)");
        return Optional.empty();
      }
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.at(node, path, "\"" + text + "\" is not an absolute http or https URL (for example https://vault.example.org:8200)");
    return Optional.empty();
  }

  // %68vs.… is hvs.… to Vault's HTTP server; a malformed escape is left as it is (the URL check reports it)
  private static String percentDecoded(String text) {
    try {
      return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /**
   * The CA file, read once here as every file is ({@link RegularFiles}: a regular file of at most 1 MiB, no link,
   * FIFO or device) and re-encoded ({@link CaCertificateFile}), so that what is committed is exactly its certificates.
   */
  Optional<Vault.CaCertificate> caCertificate(String text, Node node, String path) {
    Path file = baseDirectory.resolve(text).normalize();
    byte[] bytes;
    try {
      bytes = RegularFiles.read(file, InputKind.SIDE_FILE);
    } catch (NoSuchFileException e) {
      problems.at(node, path, "file \"" + text + "\" does not exist (the path is relative to the topology file)");
      return Optional.empty();
    } catch (UnsafeFileException e) {
      problems.at(node, path, e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      problems.at(node, path, "file \"" + text + "\" cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    try {
      return Optional.of(new Vault.CaCertificate(file, CaCertificateFile.canonical(bytes)));
    } catch (CaCertificateFile.Refused e) {
      problems.at(node, path, "file \"" + text + "\" " + e.getMessage());
      return Optional.empty();
    }
  }
}

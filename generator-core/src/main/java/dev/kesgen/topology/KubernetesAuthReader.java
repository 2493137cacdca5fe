package dev.kesgen.topology;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code vault.auth} and {@code vault.kubernetes}, and checks what the instances that log in with Kubernetes
 * need: the {@code vault.kubernetes} block, a KES release that can log in this way, and a ServiceAccount of their own.
 */
final class KubernetesAuthReader {
  static final List<String> FIELDS = Mapping.fields("mount", "host", "caCertificate");

  private final Problems problems;

  KubernetesAuthReader(Problems problems) {
    this.problems = problems;
  }

  /** {@code vault.auth}: approle unless it says kubernetes; empty when it is not one of the two. */
  Optional<VaultAuth> auth(Mapping vault) {
    return vault.get("auth").map(n -> auth(n, vault.pathOf("auth"))).orElse(Optional.of(VaultAuth.APPROLE));
  }

  Optional<VaultAuth> auth(Node node, String path) {
    return Nodes.string(node, path, problems).flatMap(s -> {
      Optional<VaultAuth> auth = VaultAuth.of(s);
      if (auth.isEmpty()) {
        problems.at(node, path, "\"" + s + "\" is not one of approle, kubernetes");
      }
      return auth;
    });
  }

  /**
   * {@code vault.kubernetes}, or empty when it is not there; {@code null} when it is there but wrong (reported).
   *
   * @param ca reads the CA file the block names, as {@code vault.caCertificate} is read
   */
  Optional<Vault.Kubernetes> kubernetes(Mapping vault, CaReader ca) {
    if (vault.get("kubernetes").isEmpty()) {
      return Optional.empty();
    }
    Mapping m = Mapping.of(vault.get("kubernetes").get(), vault.pathOf("kubernetes"), FIELDS, problems);
    String mount = m.get("mount").map(n -> Nodes.string(n, m.pathOf("mount"), problems).filter(s -> {
      if (NameRules.isVaultPath(s) && VaultReader.reservedPrefix(s).isEmpty()) {
        return true;
      }
      problems.at(n, m.pathOf("mount"), "\"" + s + "\" is not the path of an auth mount (write it without the auth/"
          + " Vault puts before it, with letters, digits, '_', '.', '-' and '/' between segments, for example kubernetes"
          + " or k8s/prod)");
      return false;
    }).orElse(null)).orElse("kubernetes");
    URI host = null;
    if (m.get("host").isEmpty()) {
      problems.at(m.node(), m.pathOf("host"), "is required (the Kubernetes API server Vault sends TokenReviews to,"
          + " for example https://kubernetes.default.svc when Vault runs in the cluster)");
    } else {
      Node node = m.get("host").get();
      host = Nodes.string(node, m.pathOf("host"), problems).flatMap(s -> host(s, node, m.pathOf("host"))).orElse(null);
    }
    Optional<Vault.CaCertificate> caCertificate = m.get("caCertificate").flatMap(n -> Nodes.string(n,
        m.pathOf("caCertificate"), problems).flatMap(s -> ca.read(s, n, m.pathOf("caCertificate"))));
    boolean caOk = m.get("caCertificate").isEmpty() || caCertificate.isPresent();
    if (mount == null || host == null || !caOk) {
      return null;
    }
    return Optional.of(new Vault.Kubernetes(mount, host, caCertificate));
  }

  /** Reads a CA file named in the topology. */
  interface CaReader {
    Optional<Vault.CaCertificate> read(String text, Node node, String path);
  }

  private Optional<URI> host(String text, Node node, String path) {
    try {
      URI uri = new URI(text);
      if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
          && uri.getRawQuery() == null && uri.getRawFragment() == null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.at(node, path, "\"" + text + "\" is not an https URL of a Kubernetes API server without a path (for"
        + " example https://kubernetes.default.svc or https://10.0.0.1:6443): Vault sends the KES pods' tokens there");
    return Optional.empty();
  }

  /** An instance as read, with where it was written. */
  record Read(Instance instance, Nodes.Located<Node> item) {}

  /**
   * What instances logging in with Kubernetes need: the {@code vault.kubernetes} block, a KES release that can, and
   * a ServiceAccount no other such instance in its namespace uses (a Vault role binds a ServiceAccount, so two
   * instances with one could each log in as the other).
   */
  void check(Vault vault, Mapping vaultMapping, List<Read> instances) {
    java.util.Set<String> reported = new java.util.HashSet<>();
    Map<String, Instance> accounts = new HashMap<>();
    for (Read read : instances) {
      Instance instance = read.instance();
      if (instance.vaultAuth() != VaultAuth.KUBERNETES) {
        continue;
      }
      Nodes.Located<Node> where = where(read, vaultMapping);
      if (vault.kubernetes().isEmpty() && reported.add(where.path())) {
        problems.at(where.node(), where.path(), "is kubernetes, but the topology has no vault.kubernetes (add"
            + " vault.kubernetes with at least host, the API server Vault sends TokenReviews to)");
      }
      KesKubernetesLogin login = KesKubernetesLogin.of(instance.kes().version());
      if (!login.canLogIn()) {
        problems.at(where.node(), where.path(), "is kubernetes, but KES " + instance.kes().version() + " of instance "
            + instance.name() + " " + login.refusal());
      }
      String account = instance.namespace() + "/" + KubernetesAccounts.name(instance);
      Instance first = accounts.putIfAbsent(account, instance);
      if (first != null) {
        problems.at(read.item().node(), read.item().path() + ".kes.serviceAccount", "instances " + first.name()
            + " and " + instance.name() + " both log in to Vault as ServiceAccount " + KubernetesAccounts.name(instance)
            + " in namespace " + instance.namespace() + ", so each could log in as the other (give one of them another"
            + " kes.serviceAccount)");
      }
    }
  }

  /**
   * External Secrets Operator's login and a KES instance's never share a ServiceAccount: both roles sit on the one
   * kubernetes auth method and each binds a ServiceAccount, so with one account ESO's pods could take the instance's
   * KES policy and the KES pods could read every private key the reader may. ESO logs in as
   * {@code secrets.externalSecrets.serviceAccount} (a {@code ClusterSecretStore}) or as
   * {@link Secrets.ExternalSecrets#NAMESPACE_SERVICE_ACCOUNT} of each namespace with a Secret (a {@code SecretStore};
   * an instance's namespace always holds its server's Secret).
   */
  void checkExternalSecrets(Secrets secrets, List<Read> instances) {
    if (!(secrets instanceof Secrets.ExternalSecrets eso) || !eso.usesKubernetesAuth()) {
      return;
    }
    for (Read read : instances) {
      Instance instance = read.instance();
      if (instance.vaultAuth() != VaultAuth.KUBERNETES) {
        continue;
      }
      String name = KubernetesAccounts.name(instance);
      boolean shared = eso.isClusterStore()
          ? eso.serviceAccount().equals(new Secrets.ExternalSecrets.ServiceAccount(name, instance.namespace()))
          : name.equals(Secrets.ExternalSecrets.NAMESPACE_SERVICE_ACCOUNT);
      if (shared) {
        problems.at(read.item().node(), read.item().path() + ".kes.serviceAccount", "instance " + instance.name()
            + " logs in to Vault as ServiceAccount " + name + " in namespace " + instance.namespace() + ", which External"
            + " Secrets Operator logs in as too (" + (eso.isClusterStore() ? "secrets.externalSecrets.serviceAccount"
            : "the SecretStore's ServiceAccount in that namespace") + "), so ESO could take the instance's KES policy"
            + " and KES could read every private key of the reader (give the instance another kes.serviceAccount"
            + (eso.isClusterStore() ? ", or ESO another secrets.externalSecrets.serviceAccount)" : ")"));
      }
    }
  }

  /** The instance's {@code vaultAuth} where it says so, else {@code vault.auth}. */
  private static Nodes.Located<Node> where(Read read, Mapping vault) {
    Optional<Node> own = read.item().node() instanceof org.yaml.snakeyaml.nodes.MappingNode map
        ? map.getValue().stream()
            .filter(t -> t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k
                && k.getValue().equals("vaultAuth"))
            .map(org.yaml.snakeyaml.nodes.NodeTuple::getValueNode).findFirst()
        : Optional.empty();
    if (own.isPresent()) {
      return new Nodes.Located<>(own.get(), own.get(), read.item().path() + ".vaultAuth");
    }
    Node node = vault.get("auth").orElse(vault.node());
    return new Nodes.Located<>(node, node, vault.pathOf("auth"));
  }
}

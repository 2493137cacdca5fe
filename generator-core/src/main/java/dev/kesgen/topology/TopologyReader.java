package dev.kesgen.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Turns a composed YAML document into a {@link Topology}, collecting every problem on the way. */
final class TopologyReader {
  static final List<String> ROOT_FIELDS = Mapping.fields("version", "vault", "defaults", "instances", "secrets",
      "acknowledge");
  static final List<String> VAULT_FIELDS = Mapping.fields(
      "endpoint", "namespace", "kv", "pathPrefix", "approle", "caCertificate", "allowKeyDeletion",
      "allowPlaintextHttp", "auth", "kubernetes");
  static final List<String> DEFAULTS_FIELDS = Mapping.fields("kes", "tenant");
  static final List<String> INSTANCE_FIELDS = Mapping.fields("name", "namespace", "kes", "tenants", "vaultAuth");

  private final Path file;
  private final Problems problems;

  TopologyReader(Path file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  Optional<Topology> read(Node root) {
    // the version is checked first: a file of a later format version gets that one message, not a list of
    // fields this kesgen does not know
    Mapping versionOnly = Mapping.of(root, "", ROOT_FIELDS, new Problems(file));
    if (!readVersion(versionOnly)) {
      return Optional.empty();
    }
    // a hidden character is refused before any field is read, so that it is one message, not one per rule it breaks
    HiddenCharacters.check(root, problems);
    Mapping top = Mapping.of(root, "", ROOT_FIELDS, problems);
    Mapping vaultMapping = top.get("vault").map(n -> Mapping.of(n, "vault", VAULT_FIELDS, problems))
        .orElse(Mapping.absent(root, "vault"));
    Optional<Vault> vault = top.get("vault").flatMap(n -> new VaultReader(baseDirectory(), problems).read(vaultMapping));
    if (top.get("vault").isEmpty()) {
      problems.at(root, "vault", "is required (the Vault that keeps the KES keys: at least vault.endpoint)");
    }
    Mapping defaults = top.get("defaults").map(n -> Mapping.of(n, "defaults", DEFAULTS_FIELDS, problems))
        .orElse(Mapping.absent(root, "defaults"));
    Mapping kesDefaults = sub(defaults, "kes", SettingsReader.KES_FIELDS);
    Mapping tenantDefaults = sub(defaults, "tenant", SettingsReader.TENANT_DEFAULT_FIELDS);
    SettingsReader settings = new SettingsReader(problems);
    // defaults are checked where they are written, whether or not anything inherits them
    settings.checkKesDefaults(kesDefaults);
    settings.checkTenantDefaults(tenantDefaults);

    // each instance read with the item it came from: an item that failed to read has none, so later checks can
    // never report one instance's problem at another's position
    List<Read> instances = new ArrayList<>();
    if (top.get("instances").isEmpty()) {
      problems.at(root, "instances", "is required (a list of KES instances, at least one)");
    } else {
      List<Nodes.Located<Node>> items = Nodes.list(top.get("instances").get(), "instances", problems).orElse(List.of());
      if (items.isEmpty() && top.get("instances").get() instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
        problems.at(top.get("instances").get(), "instances", "is empty (list at least one KES instance)");
      }
      for (Nodes.Located<Node> item : items) {
        readInstance(item, kesDefaults, tenantDefaults, settings, vault, vaultMapping)
            .ifPresent(i -> instances.add(new Read(i, item)));
      }
      checkUnique(items);
    }
    Optional<Secrets> secrets = top.get("secrets")
        .map(n -> Mapping.of(n, "secrets", SecretsReader.FIELDS, problems))
        .map(m -> new SecretsReader(file, baseDirectory(), problems).read(m, vault))
        .orElse(Optional.of(Secrets.DIRECTORY));
    vault.ifPresent(v -> checkKvVersion(v, instances));
    vault.ifPresent(v -> new KubernetesAuthReader(problems).check(v, vaultMapping, instances.stream()
        .map(r -> new KubernetesAuthReader.Read(r.instance(), r.item())).toList()));
    secrets.ifPresent(s -> new KubernetesAuthReader(problems).checkExternalSecrets(s, instances.stream()
        .map(r -> new KubernetesAuthReader.Read(r.instance(), r.item())).toList()));
    secrets.ifPresent(s -> checkStoreNamespaces(s, instances));
    checkServices(instances);
    List<Instance> read = instances.stream().map(Read::instance).toList();
    boolean complete = problems.isEmpty();
    List<Acknowledgement> acknowledgements = top.get("acknowledge")
        .map(n -> new AcknowledgementReader(problems).read(n, read, complete)).orElse(List.of());
    if (!problems.isEmpty() || vault.isEmpty() || secrets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Topology(file, vault.get(), read, secrets.get(), acknowledgements));
  }

  /** An instance and the list item it was read from. */
  private record Read(Instance instance, Nodes.Located<Node> item) {}

  /**
   * KV version 2 needs {@code keystore.vault.version}, first read by KES v0.15.0 (minio/kes@v0.15.0
   * cmd/kes/config.go); an older KES would silently talk KV version 1 to a version 2 mount.
   */
  private void checkKvVersion(Vault vault, List<Read> instances) {
    if (vault.kv().version() != 2) {
      return;
    }
    for (Read read : instances) {
      Instance instance = read.instance();
      if (!instance.kes().version().isAtLeast(KesVersion.FIRST_WITH_KV_V2)) {
        problems.at(read.item().node(), read.item().path() + ".kes.version", "KES " + instance.kes().version()
            + " cannot use vault.kv.version 2 (KES reads the KV version from v0.15.0 on; use KV version 1 or a newer KES)");
      }
    }
  }

  /**
   * Two instances in one namespace need different Service names: the Service, its TLS Secret and the provisioner
   * Secret are all named after it.
   */
  /**
   * With {@code SecretStore}s, one reader per namespace that holds a Secret, named {@code kesgen-external-secrets-<n>}:
   * a namespace named {@link Secrets.ExternalSecrets#WRITER} would make its reader's policy the writer's
   * ({@code kesgen-external-secrets-writer}, file and Vault policy alike), so that namespace's store would log in with
   * the writer's grants (create under the whole path, and the KES AppRole logins).
   */
  private void checkStoreNamespaces(Secrets secrets, List<Read> instances) {
    if (!(secrets instanceof Secrets.ExternalSecrets eso) || eso.isClusterStore()) {
      return;
    }
    String why = " is named like the writer: with secrets.externalSecrets.store.kind SecretStore its reader would be"
        + " kesgen-external-secrets-" + Secrets.ExternalSecrets.WRITER + ", the writer's policy, and that namespace's"
        + " store would get the writer's grants (use another namespace, or a ClusterSecretStore)";
    for (Read read : instances) {
      Instance instance = read.instance();
      if (instance.namespace().equals(Secrets.ExternalSecrets.WRITER)) {
        problems.at(read.item().node(), read.item().path() + ".namespace", "namespace " + instance.namespace() + why);
      }
      for (int t = 0; t < instance.tenants().size(); t++) {
        if (instance.tenants().get(t).namespace().equals(Secrets.ExternalSecrets.WRITER)) {
          problems.at(read.item().node(), read.item().path() + ".tenants[" + t + "].namespace",
              "namespace " + instance.tenants().get(t).namespace() + why);
        }
      }
    }
  }

  private void checkServices(List<Read> instances) {
    Map<String, Instance> seen = new HashMap<>();
    for (Read read : instances) {
      Instance instance = read.instance();
      Instance first = seen.putIfAbsent(instance.namespace() + "/" + instance.kes().service(), instance);
      if (first != null) {
        problems.at(read.item().node(), read.item().path() + ".kes.service", "instances " + first.name() + " and "
            + instance.name() + " both run Service \"" + instance.kes().service() + "\" in namespace "
            + instance.namespace() + " (give one of them another namespace or kes.service)");
      }
    }
  }

  private Path baseDirectory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }

  private boolean readVersion(Mapping top) {
    Optional<Node> version = top.get("version");
    if (version.isEmpty()) {
      problems.at(top.node(), "version", "is required (write version: 1 as the first line)");
      return true;
    }
    Optional<Integer> value = Nodes.integer(version.get(), "version", 0, Integer.MAX_VALUE, problems);
    if (value.isPresent() && value.get() != 1) {
      problems.at(version.get(), "version",
          "this kesgen reads topology version 1, not " + value.get() + " (use a kesgen release that reads version "
              + value.get() + ", or write the file in version 1)");
      return false;
    }
    return true;
  }

  private Mapping sub(Mapping parent, String field, List<String> fields) {
    return parent.get(field).map(n -> Mapping.of(n, parent.pathOf(field), fields, problems))
        .orElse(Mapping.absent(parent.node(), parent.pathOf(field)));
  }

  private Optional<Instance> readInstance(
      Nodes.Located<Node> item, Mapping kesDefaults, Mapping tenantDefaults, SettingsReader settings,
      Optional<Vault> vault, Mapping vaultMapping) {
    Mapping m = Mapping.of(item.node(), item.path(), INSTANCE_FIELDS, problems);
    if (!(item.node() instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
      return Optional.empty();
    }
    Optional<String> name = required(m, "name", "the instance name, a DNS-1123 label such as dev").flatMap(
        s -> label(s, m, "name"));
    Optional<String> namespace = required(m, "namespace", "the Kubernetes namespace of the KES release")
        .flatMap(s -> label(s, m, "namespace"));
    Mapping kesOverride = sub(m, "kes", SettingsReader.KES_FIELDS);
    Optional<KesSettings> kes = settings.kes(new Layers(kesOverride, kesDefaults), m);

    List<Tenant> tenants = new ArrayList<>();
    List<Nodes.Located<Node>> tenantItems = m.get("tenants")
        .flatMap(n -> Nodes.list(n, m.pathOf("tenants"), problems)).orElse(List.of());
    for (Nodes.Located<Node> t : tenantItems) {
      settings.tenant(t, tenantDefaults).ifPresent(tenants::add);
    }
    checkTenants(tenants, tenantItems);
    // an instance's own vaultAuth, else vault.auth (whose bad value VaultReader reported)
    Optional<VaultAuth> vaultAuth = m.get("vaultAuth")
        .map(n -> new KubernetesAuthReader(problems).auth(n, m.pathOf("vaultAuth")))
        .orElse(vault.map(Vault::auth).or(() -> Optional.of(VaultAuth.APPROLE)));
    if (name.isEmpty() || namespace.isEmpty() || kes.isEmpty() || tenants.size() != tenantItems.size()
        || vaultAuth.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Instance(name.get(), namespace.get(), kes.get(), tenants, vaultAuth.get()));
  }

  private Optional<String> required(Mapping m, String field, String what) {
    if (m.get(field).isEmpty()) {
      problems.at(m.node(), m.pathOf(field), "is required (" + what + ")");
      return Optional.empty();
    }
    return Nodes.string(m.get(field).get(), m.pathOf(field), problems);
  }

  private Optional<String> label(String value, Mapping m, String field) {
    if (NameRules.isDns1123Label(value)) {
      return Optional.of(value);
    }
    problems.at(m.get(field).get(), m.pathOf(field), dnsLabelMessage(value));
    return Optional.empty();
  }

  static String dnsLabelMessage(String value) {
    return "\"" + value + "\" is not a DNS-1123 label (use lower case letters, digits and '-', at most 63,"
        + " starting and ending with a letter or digit)";
  }

  /** Instance names are unique; the message points at the second use. */
  private void checkUnique(List<Nodes.Located<Node>> items) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Optional<Node> nameNode = nameNode(items.get(i).node());
      if (nameNode.isEmpty() || !(nameNode.get() instanceof org.yaml.snakeyaml.nodes.ScalarNode s)) {
        continue;
      }
      Integer first = seen.putIfAbsent(s.getValue(), i);
      if (first != null) {
        problems.at(s, items.get(i).path() + ".name", "instance name \"" + s.getValue() + "\" is already used by instances["
            + first + "] (instance names must be unique: they name the Vault policy and AppRole)");
      }
    }
  }

  /** Tenant names are unique within an instance, and a key belongs to one tenant only. */
  private void checkTenants(List<Tenant> tenants, List<Nodes.Located<Node>> items) {
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Optional<Node> nameNode = nameNode(items.get(i).node());
      if (nameNode.isPresent() && nameNode.get() instanceof org.yaml.snakeyaml.nodes.ScalarNode s) {
        Integer first = names.putIfAbsent(s.getValue(), i);
        if (first != null) {
          problems.at(s, items.get(i).path() + ".name", "tenant name \"" + s.getValue()
              + "\" is already used by tenants[" + first + "] of this instance (tenant names must be unique within an instance)");
        }
      }
    }
    Map<String, String> owners = new HashMap<>();
    for (Nodes.Located<Node> item : items) {
      for (Nodes.Located<String> key : SettingsReader.keyNodes(item)) {
        String owner = owners.putIfAbsent(key.value(), item.path());
        if (owner != null && !owner.equals(item.path())) {
          problems.at(key.node(), key.path(), "key \"" + key.value() + "\" is already used by " + owner
              + " (a key belongs to one tenant only within an instance; pick another name)");
        }
      }
    }
  }

  private static Optional<Node> nameNode(Node node) {
    if (node instanceof org.yaml.snakeyaml.nodes.MappingNode map) {
      return map.getValue().stream()
          .filter(t -> t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && k.getValue().equals("name"))
          .map(org.yaml.snakeyaml.nodes.NodeTuple::getValueNode)
          .findFirst();
    }
    return Optional.empty();
  }

  static Optional<GoDuration> duration(Node node, String path, Problems problems) {
    Optional<String> text = node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar
        ? Optional.of(scalar.getValue()) : Nodes.string(node, path, problems);
    return text.flatMap(s -> {
      Optional<GoDuration> d = GoDuration.parse(s);
      if (d.isEmpty()) {
        problems.at(node, path, "\"" + s + "\" is not a duration (write a whole number and one unit: s, m, h or d, as in 24h or 365d)");
      }
      return d;
    });
  }
}

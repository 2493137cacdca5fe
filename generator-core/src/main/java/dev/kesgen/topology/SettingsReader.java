package dev.kesgen.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads KES settings and tenants, each field from its override or else from {@code defaults}, or else from the
 * defaults below; a value's own rules are {@link ValueReader}'s, a certificate profile's {@link CertificateReader}'s.
 */
final class SettingsReader {
  static final List<String> KES_FIELDS =
      Mapping.fields("version", "image", "imageDigest", "service", "port", "replicas", "adminIdentity", "certificate", "provisioning",
          "serviceAccount");
  static final List<String> SERVER_CERT_FIELDS =
      Mapping.fields("keyType", "validity", "renewBefore", "dnsNames", "ipAddresses");
  static final List<String> CLIENT_CERT_FIELDS = Mapping.fields("keyType", "validity", "renewBefore");
  static final List<String> TENANT_DEFAULT_FIELDS =
      Mapping.fields("chart", "minioVersion", "autoEncryption", "certificate", "image", "manageImage", "minioAuth");
  static final List<String> TENANT_FIELDS =
      Mapping.fields("name", "namespace", "keys", "chart", "minioVersion", "autoEncryption", "certificate", "image",
          "manageImage", "minioAuth");

  // the defaults of every setting a topology may leave out (the schema's "default"s say the same)
  static final int KES_PORT = 7373;
  static final int KES_REPLICAS = 1;
  static final String KES_SERVICE = "kes";
  static final String KES_IMAGE_EXAMPLE = "quay.io/minio/kes";
  static final KeyType SERVER_KEY_TYPE = KeyType.ECDSA_P256;
  static final KeyType CLIENT_KEY_TYPE = KeyType.ED25519;
  static final ChartLayout CHART = ChartLayout.ARMADILLO;

  private final Problems problems;
  private final ValueReader values;
  private final CertificateReader certificates;

  SettingsReader(Problems problems) {
    this.problems = problems;
    this.values = new ValueReader(problems);
    this.certificates = new CertificateReader(problems, values);
  }

  Optional<KesSettings> kes(Layers layers, Mapping owner) {
    return kes(layers, owner, true);
  }

  /**
   * Checks {@code defaults.kes} on its own, where it is written, so that a bad value is reported even when every
   * instance overrides it; duplicates of what an inheriting instance reports are merged by {@link Problems}.
   */
  void checkKesDefaults(Mapping defaults) {
    kes(new Layers(defaults), defaults, false);
  }

  /** Checks {@code defaults.tenant} on its own, where it is written (see {@link #checkKesDefaults}). */
  void checkTenantDefaults(Mapping defaults) {
    Layers layers = new Layers(defaults);
    layers.get("chart").ifPresent(l -> values.text(l).flatMap(s -> values.chart(s, l)));
    layers.get("minioVersion").ifPresent(l -> values.text(l).flatMap(s -> values.minioVersion(s, l)));
    layers.get("autoEncryption").ifPresent(l -> Nodes.bool(l.node(), l.path(), problems));
    Optional<Boolean> manageImage = layers.get("manageImage").flatMap(l -> Nodes.bool(l.node(), l.path(), problems));
    layers.get("image").ifPresent(l -> {
      if (manageImage.isPresent() && !manageImage.get()) {
        problems.at(l.node(), l.path(), "is set although manageImage is false (remove image, or set manageImage: true)");
      } else {
        values.text(l).flatMap(s -> values.imageRepository(s, l, Tenant.DEFAULT_IMAGE));
      }
    });
    certificates.certificate(layers, CLIENT_CERT_FIELDS, CLIENT_KEY_TYPE);
    MinioAuthReader.read(layers, Optional.empty(), "", problems);
  }


  private Optional<KesSettings> kes(Layers layers, Mapping owner, boolean complete) {
    Optional<KesVersion> version = layers.get("version").flatMap(values::kesVersion);
    if (complete && layers.get("version").isEmpty()) {
      problems.at(owner.node(), owner.pathOf("kes.version"),
          "no KES release given (set defaults.kes.version or " + owner.pathOf("kes.version") + ", for example v0.13.4)");
    }
    Optional<Nodes.Located<Node>> imageNode = layers.get("image");
    Optional<String> image = imageNode.flatMap(l -> values.text(l).flatMap(s -> values.imageRepository(s, l, KES_IMAGE_EXAMPLE)));
    boolean imageOk = imageNode.isEmpty() || image.isPresent();
    Optional<Nodes.Located<Node>> digestNode = layers.get("imageDigest");
    Optional<String> digest = digestNode.flatMap(l -> values.text(l).flatMap(s -> {
      if (NameRules.isImageDigest(s)) {
        return Optional.of(s);
      }
      problems.at(l.node(), l.path(), "\"" + s + "\" is not an image digest (write sha256: and 64 lower-case hex digits, as"
          + " printed by docker buildx imagetools inspect or crane digest)");
      return Optional.empty();
    }));
    imageOk = imageOk && (digestNode.isEmpty() || digest.isPresent());
    Optional<String> service = layers.get("service").flatMap(l -> values.text(l).flatMap(s -> {
      if (NameRules.isDns1035Label(s)) {
        return Optional.of(s);
      }
      problems.at(l.node(), l.path(), "\"" + s + "\" is not a valid Service name (use lower case letters, digits and '-',"
          + " at most 63, starting with a letter and ending with a letter or digit)");
      return Optional.empty();
    }));
    int port = layers.get("port").flatMap(l -> Nodes.integer(l.node(), l.path(), 1, 65535, problems))
        .orElse(KES_PORT);
    int replicas = layers.get("replicas").flatMap(l -> Nodes.integer(l.node(), l.path(), 1, 1000, problems))
        .orElse(KES_REPLICAS);
    Optional<String> admin = layers.get("adminIdentity").map(l -> values.text(l).flatMap(s -> {
      if (s.equals(KesSettings.DISABLED) || NameRules.isIdentity(s)) {
        return Optional.of(s);
      }
      problems.at(l.node(), l.path(), "\"" + s + "\" is not a KES identity (64 lower-case hex digits, as printed by"
          + " `kes identity of`, or \"disabled\")");
      return Optional.<String>empty();
    })).orElse(Optional.of(KesSettings.DISABLED));
    Optional<CertificateSpec> cert = certificates.certificate(layers, SERVER_CERT_FIELDS, SERVER_KEY_TYPE);
    Optional<Boolean> provisioning = layers.get("provisioning").map(l -> Nodes.bool(l.node(), l.path(), problems))
        .orElse(Optional.of(true));
    boolean serviceOk = layers.get("service").isEmpty() || service.isPresent();
    Optional<String> serviceAccount = layers.get("serviceAccount").flatMap(l -> values.text(l).flatMap(s -> {
      if (NameRules.isDns1123Subdomain(s)) {
        return Optional.of(s);
      }
      problems.at(l.node(), l.path(), "\"" + s + "\" is not a ServiceAccount name (a DNS-1123 subdomain: lower case"
          + " letters, digits, '-' and '.', at most 253, starting and ending with a letter or digit)");
      return Optional.empty();
    }));
    boolean accountOk = layers.get("serviceAccount").isEmpty() || serviceAccount.isPresent();
    if (version.isEmpty() || !serviceOk || !imageOk || admin.isEmpty() || cert.isEmpty() || provisioning.isEmpty()
        || !accountOk) {
      return Optional.empty();
    }
    return Optional.of(new KesSettings(version.get(), image, digest, service.orElse(KES_SERVICE), port, replicas, admin.get(),
        cert.get(), provisioning.get(), serviceAccount));
  }

  Optional<Tenant> tenant(Nodes.Located<Node> item, Mapping defaults) {
    Mapping m = Mapping.of(item.node(), item.path(), TENANT_FIELDS, problems);
    if (!(item.node() instanceof MappingNode)) {
      return Optional.empty();
    }
    Layers layers = new Layers(m, defaults);
    Optional<String> name = requiredLabel(m, "name", "the tenant name, a DNS-1123 label such as gecko");
    Optional<String> namespace = requiredLabel(m, "namespace", "the Kubernetes namespace MinIO runs in");
    Optional<List<String>> keys = keys(item, m, name);
    Optional<ChartLayout> chart = layers.get("chart").map(l -> values.text(l).flatMap(s -> values.chart(s, l)))
        .orElse(Optional.of(CHART));
    Optional<MinioVersion> minio = layers.get("minioVersion").flatMap(l -> values.text(l).flatMap(s -> values.minioVersion(s, l)));
    if (layers.get("minioVersion").isEmpty()) {
      problems.at(m.node(), m.pathOf("minioVersion"), "no MinIO release given (set defaults.tenant.minioVersion or "
          + m.pathOf("minioVersion") + ", for example RELEASE.2020-10-09T22-55-05Z)");
    }
    Optional<Boolean> auto = layers.get("autoEncryption").map(l -> Nodes.bool(l.node(), l.path(), problems))
        .orElse(Optional.of(true));
    Optional<CertificateSpec> cert = certificates.certificate(layers, CLIENT_CERT_FIELDS, CLIENT_KEY_TYPE);
    Optional<Boolean> manageImage = layers.get("manageImage").map(l -> Nodes.bool(l.node(), l.path(), problems))
        .orElse(Optional.of(true));
    Optional<String> image = layers.get("image").map(l -> values.text(l).flatMap(s -> values.imageRepository(s, l, Tenant.DEFAULT_IMAGE)))
        .orElse(Optional.of(Tenant.DEFAULT_IMAGE));
    if (manageImage.orElse(true) == false && layers.get("image").isPresent()) {
      Nodes.Located<Node> l = layers.get("image").get();
      problems.at(l.node(), l.path(), "is set although manageImage is false (remove image, or set manageImage: true)");
      image = Optional.empty();
    }
    Optional<MinioAuth> minioAuth = MinioAuthReader.read(layers, minio, item.path(), problems);
    if (name.isEmpty() || namespace.isEmpty() || keys.isEmpty() || chart.isEmpty() || minio.isEmpty() || auto.isEmpty()
        || cert.isEmpty() || manageImage.isEmpty() || image.isEmpty() || minioAuth.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Tenant(name.get(), namespace.get(), keys.get(), chart.get(), minio.get(), auto.get(), cert.get(),
        manageImage.get() ? image : Optional.empty(), minioAuth.get()));
  }

  private Optional<List<String>> keys(Nodes.Located<Node> item, Mapping m, Optional<String> name) {
    if (m.get("keys").isEmpty()) {
      return name.map(List::of);
    }
    Optional<List<Nodes.Located<String>>> listed = Nodes.strings(m.get("keys").get(), m.pathOf("keys"), problems);
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    if (listed.get().isEmpty()) {
      problems.at(m.get("keys").get(), m.pathOf("keys"), "is empty (list at least one key; the first is MinIO's default key)");
      return Optional.empty();
    }
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    List<String> keys = new ArrayList<>();
    for (Nodes.Located<String> key : listed.get()) {
      if (!NameRules.isKesName(key.value())) {
        problems.at(key.node(), key.path(), "\"" + key.value() + "\" is not a valid key name (use letters, digits, '_' and"
            + " '-', at most 80, not starting or ending with '-')");
        ok = false;
      } else if (!seen.add(key.value())) {
        problems.at(key.node(), key.path(), "key \"" + key.value() + "\" is listed twice (list each key once)");
        ok = false;
      }
      keys.add(key.value());
    }
    return ok ? Optional.of(keys) : Optional.empty();
  }

  /** The key names of a tenant item as written (or its name when it lists none), for cross-tenant checks. */
  static List<Nodes.Located<String>> keyNodes(Nodes.Located<Node> item) {
    List<Nodes.Located<String>> out = new ArrayList<>();
    if (!(item.node() instanceof MappingNode map)) {
      return out;
    }
    Node keys = null;
    Node name = null;
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        if (k.getValue().equals("keys") && keys == null) {
          keys = t.getValueNode();
        } else if (k.getValue().equals("name") && name == null) {
          name = t.getValueNode();
        }
      }
    }
    if (keys instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size(); i++) {
        if (seq.getValue().get(i) instanceof ScalarNode s) {
          out.add(new Nodes.Located<>(s.getValue(), s, item.path() + ".keys[" + i + "]"));
        }
      }
    } else if (keys == null && name instanceof ScalarNode s) {
      out.add(new Nodes.Located<>(s.getValue(), s, item.path() + ".name"));
    }
    return out;
  }

  private Optional<String> requiredLabel(Mapping m, String field, String what) {
    if (m.get(field).isEmpty()) {
      problems.at(m.node(), m.pathOf(field), "is required (" + what + ")");
      return Optional.empty();
    }
    return Nodes.string(m.get(field).get(), m.pathOf(field), problems).flatMap(s -> {
      if (NameRules.isDns1123Label(s)) {
        return Optional.of(s);
      }
      problems.at(m.get(field).get(), m.pathOf(field), TopologyReader.dnsLabelMessage(s));
      return Optional.empty();
    });
  }
}

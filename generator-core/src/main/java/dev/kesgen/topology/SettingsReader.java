package dev.kesgen.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads KES settings and tenants, each field from its override or else from {@code defaults}. */
final class SettingsReader {
  static final List<String> KES_FIELDS =
      Mapping.fields("version", "image", "imageDigest", "service", "port", "replicas", "adminIdentity", "certificate", "provisioning");
  static final List<String> SERVER_CERT_FIELDS =
      Mapping.fields("keyType", "validity", "renewBefore", "dnsNames", "ipAddresses");
  static final List<String> CLIENT_CERT_FIELDS = Mapping.fields("keyType", "validity", "renewBefore");
  static final List<String> TENANT_DEFAULT_FIELDS =
      Mapping.fields("chart", "minioVersion", "autoEncryption", "certificate", "image", "manageImage", "minioAuth");
  static final List<String> TENANT_FIELDS =
      Mapping.fields("name", "namespace", "keys", "chart", "minioVersion", "autoEncryption", "certificate", "image",
          "manageImage", "minioAuth");

  private final Problems problems;

  SettingsReader(Problems problems) {
    this.problems = problems;
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
    layers.get("chart").ifPresent(l -> text(l).flatMap(s -> chart(s, l)));
    layers.get("minioVersion").ifPresent(l -> text(l).flatMap(s -> minioVersion(s, l)));
    layers.get("autoEncryption").ifPresent(l -> Nodes.bool(l.node(), l.path(), problems));
    Optional<Boolean> manageImage = layers.get("manageImage").flatMap(l -> Nodes.bool(l.node(), l.path(), problems));
    layers.get("image").ifPresent(l -> {
      if (manageImage.isPresent() && !manageImage.get()) {
        problems.at(l.node(), l.path(), "is set although manageImage is false (remove image, or set manageImage: true)");
      } else {
        text(l).flatMap(s -> imageRepository(s, l, Tenant.DEFAULT_IMAGE));
      }
    });
    certificate(layers, CLIENT_CERT_FIELDS, KeyType.ED25519);
    MinioAuthReader.read(layers, Optional.empty(), "", problems);
  }

  private Optional<ChartLayout> chart(String s, Nodes.Located<Node> l) {
    return choice(s, l, ChartLayout::of, "armadillo, minio-legacy, minio");
  }

  private Optional<MinioVersion> minioVersion(String s, Nodes.Located<Node> l) {
    Optional<MinioVersion> v = MinioVersion.parse(s);
    if (v.isEmpty()) {
      problems.at(l.node(), l.path(), "\"" + s + "\" is not a MinIO release tag (write RELEASE.YYYY-MM-DDTHH-MM-SSZ,"
          + " for example RELEASE.2020-10-09T22-55-05Z)");
    }
    return v;
  }

  private Optional<KesSettings> kes(Layers layers, Mapping owner, boolean complete) {
    Optional<KesVersion> version = layers.get("version").flatMap(this::kesVersion);
    if (complete && layers.get("version").isEmpty()) {
      problems.at(owner.node(), owner.pathOf("kes.version"),
          "no KES release given (set defaults.kes.version or " + owner.pathOf("kes.version") + ", for example v0.13.4)");
    }
    Optional<Nodes.Located<Node>> imageNode = layers.get("image");
    Optional<String> image = imageNode.flatMap(l -> text(l).flatMap(s -> imageRepository(s, l, "quay.io/minio/kes")));
    boolean imageOk = imageNode.isEmpty() || image.isPresent();
    Optional<Nodes.Located<Node>> digestNode = layers.get("imageDigest");
    Optional<String> digest = digestNode.flatMap(l -> text(l).flatMap(s -> {
      if (NameRules.isImageDigest(s)) {
        return Optional.of(s);
      }
      problems.at(l.node(), l.path(), "\"" + s + "\" is not an image digest (write sha256: and 64 lower-case hex digits, as"
          + " printed by docker buildx imagetools inspect or crane digest)");
      return Optional.empty();
    }));
    imageOk = imageOk && (digestNode.isEmpty() || digest.isPresent());
    Optional<String> service = layers.get("service").flatMap(l -> text(l).flatMap(s -> {
      if (NameRules.isDns1035Label(s)) {
        return Optional.of(s);
      }
      problems.at(l.node(), l.path(), "\"" + s + "\" is not a valid Service name (use lower case letters, digits and '-',"
          + " at most 63, starting with a letter and ending with a letter or digit)");
      return Optional.empty();
    }));
    int port = layers.get("port").flatMap(l -> Nodes.integer(l.node(), l.path(), 1, 65535, problems)).orElse(7373);
    int replicas = layers.get("replicas").flatMap(l -> Nodes.integer(l.node(), l.path(), 1, 1000, problems)).orElse(1);
    Optional<String> admin = layers.get("adminIdentity").map(l -> text(l).flatMap(s -> {
      if (s.equals(KesSettings.DISABLED) || NameRules.isIdentity(s)) {
        return Optional.of(s);
      }
      problems.at(l.node(), l.path(), "\"" + s + "\" is not a KES identity (64 lower-case hex digits, as printed by"
          + " `kes identity of`, or \"disabled\")");
      return Optional.<String>empty();
    })).orElse(Optional.of(KesSettings.DISABLED));
    Optional<CertificateSpec> cert = certificate(layers, SERVER_CERT_FIELDS, KeyType.ECDSA_P256);
    Optional<Boolean> provisioning = layers.get("provisioning").map(l -> Nodes.bool(l.node(), l.path(), problems))
        .orElse(Optional.of(true));
    boolean serviceOk = layers.get("service").isEmpty() || service.isPresent();
    if (version.isEmpty() || !serviceOk || !imageOk || admin.isEmpty() || cert.isEmpty() || provisioning.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new KesSettings(version.get(), image, digest, service.orElse("kes"), port, replicas, admin.get(),
        cert.get(), provisioning.get()));
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
    Optional<ChartLayout> chart = layers.get("chart").map(l -> text(l).flatMap(s -> chart(s, l)))
        .orElse(Optional.of(ChartLayout.ARMADILLO));
    Optional<MinioVersion> minio = layers.get("minioVersion").flatMap(l -> text(l).flatMap(s -> minioVersion(s, l)));
    if (layers.get("minioVersion").isEmpty()) {
      problems.at(m.node(), m.pathOf("minioVersion"), "no MinIO release given (set defaults.tenant.minioVersion or "
          + m.pathOf("minioVersion") + ", for example RELEASE.2020-10-09T22-55-05Z)");
    }
    Optional<Boolean> auto = layers.get("autoEncryption").map(l -> Nodes.bool(l.node(), l.path(), problems))
        .orElse(Optional.of(true));
    Optional<CertificateSpec> cert = certificate(layers, CLIENT_CERT_FIELDS, KeyType.ED25519);
    Optional<Boolean> manageImage = layers.get("manageImage").map(l -> Nodes.bool(l.node(), l.path(), problems))
        .orElse(Optional.of(true));
    Optional<String> image = layers.get("image").map(l -> text(l).flatMap(s -> imageRepository(s, l, Tenant.DEFAULT_IMAGE)))
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

  private Optional<CertificateSpec> certificate(Layers owner, List<String> fields, KeyType defaultKey) {
    List<Mapping> mappings = new ArrayList<>();
    for (Mapping m : owner.mappings()) {
      m.get("certificate").ifPresent(n -> mappings.add(Mapping.of(n, m.pathOf("certificate"), fields, problems)));
    }
    Layers layers = new Layers(mappings);
    Optional<KeyType> keyType = layers.get("keyType").map(l -> text(l).flatMap(s -> choice(s, l, KeyType::of,
        "ecdsa-p256, ed25519, rsa-2048, rsa-3072, rsa-4096"))).orElse(Optional.of(defaultKey));
    Optional<GoDuration> validity = duration(layers, "validity", "365d");
    Optional<GoDuration> renewBefore = duration(layers, "renewBefore", "30d");
    if (validity.isPresent() && validity.get().seconds() == 0) {
      Nodes.Located<Node> l = layers.get("validity").orElseThrow();
      problems.at(l.node(), l.path(), "must be longer than 0s (for example 365d)");
      validity = Optional.empty();
    } else if (validity.isPresent() && validity.get().seconds() > CertificateSpec.MAX_VALIDITY_SECONDS) {
      Nodes.Located<Node> l = layers.get("validity").orElseThrow();
      problems.at(l.node(), l.path(), "is longer than the 36500d (100 years) kesgen issues certificates for"
          + " (write at most 36500d; 365d to 3650d is usual)");
      validity = Optional.empty();
    }
    if (validity.isPresent() && renewBefore.isPresent()
        && renewBefore.get().toDuration().compareTo(validity.get().toDuration()) >= 0) {
      Nodes.Located<Node> where = layers.get("renewBefore").or(() -> layers.get("validity")).orElse(null);
      String message = "renewBefore " + renewBefore.get() + " is not shorter than validity " + validity.get()
          + " (a certificate would be renewed on every run; make renewBefore shorter, for example 30d for 365d)";
      if (where != null) {
        problems.at(where.node(), where.path(), message);
      }
      renewBefore = Optional.empty();
    }
    Optional<List<String>> dns = names(layers, "dnsNames", NameRules::isDnsName,
        "is not a DNS name (use lower case labels separated by '.', for example kes.example.org)");
    Optional<List<String>> ips = names(layers, "ipAddresses", NameRules::isIpAddress,
        "is not an IP address (write an IPv4 or IPv6 literal such as 10.0.0.7)");
    if (keyType.isEmpty() || validity.isEmpty() || renewBefore.isEmpty() || dns.isEmpty() || ips.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CertificateSpec(keyType.get(), validity.get(), renewBefore.get(), dns.get(), ips.get()));
  }

  private Optional<GoDuration> duration(Layers layers, String field, String fallback) {
    return layers.get(field).map(l -> TopologyReader.duration(l.node(), l.path(), problems))
        .orElse(GoDuration.parse(fallback));
  }

  private Optional<List<String>> names(Layers layers, String field, java.util.function.Predicate<String> valid, String what) {
    Optional<Nodes.Located<Node>> l = layers.get(field);
    if (l.isEmpty()) {
      return Optional.of(List.of());
    }
    Optional<List<Nodes.Located<String>>> items = Nodes.strings(l.get().node(), l.get().path(), problems);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = true;
    for (Nodes.Located<String> item : items.get()) {
      if (!valid.test(item.value())) {
        problems.at(item.node(), item.path(), "\"" + item.value() + "\" " + what);
        ok = false;
      }
    }
    return ok ? Optional.of(items.get().stream().map(Nodes.Located::value).toList()) : Optional.empty();
  }

  private Optional<KesVersion> kesVersion(Nodes.Located<Node> l) {
    return text(l).flatMap(s -> {
      Optional<KesVersion> v = KesVersion.parse(s);
      if (v.isEmpty()) {
        problems.at(l.node(), l.path(), "\"" + s + "\" is not a KES release tag (write vX.Y.Z such as v0.13.4,"
            + " or a date tag such as 2024-03-13T17-52-13Z)");
      } else if (!v.get().isAtLeast(KesVersion.OLDEST)) {
        problems.at(l.node(), l.path(), "KES " + s + " is older than " + KesVersion.OLDEST
            + ", the oldest release kesgen supports (upgrade KES to v0.13.0 or later)");
        return Optional.empty();
      } else if (v.get().isNewerThanKnown()) {
        problems.at(l.node(), l.path(), "KES " + s + " is newer than " + KesVersion.NEWEST
            + ", the last KES release kesgen knows (use " + KesVersion.NEWEST + " or older)");
        return Optional.empty();
      } else if (!v.get().isSupported()) {
        // the tag becomes the image tag: a release that never existed would be an image that cannot be pulled
        problems.at(l.node(), l.path(), "KES " + s + " is not a KES release; did you mean "
            + v.get().nearestRelease() + "? (kesgen knows every KES release, " + KesVersion.OLDEST + " to "
            + KesVersion.NEWEST + ")");
        return Optional.empty();
      }
      return v;
    });
  }

  private Optional<String> imageRepository(String s, Nodes.Located<Node> l, String example) {
    if (NameRules.isImageRepository(s)) {
      return Optional.of(s);
    }
    problems.at(l.node(), l.path(), "\"" + s + "\" is not an image repository (write it without tag or digest, for example"
        + " " + example + ": the tag is the release kesgen plans for)");
    return Optional.empty();
  }

  private Optional<String> text(Nodes.Located<Node> l) {
    return Nodes.string(l.node(), l.path(), problems);
  }

  private <T> Optional<T> choice(String s, Nodes.Located<Node> l, Function<String, Optional<T>> parse, String allowed) {
    Optional<T> value = parse.apply(s);
    if (value.isEmpty()) {
      problems.at(l.node(), l.path(), "\"" + s + "\" is not one of " + allowed);
    }
    return value;
  }
}

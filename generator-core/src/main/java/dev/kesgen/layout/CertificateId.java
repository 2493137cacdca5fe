package dev.kesgen.layout;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which certificate of a topology: an instance's KES server certificate, a tenant's client certificate or an
 * instance's provisioner. The one place that formats and parses every name a certificate is known by: its report
 * name ({@code kes/dev}), its rotation name ({@code dev}), its committed path and its paths in the secrets directory.
 */
public sealed interface CertificateId permits CertificateId.Server, CertificateId.Client, CertificateId.Provisioner {
  /** The rotation name that asks for every certificate. */
  String ROTATE_ALL = "all";

  /** The name reports use: {@code kes/<instance>}, {@code tenants/<instance>/<tenant>} or {@code kes/<instance>/provisioner}. */
  String name();

  /** The name rotation asks for: {@code <instance>}, {@code <instance>/<tenant>} or {@code <instance>:provisioner}. */
  String rotationName();

  /** The instance the certificate belongs to. */
  String instance();

  /** Which of the three sorts this is, for exhaustive switches. */
  Kind kind();

  /** The sorts of certificates. */
  enum Kind {
    /** An instance's KES server certificate. */
    SERVER,
    /** A tenant's client certificate. */
    CLIENT,
    /** An instance's provisioner (a client allowed only to create keys). */
    PROVISIONER
  }

  /** The output-relative path of the public certificate, {@code /}-separated. */
  String certificatePath();

  /** The secrets-relative path of the private key. */
  String keyPath();

  /** The secrets-relative path of the Kubernetes Secret manifest. */
  String secretManifestPath();

  /**
   * The secrets-relative path of a tenant's {@code config.env} ({@code MINIO_KMS_KES_API_KEY}) beside its key: where
   * the {@code externalSecrets} sink leaves it for {@code external-secrets/apply.sh} to copy into Vault KV.
   */
  default String configEnvPath() {
    String key = keyPath();
    return key.substring(0, key.lastIndexOf('/') + 1) + "config.env";
  }

  /**
   * The output-relative path of the Secret sealed for a Sealed Secrets controller: the manifest's path with
   * {@code .sealed.yaml} for {@code .yaml}, committed beside the certificate.
   */
  default String sealedSecretPath() {
    String manifest = secretManifestPath();
    return manifest.substring(0, manifest.length() - ".yaml".length()) + ".sealed.yaml";
  }

  /** The output-relative path of the SOPS-encrypted Secret: the manifest's path with {@code .sops.yaml}. */
  default String sopsSecretPath() {
    String manifest = secretManifestPath();
    return manifest.substring(0, manifest.length() - ".yaml".length()) + ".sops.yaml";
  }

  /**
   * The output-relative path of the ExternalSecret that makes this Secret from Vault KV (the {@code externalSecrets}
   * sink): the manifest's path with {@code .external-secret.yaml}.
   */
  default String externalSecretPath() {
    String manifest = secretManifestPath();
    return manifest.substring(0, manifest.length() - ".yaml".length()) + ".external-secret.yaml";
  }

  /** The server certificate of an instance. */
  static Server server(Instance instance) {
    return new Server(instance.name());
  }

  /** The client certificate of a tenant. */
  static Client client(Instance instance, Tenant tenant) {
    return new Client(instance.name(), tenant.name());
  }

  /** The provisioner certificate of an instance. */
  static Provisioner provisioner(Instance instance) {
    return new Provisioner(instance.name());
  }

  /** The certificate a rotation name asks for; empty when the name has none of the three shapes. */
  static Optional<CertificateId> parseRotationName(String name) {
    Matcher m = Names.ROTATION.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(2) != null) {
      return Optional.of(new Client(m.group(1), m.group(2)));
    }
    return Optional.of(m.group(3) != null ? new Provisioner(m.group(1)) : new Server(m.group(1)));
  }

  /** The certificate committed at this output-relative path; empty for any other path. */
  static Optional<CertificateId> parsePath(String path) {
    Matcher m = Names.PATH.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(3) != null) {
      return Optional.of(new Client(m.group(3), m.group(4)));
    }
    return Optional.of(m.group(2).equals("server") ? new Server(m.group(1)) : new Provisioner(m.group(1)));
  }

  /**
   * An instance's KES server certificate: {@code kes/<instance>/server.crt}, key {@code kes/<instance>/server.key},
   * Secret manifest {@code kes/<instance>/secret.yaml}.
   *
   * @param instance the instance name
   */
  record Server(String instance) implements CertificateId {
    public Server {
      Names.requireSegment(instance, "instance");
    }

    @Override
    public Kind kind() {
      return Kind.SERVER;
    }

    @Override
    public String name() {
      return "kes/" + instance;
    }

    @Override
    public String rotationName() {
      return instance;
    }

    @Override
    public String certificatePath() {
      return name() + "/server.crt";
    }

    @Override
    public String keyPath() {
      return name() + "/server.key";
    }

    @Override
    public String secretManifestPath() {
      return name() + "/secret.yaml";
    }
  }

  /**
   * A tenant's client certificate: {@code tenants/<instance>/<tenant>/client.crt}, key {@code client.key} and
   * Secret manifest {@code secret.yaml} there.
   *
   * @param instance the instance name
   * @param tenant the tenant name
   */
  record Client(String instance, String tenant) implements CertificateId {
    public Client {
      Names.requireSegment(instance, "instance");
      Names.requireSegment(tenant, "tenant");
    }

    /**
     * The record's own {@code 31 * instance + tenant} collides for names such as {@code i0/t31} and {@code i1/t0},
     * which made the outcome maps of a 10,000-tenant run compare keys; a large odd multiplier spreads them.
     */
    @Override
    public int hashCode() {
      return instance.hashCode() * 0x9E3779B1 + tenant.hashCode();
    }

    @Override
    public Kind kind() {
      return Kind.CLIENT;
    }

    @Override
    public String name() {
      return "tenants/" + instance + "/" + tenant;
    }

    @Override
    public String rotationName() {
      return instance + "/" + tenant;
    }

    @Override
    public String certificatePath() {
      return name() + "/client.crt";
    }

    @Override
    public String keyPath() {
      return name() + "/client.key";
    }

    @Override
    public String secretManifestPath() {
      return name() + "/secret.yaml";
    }
  }

  /**
   * An instance's provisioner: {@code kes/<instance>/provisioner.crt}, key {@code provisioner.key} there, Secret
   * manifest {@code kes/<instance>/provisioner-secret.yaml}.
   *
   * @param instance the instance name
   */
  record Provisioner(String instance) implements CertificateId {
    public Provisioner {
      Names.requireSegment(instance, "instance");
    }

    @Override
    public Kind kind() {
      return Kind.PROVISIONER;
    }

    @Override
    public String name() {
      return "kes/" + instance + "/provisioner";
    }

    @Override
    public String rotationName() {
      return instance + ":provisioner";
    }

    @Override
    public String certificatePath() {
      return "kes/" + instance + "/provisioner.crt";
    }

    @Override
    public String keyPath() {
      return "kes/" + instance + "/provisioner.key";
    }

    @Override
    public String secretManifestPath() {
      return "kes/" + instance + "/provisioner-secret.yaml";
    }
  }

  /** The syntax shared by the formats above. */
  final class Names {
    private static final String SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9._-]*";
    private static final Pattern SEGMENT_PATTERN = Pattern.compile("(?!\\.{1,2}$)" + SEGMENT);
    static final Pattern ROTATION = Pattern.compile("(" + SEGMENT + ")(?:/(" + SEGMENT + ")|(:provisioner))?");
    static final Pattern PATH = Pattern.compile(
        "kes/(" + SEGMENT + ")/(server|provisioner)\\.crt|tenants/(" + SEGMENT + ")/(" + SEGMENT + ")/client\\.crt");

    private Names() {}

    static void requireSegment(String value, String what) {
      Objects.requireNonNull(value, what);
      if (!SEGMENT_PATTERN.matcher(value).matches()) {
        throw new IllegalArgumentException(what + " must be one path segment without '/' or '..': " + value);
      }
    }
  }
}

package dev.kesgen.kes;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Vault;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The KES server configuration of one instance, with every release-dependent choice already made: the model
 * (policies, key creation, provisioning, the key store); {@code view.ServerConfigContext} is the template's view of it.
 *
 * <p>Order: policies sorted by name (tenant names are unique per instance, so the order is total), paths and
 * identities inside a policy sorted, {@code keys} sorted, key creations by tenant name then the tenant's key order.
 * Values YAML 1.1 reads as booleans ({@code on}, {@code off}) must be quoted by the template: v0.13 – v0.17.2 parse
 * with yaml.v2.
 *
 * @param dialect the dialect of the instance's release; decides the shape the template writes
 * @param writeTopLevelVersion whether to write {@code version: v1}
 * @param address {@code 0.0.0.0:<port>}
 * @param adminIdentity the admin identity, {@code disabled} unless the topology names one; written as {@code root}
 *     or {@code admin.identity} per {@link KesDialect#adminStyle()}
 * @param tls the server key and certificate paths and, where the release has it, {@code tls.auth}
 * @param policies one per tenant (name = tenant name), plus {@link #PROVISIONER_POLICY} when provisioning is needed
 * @param cache both cache expiry values, always written
 * @param log error and audit log switches
 * @param keys the {@code keys:} list; empty unless the release creates listed keys at start-up
 * @param keystore the Vault key store block
 * @param keyCreations who creates each tenant key
 * @param serverArgs the container arguments after the {@code kes} binary
 * @param environment extra non-secret environment variables the KES container needs, sorted by name
 */
public record KesServerConfig(
    KesDialect dialect,
    boolean writeTopLevelVersion,
    String address,
    String adminIdentity,
    Tls tls,
    List<KesPolicy> policies,
    Cache cache,
    Log log,
    List<String> keys,
    VaultKeystore keystore,
    List<KeyCreation> keyCreations,
    List<String> serverArgs,
    Map<String, String> environment) {
  /** Where the chart mounts the configuration file. */
  public static final String CONFIG_PATH = "/etc/kes/config/config.yaml";
  /** Where the chart mounts the kubernetes.io/tls Secret's key. */
  public static final String TLS_KEY_PATH = "/etc/kes/tls/tls.key";
  /** Where the chart mounts the kubernetes.io/tls Secret's certificate. */
  public static final String TLS_CERT_PATH = "/etc/kes/tls/tls.crt";
  /** Where the chart mounts the Vault CA certificate, when the topology names one. */
  public static final String VAULT_CA_PATH = "/etc/kes/vault/ca.crt";
  /** The environment variable holding the AppRole role id. */
  public static final String APPROLE_ID_VARIABLE = "KES_APPROLE_ID";
  /** The environment variable holding the AppRole secret id. */
  public static final String APPROLE_SECRET_VARIABLE = "KES_APPROLE_SECRET";
  /**
   * The provisioner's policy name: valid for every release (K@2023-10-24T20-26-51Z:auth.go:113-133) and never a tenant
   * name, since DNS-1123 labels have no {@code _}.
   */
  public static final String PROVISIONER_POLICY = "kesgen_provisioner";

  public KesServerConfig {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(adminIdentity, "adminIdentity");
    Objects.requireNonNull(tls, "tls");
    policies = List.copyOf(policies);
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(log, "log");
    keys = List.copyOf(keys);
    Objects.requireNonNull(keystore, "keystore");
    keyCreations = List.copyOf(keyCreations);
    serverArgs = List.copyOf(serverArgs);
    environment = Map.copyOf(environment);
  }

  /**
   * The configuration of an instance without a provisioner identity.
   *
   * @param tenantIdentities the identity (lowercase hex) of every tenant of the instance, by tenant name
   * @throws IllegalArgumentException if the topology cannot be expressed for the release (see {@link #of(Instance,
   *     Vault, Map, Optional)})
   */
  public static KesServerConfig of(Instance instance, Vault vault, Map<String, String> tenantIdentities) {
    return of(instance, vault, tenantIdentities, Optional.empty());
  }

  /**
   * The configuration of an instance; with a provisioner identity, a {@link #PROVISIONER_POLICY} allowing exactly
   * {@code /v1/key/create/<k>} for the keys nobody else creates is added (none if there are no such keys).
   *
   * <p>The instance and Vault are those of a loaded topology, which already holds every rule the loader checks
   * (names, KV version, keys owned by one tenant).
   *
   * @throws IllegalArgumentException when a tenant identity is missing or unknown, or an identity is used twice or is
   *     the admin
   */
  public static KesServerConfig of(
      Instance instance, Vault vault, Map<String, String> tenantIdentities, Optional<String> provisionerIdentity) {
    return KesServerConfigBuilder.build(instance, vault, tenantIdentities, provisionerIdentity);
  }

  /**
   * Who creates each key of the instance's tenants (tenants sorted by name, keys in tenant order); needs no
   * identities, so it can be asked before any certificate exists.
   */
  public static List<KeyCreation> keyCreations(Instance instance) {
    return KesServerConfigBuilder.keyCreations(instance);
  }

  /** The keys nobody creates, which a provisioning step must create, sorted. */
  public List<String> keysNeedingProvisioning() {
    return Provisioning.unprovisioned(keyCreations).stream().map(KeyCreation::key).sorted().toList();
  }

  /** The policy with this name, if any. */
  public Optional<KesPolicy> policy(String name) {
    return policies.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The TLS block.
   *
   * @param key the private key file
   * @param cert the certificate file
   * @param auth {@code off} where the release reads {@code tls.auth} (2023-11-09 on); empty elsewhere
   */
  public record Tls(String key, String cert, Optional<String> auth) {
    public Tls {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(cert, "cert");
      Objects.requireNonNull(auth, "auth");
    }
  }

  /**
   * The key cache. Both values are always written: from 2024-04-12 an unset {@code unused} resets {@code any} to
   * 30s (K@2025-03-12T09-35-18Z:cmd/kes/server.go:393-404). The values are the KES defaults
   * (K@v0.17.2:cmd/kes/config.go:222-227; K@2023-10-24T20-26-51Z:cmd/kes/server.go:298-303).
   *
   * @param any evict every key after this
   * @param unused evict a key unused for this long
   */
  public record Cache(String any, String unused) {
    public Cache {
      Objects.requireNonNull(any, "any");
      Objects.requireNonNull(unused, "unused");
    }
  }

  /**
   * The log switches.
   *
   * @param error {@code on}
   * @param audit the value that turns audit logging off in this release ({@link KesDialect#auditOffValue()})
   */
  public record Log(String error, String audit) {
    public Log {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(audit, "audit");
    }
  }
}

package dev.kesgen.kes;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KesSettings;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Vault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Builds {@link KesServerConfig}; separate so the record stays a plain model. */
final class KesServerConfigBuilder {
  private static final String CACHE_ANY = "5m";
  private static final String CACHE_UNUSED = "30s";
  // the values of the shipped example (K@v0.13.4:server-config.yaml:161,172)
  private static final String APPROLE_RETRY = "15s";
  private static final String STATUS_PING = "10s";

  private KesServerConfigBuilder() {}

  static KesServerConfig build(
      Instance instance, Vault vault, Map<String, String> tenantIdentities, Optional<String> provisionerIdentity) {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(vault, "vault");
    Objects.requireNonNull(tenantIdentities, "tenantIdentities");
    Objects.requireNonNull(provisionerIdentity, "provisionerIdentity");
    KesSettings kes = instance.kes();
    KesDialect dialect = KesDialect.of(kes.version());
    String where = "instance " + instance.name() + " (KES " + kes.version() + "): ";
    java.util.Set<String> tenantNames = new java.util.HashSet<>();
    instance.tenants().forEach(t -> tenantNames.add(t.name()));
    for (String name : tenantIdentities.keySet()) {
      if (!tenantNames.contains(name)) {
        throw new IllegalArgumentException(where + "identity given for unknown tenant " + name);
      }
    }
    List<Tenant> tenants = instance.tenants().stream().sorted(Comparator.comparing(Tenant::name)).toList();

    List<KesPolicy> policies = new ArrayList<>();
    List<KeyCreation> creations = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    for (Tenant tenant : tenants) {
      String identity = tenantIdentities.get(tenant.name());
      if (identity == null) {
        throw new IllegalArgumentException(where + "no identity for tenant " + tenant.name());
      }
      claim(where, owners, identity, "tenant " + tenant.name());
      List<String> paths = MinioKesApi.allowedPaths(tenant.minioVersion(), kes.version(), tenant.keys());
      policies.add(new KesPolicy(tenant.name(), paths, List.of(identity)));
      for (String key : tenant.keys()) {
        creations.add(new KeyCreation(key, tenant.name(), creator(dialect, tenant, key)));
      }
    }
    if (!KesSettings.DISABLED.equals(kes.adminIdentity())) {
      // the admin inside a policy is fatal in every release (K@v0.13.4:internal/auth/policy.go:129-132; K@2023-10-24T20-26-51Z:edge)
      claim(where, owners, kes.adminIdentity(), "the admin");
    }
    List<String> toProvision = creations.stream()
        .filter(c -> c.creator() == KeyCreator.PROVISIONER)
        .map(c -> KesApi.create(c.key()))
        .sorted()
        .toList();
    if (provisionerIdentity.isPresent() && !toProvision.isEmpty()) {
      claim(where, owners, provisionerIdentity.get(), "the provisioner");
      policies.add(new KesPolicy(KesServerConfig.PROVISIONER_POLICY, toProvision, List.of(provisionerIdentity.get())));
    }
    policies.sort(Comparator.comparing(KesPolicy::name));

    List<String> keys = dialect.createsListedKeys()
        ? creations.stream().map(KeyCreation::key).distinct().sorted().toList()
        : List.of();
    Map<String, String> environment = new TreeMap<>();
    if (vault.caCertificate().isPresent() && !dialect.readsVaultCaFromConfig()) {
      environment.put("VAULT_CACERT", KesServerConfig.VAULT_CA_PATH);
    }
    return new KesServerConfig(
        dialect,
        dialect.acceptsTopLevelVersion(),
        "0.0.0.0:" + kes.port(),
        kes.adminIdentity(),
        new KesServerConfig.Tls(
            KesServerConfig.TLS_KEY_PATH,
            KesServerConfig.TLS_CERT_PATH,
            dialect.clientAuth() == KesDialect.ClientAuth.CONFIG_FIELD ? Optional.of("off") : Optional.empty()),
        policies,
        new KesServerConfig.Cache(CACHE_ANY, CACHE_UNUSED),
        new KesServerConfig.Log("on", dialect.auditOffValue()),
        keys,
        keystore(dialect, vault, instance),
        creations,
        dialect.serverArgs(KesServerConfig.CONFIG_PATH, kes.port()),
        environment);
  }

  static List<KeyCreation> keyCreations(Instance instance) {
    KesDialect dialect = KesDialect.of(instance.kes().version());
    List<KeyCreation> creations = new ArrayList<>();
    for (Tenant tenant : instance.tenants().stream().sorted(Comparator.comparing(Tenant::name)).toList()) {
      for (String key : tenant.keys()) {
        creations.add(new KeyCreation(key, tenant.name(), creator(dialect, tenant, key)));
      }
    }
    return creations;
  }

  private static KeyCreator creator(KesDialect dialect, Tenant tenant, String key) {
    if (dialect.createsListedKeys()) {
      return KeyCreator.KES_STARTUP;
    }
    if (key.equals(tenant.defaultKey()) && MinioKesApi.createsDefaultKeyAtStartup(tenant.minioVersion())) {
      return KeyCreator.MINIO_STARTUP;
    }
    return KeyCreator.PROVISIONER;
  }

  private static VaultKeystore keystore(KesDialect dialect, Vault vault, Instance instance) {
    return new VaultKeystore(
        vault.endpoint().toString(),
        vault.kv().mount(),
        dialect.hasVaultVersion() ? Optional.of("v" + vault.kv().version()) : Optional.empty(),
        vault.namespace().isEmpty() ? Optional.empty() : Optional.of(vault.namespace()),
        vault.keyLocation(instance),
        vault.approle().mount(),
        "${" + KesServerConfig.APPROLE_ID_VARIABLE + "}",
        "${" + KesServerConfig.APPROLE_SECRET_VARIABLE + "}",
        dialect.hasAppRoleRetry() ? Optional.of(APPROLE_RETRY) : Optional.empty(),
        STATUS_PING,
        vault.caCertificate().map(p -> KesServerConfig.VAULT_CA_PATH));
  }

  // an identity in two policies is fatal in every release (K@v0.13.4:cmd/kes/server.go:197-199; K@2023-10-24T20-26-51Z:state.go:258)
  private static void claim(String where, Map<String, String> owners, String identity, String who) {
    String previous = owners.putIfAbsent(identity, who);
    if (previous != null) {
      throw new IllegalArgumentException(where + who + " has the same identity as " + previous + ": " + identity);
    }
  }
}

package dev.kesgen.engine;

import dev.kesgen.access.AccessModelException;
import dev.kesgen.access.KesAccess;
import dev.kesgen.access.KesAccessPolicy;
import dev.kesgen.access.KesChartValues;
import dev.kesgen.access.KesDecision;
import dev.kesgen.kes.KesApi;
import dev.kesgen.kes.MinioKesApi;
import dev.kesgen.kes.Provisioning;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KesSettings;
import dev.kesgen.topology.Tenant;
import dev.kesgen.view.SummaryContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The KES rules of the access proof, decided by {@link KesAccess} on an instance's KES configuration as it is: each
 * tenant reaches its own keys and nothing of another tenant (its key names, adversarial variants of them and
 * {@code *} are tried, and another tenant's keys through the patterns of its policy), every call its MinIO makes is
 * allowed, the provisioner may create exactly the keys it provisions, the admin is the topology's, and no policy
 * names an identity that is not the instance's.
 */
final class KesRules {
  private final Collection<Finding> findings;

  KesRules(Collection<Finding> findings) {
    this.findings = findings;
  }

  /** Checks the instance's KES configuration; its access matrix, empty when the configuration cannot be read. */
  List<SummaryContext.Access> check(Instance instance, String file, String text,
      java.util.function.Function<CertificateId, Optional<String>> identities) {
    KesAccess access;
    try {
      access = KesChartValues.access(text, instance.kes().version());
    } catch (AccessModelException e) {
      add(file, "instance " + instance.name() + ": the KES access model cannot read server.config: " + e.getMessage());
      return List.of();
    }
    String where = "instance " + instance.name();
    if (!access.problems().isEmpty()) {
      add(file, where + ": KES " + instance.kes().version() + " would not start with (or would misread) server.config: "
          + String.join("; ", access.problems()));
      return List.of();
    }
    access.ignoredFields().forEach(f -> add(file, where + ": " + f + " is ignored by KES " + instance.kes().version()
        + ", so what it says is not enforced"));
    Map<String, String> owners = new LinkedHashMap<>();
    for (Tenant tenant : instance.tenants()) {
      tenant.keys().forEach(k -> owners.putIfAbsent(k, tenant.name()));
    }
    Set<String> known = new HashSet<>();
    List<SummaryContext.Access> rows = new ArrayList<>();
    for (Tenant tenant : instance.tenants()) {
      Optional<String> committed = identities.apply(CertificateId.client(instance, tenant));
      if (committed.isEmpty()) {
        continue; // its certificate is not committed: the check reports it as missing
      }
      String identity = committed.get();
      known.add(identity);
      String who = where + ", tenant " + tenant.name() + ", identity " + AccessCheck.shortId(identity);
      tenantIsolation(access, file, who, identity, tenant, owners);
      for (String call : MinioKesApi.allowedPaths(tenant.minioVersion(), instance.kes().version(), tenant.keys())) {
        KesDecision d = access.decide(identity, call);
        if (!d.allowed()) {
          add(file, who + ": cannot call " + call + ", which MinIO " + tenant.minioVersion().tag() + " calls ("
              + d.reason() + ")");
        }
      }
      rows.add(AccessMatrix.row(Optional.of(tenant.name()), false, access, identity, tenant.keys()));
    }
    Optional<String> provisioner = identities.apply(CertificateId.provisioner(instance));
    if (provisioner.isPresent()) {
      known.add(provisioner.get());
      provisioner(instance, access, file, provisioner.get(), owners);
      rows.add(AccessMatrix.row(Optional.empty(), true, access, provisioner.get(), reachable(access, provisioner.get(), owners)));
    }
    String admin = access.admin().filter(a -> !a.equals(KesSettings.DISABLED)).orElse(KesSettings.DISABLED);
    if (!admin.equals(instance.kes().adminIdentity())) {
      add(file, where + ": the admin identity is " + admin + ", but the topology's kes.adminIdentity is "
          + instance.kes().adminIdentity() + "; the admin may do everything");
    }
    rows.add(new SummaryContext.Access(Optional.empty(), false, true,
        admin.equals(KesSettings.DISABLED) ? Optional.empty() : Optional.of(AccessCheck.shortId(admin)), List.of(), List.of()));
    for (KesAccessPolicy policy : access.policies()) {
      for (String identity : policy.identities()) {
        if (!identity.isEmpty() && !known.contains(identity) && !identity.equals(admin)) {
          add(file, where + ": policy '" + policy.name() + "' names the identity " + AccessCheck.shortId(identity)
              + ", which is no certificate or API key of this instance's tenants or provisioner");
        }
      }
    }
    return rows;
  }

  private void tenantIsolation(KesAccess access, String file, String who, String identity, Tenant tenant,
      Map<String, String> owners) {
    Set<String> own = new HashSet<>(tenant.keys());
    Set<String> tried = new HashSet<>();
    for (String key : tenant.keys()) {
      for (String name : List.of(key + "-x", key + "x", key + "*", key + "/x")) {
        for (String api : KesApi.KEY_APIS) {
          refuse(access, file, who, identity, KesApi.key(api, name), owners, tried);
        }
      }
    }
    KesApi.KEY_APIS.forEach(api -> refuse(access, file, who, identity, KesApi.key(api, "*"), owners, tried));
    KesApi.ADMIN_APIS.forEach(path -> refuse(access, file, who, identity, path, owners, tried));
    Optional<KesAccessPolicy> policy = access.policyOf(identity);
    if (policy.isEmpty()) {
      return; // reaches nothing; completeness says so
    }
    for (String pattern : policy.get().allow()) {
      if (access.matcher().isLiteral(pattern)) {
        // it reaches only the path it names: another key's, or a key-less API (those that matter are tried above)
        Optional<String> name = AccessMatrix.keyName(pattern);
        if (name.isPresent() && !own.contains(name.get())) {
          refuse(access, file, who, identity, pattern, owners, tried);
        }
        continue;
      }
      // a wildcard: every other key of the instance, until the first it reaches (one finding names the pattern)
      search:
      for (Map.Entry<String, String> key : owners.entrySet()) {
        if (own.contains(key.getKey())) {
          continue;
        }
        for (String api : KesApi.KEY_APIS) {
          if (refuse(access, file, who, identity, KesApi.key(api, key.getKey()), owners, tried)) {
            break search;
          }
        }
      }
    }
  }

  /** Adds a finding when the request reaches something; true if it did. */
  private boolean refuse(KesAccess access, String file, String who, String identity, String request,
      Map<String, String> owners, Set<String> tried) {
    if (!tried.add(request)) {
      return false;
    }
    KesDecision d = access.decide(identity, request);
    if (!d.allowed() || access.refusesKeyName(request)) {
      return false;
    }
    Optional<String> name = AccessMatrix.keyName(request);
    String what = name.map(n -> owners.containsKey(n) ? "a key of tenant " + owners.get(n) : "a key not its own")
        .orElse("an admin API");
    add(file, who + ": may call " + request + ", " + what + " (" + d.reason() + ")");
    return true;
  }

  private void provisioner(Instance instance, KesAccess access, String file, String identity,
      Map<String, String> owners) {
    String who = "instance " + instance.name() + ", provisioner, identity " + AccessCheck.shortId(identity);
    Set<String> expected = new TreeSet<>();
    if (Provisioning.needed(instance)) {
      Provisioning.keysNobodyElseCreates(instance).forEach(k -> expected.add(KesApi.create(k)));
    }
    for (String call : expected) {
      KesDecision d = access.decide(identity, call);
      if (!d.allowed()) {
        add(file, who + ": cannot call " + call + ", a key it must create (" + d.reason() + ")");
      }
    }
    Set<String> requests = new LinkedHashSet<>();
    // literal names only (a request with '*' is decided pattern by pattern, and the provisioner has one per key),
    // and only the keys its patterns can reach
    for (String key : reachable(access, identity, owners)) {
      for (String name : List.of(key, key + "-x", key + "x")) {
        KesApi.KEY_APIS.forEach(api -> requests.add(KesApi.key(api, name)));
      }
    }
    KesApi.KEY_APIS.forEach(api -> requests.add(KesApi.key(api, "*")));
    requests.addAll(KesApi.SERVICE_APIS);
    requests.addAll(KesApi.ADMIN_APIS);
    access.policyOf(identity).ifPresent(p -> p.allow().stream()
        .filter(pattern -> pattern.startsWith("/") && access.matcher().isLiteral(pattern)).forEach(requests::add));
    for (String request : requests) {
      KesDecision d = access.decide(identity, request);
      if (d.allowed() && !access.refusesKeyName(request) && !expected.contains(request)) {
        add(file, who + ": may call " + request + ", but it may create exactly the keys it provisions ("
            + d.reason() + ")");
      }
    }
  }

  /**
   * The instance's keys a literal request can reach for this identity: every key when its policy has a wildcard
   * allow pattern, else those its literal patterns name (a literal pattern reaches only the path equal to it).
   */
  static List<String> reachable(KesAccess access, String identity, Map<String, String> owners) {
    Optional<KesAccessPolicy> policy = access.policyOf(identity);
    if (policy.isEmpty()) {
      return List.of();
    }
    if (policy.get().allow().stream().anyMatch(p -> !access.matcher().isLiteral(p))) {
      return List.copyOf(owners.keySet());
    }
    Set<String> named = new HashSet<>();
    policy.get().allow().forEach(p -> AccessMatrix.keyName(p).ifPresent(named::add));
    return owners.keySet().stream().filter(named::contains).toList();
  }

  private void add(String file, String message) {
    findings.add(new Finding(Finding.Kind.ACCESS, file, message));
  }
}

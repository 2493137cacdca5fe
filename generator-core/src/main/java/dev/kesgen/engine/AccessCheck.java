package dev.kesgen.engine;

import dev.kesgen.access.AccessModelException;
import dev.kesgen.access.KesAccess;
import dev.kesgen.access.KesAccessPolicy;
import dev.kesgen.access.KesChartValues;
import dev.kesgen.access.KesDecision;
import dev.kesgen.access.VaultAcl;
import dev.kesgen.access.VaultAclPolicy;
import dev.kesgen.access.VaultAclRule;
import dev.kesgen.access.VaultDecision;
import dev.kesgen.kes.MinioKesApi;
import dev.kesgen.kes.Provisioning;
import dev.kesgen.layout.CertificateId;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KesSettings;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.vault.PathRule;
import dev.kesgen.vault.PlanPolicy;
import dev.kesgen.vault.VaultPolicy;
import dev.kesgen.view.SummaryContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Tenant isolation, completeness and Vault least privilege, decided by the access models ({@link KesAccess},
 * {@link VaultAcl}) on output texts as they are (rendered with overrides, or committed), and the access matrix
 * SUMMARY.md shows. KES is never run: the models cite the KES and OpenBao sources they follow.
 *
 * <p>Linear in the keys of each instance: a tenant is tried on its own key names, adversarial variants of them
 * ({@code <key>-x}, {@code <key>x}, {@code <key>*}, {@code <key>/x}) and {@code *}; other tenants' keys are tried
 * through the patterns of its policy — a literal pattern can reach only the key it names, and only a wildcard pattern
 * is tried on every key of the instance (tenants of other instances use another KES, so they are never tried).
 */
final class AccessCheck {
  /** Every key API a policy can grant, in the order SUMMARY.md lists them. */
  static final List<String> KEY_APIS = List.of("create", "generate", "decrypt", "encrypt", "describe", "delete",
      "import", "list", "hmac", "bulk/decrypt");
  /** Key-less APIs MinIO may be granted (SUMMARY.md shows them). */
  static final List<String> SERVICE_APIS = List.of("/v1/api", "/v1/metrics", "/v1/status");
  /** Admin APIs no tenant or provisioner may reach. */
  static final List<String> ADMIN_APIS = List.of("/v1/policy/list/*", "/v1/identity/list/*", "/v1/log/audit",
      "/v1/log/error");
  private static final String KEY_API = "/v1/key/";

  private final Set<Finding> findings = new LinkedHashSet<>();
  private final Map<String, List<SummaryContext.Access>> matrix = new LinkedHashMap<>();

  private AccessCheck() {}

  /**
   * Checks every instance whose files {@code texts} holds ({@code kes/<i>/values.yaml},
   * {@code vault/policies/kes-<i>.hcl}, and through {@link GrantCheck} and {@link ScriptCheck} the AppRole, the
   * NetworkPolicy values and the Vault scripts); an absent file is skipped (a check reports it as missing).
   */
  static AccessCheck of(Topology topology, Function<String, Optional<String>> texts, Certificates certificates) {
    // Instances are independent (each has its own KES and Vault policy), so they are checked on every core and
    // merged in topology order: the findings and the matrix are those of a loop. {@code texts} must be thread-safe.
    int tenants = topology.instances().stream().mapToInt(i -> i.tenants().size()).sum();
    List<AccessCheck> parts = InOrder.map(topology.instances(), tenants, instance -> {
      AccessCheck part = new AccessCheck();
      String values = OutputLayout.kesValues(instance);
      texts.apply(values).ifPresent(text -> part.kes(instance, values, text, certificates));
      String policy = OutputLayout.vaultPolicy(instance);
      texts.apply(policy).ifPresent(text -> part.vault(topology, instance, policy, text));
      part.findings.addAll(GrantCheck.of(topology, instance, texts));
      part.findings.addAll(ApiKeyCheck.of(instance, texts));
      return part;
    });
    AccessCheck check = new AccessCheck();
    for (AccessCheck part : parts) {
      check.findings.addAll(part.findings);
      check.matrix.putAll(part.matrix);
    }
    check.findings.addAll(ScriptCheck.of(topology, texts));
    texts.apply(OutputLayout.VAULT_PLAN_POLICY).ifPresent(text -> check.planPolicy(topology, text));
    return check;
  }

  /** What breaks a rule, in topology order. */
  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** The access matrix of an instance, one row per subject; empty when its configuration could not be read. */
  List<SummaryContext.Access> matrix(Instance instance) {
    return matrix.getOrDefault(instance.name(), List.of());
  }

  // ---- KES ----------------------------------------------------------------------------------------------------

  private void kes(Instance instance, String file, String text, Certificates certificates) {
    KesAccess access;
    try {
      access = KesChartValues.access(text, instance.kes().version());
    } catch (AccessModelException e) {
      add(file, "instance " + instance.name() + ": the KES access model cannot read server.config: " + e.getMessage());
      return;
    }
    String where = "instance " + instance.name();
    if (!access.problems().isEmpty()) {
      add(file, where + ": KES " + instance.kes().version() + " would not start with (or would misread) server.config: "
          + String.join("; ", access.problems()));
      return;
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
      String identity = certificates.outcome(CertificateId.client(instance, tenant)).identity().hex();
      known.add(identity);
      String who = where + ", tenant " + tenant.name() + ", identity " + shortId(identity);
      tenantIsolation(access, file, who, identity, tenant, owners);
      for (String call : MinioKesApi.allowedPaths(tenant.minioVersion(), instance.kes().version(), tenant.keys())) {
        KesDecision d = access.decide(identity, call);
        if (!d.allowed()) {
          add(file, who + ": cannot call " + call + ", which MinIO " + tenant.minioVersion().tag() + " calls ("
              + d.reason() + ")");
        }
      }
      rows.add(row(Optional.of(tenant.name()), false, access, identity, tenant.keys()));
    }
    Optional<String> provisioner = certificates.find(CertificateId.provisioner(instance)).map(o -> o.identity().hex());
    if (provisioner.isPresent()) {
      known.add(provisioner.get());
      provisioner(instance, access, file, provisioner.get(), owners);
      rows.add(row(Optional.empty(), true, access, provisioner.get(), reachable(access, provisioner.get(), owners)));
    }
    String admin = access.admin().filter(a -> !a.equals(KesSettings.DISABLED)).orElse(KesSettings.DISABLED);
    if (!admin.equals(instance.kes().adminIdentity())) {
      add(file, where + ": the admin identity is " + admin + ", but the topology's kes.adminIdentity is "
          + instance.kes().adminIdentity() + "; the admin may do everything");
    }
    rows.add(new SummaryContext.Access(Optional.empty(), false, true,
        admin.equals(KesSettings.DISABLED) ? Optional.empty() : Optional.of(shortId(admin)), List.of(), List.of()));
    for (KesAccessPolicy policy : access.policies()) {
      for (String identity : policy.identities()) {
        if (!identity.isEmpty() && !known.contains(identity) && !identity.equals(admin)) {
          add(file, where + ": policy '" + policy.name() + "' names the identity " + shortId(identity)
              + ", which is no certificate or API key of this instance's tenants or provisioner");
        }
      }
    }
    matrix.put(instance.name(), rows);
  }

  private void tenantIsolation(KesAccess access, String file, String who, String identity, Tenant tenant,
      Map<String, String> owners) {
    Set<String> own = new HashSet<>(tenant.keys());
    Set<String> tried = new HashSet<>();
    for (String key : tenant.keys()) {
      for (String name : List.of(key + "-x", key + "x", key + "*", key + "/x")) {
        for (String api : KEY_APIS) {
          refuse(access, file, who, identity, KEY_API + api + "/" + name, owners, tried);
        }
      }
    }
    KEY_APIS.forEach(api -> refuse(access, file, who, identity, KEY_API + api + "/*", owners, tried));
    ADMIN_APIS.forEach(path -> refuse(access, file, who, identity, path, owners, tried));
    Optional<KesAccessPolicy> policy = access.policyOf(identity);
    if (policy.isEmpty()) {
      return; // reaches nothing; completeness says so
    }
    for (String pattern : policy.get().allow()) {
      if (access.matcher().isLiteral(pattern)) {
        // it reaches only the path it names: another key's, or a key-less API (those that matter are tried above)
        Optional<String> name = keyName(pattern);
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
        for (String api : KEY_APIS) {
          if (refuse(access, file, who, identity, KEY_API + api + "/" + key.getKey(), owners, tried)) {
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
    Optional<String> name = keyName(request);
    String what = name.map(n -> owners.containsKey(n) ? "a key of tenant " + owners.get(n) : "a key not its own")
        .orElse("an admin API");
    add(file, who + ": may call " + request + ", " + what + " (" + d.reason() + ")");
    return true;
  }

  private void provisioner(Instance instance, KesAccess access, String file, String identity,
      Map<String, String> owners) {
    String who = "instance " + instance.name() + ", provisioner, identity " + shortId(identity);
    Set<String> expected = new TreeSet<>();
    if (Provisioning.needed(instance)) {
      Provisioning.keysNobodyElseCreates(instance).forEach(k -> expected.add(KEY_API + "create/" + k));
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
        KEY_APIS.forEach(api -> requests.add(KEY_API + api + "/" + name));
      }
    }
    KEY_APIS.forEach(api -> requests.add(KEY_API + api + "/*"));
    requests.addAll(SERVICE_APIS);
    requests.addAll(ADMIN_APIS);
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
  private static List<String> reachable(KesAccess access, String identity, Map<String, String> owners) {
    Optional<KesAccessPolicy> policy = access.policyOf(identity);
    if (policy.isEmpty()) {
      return List.of();
    }
    if (policy.get().allow().stream().anyMatch(p -> !access.matcher().isLiteral(p))) {
      return List.copyOf(owners.keySet());
    }
    Set<String> named = new HashSet<>();
    policy.get().allow().forEach(p -> keyName(p).ifPresent(named::add));
    return owners.keySet().stream().filter(named::contains).toList();
  }

  /** One row of the matrix: which key APIs on which of these keys, then the key-less APIs. */
  private static SummaryContext.Access row(Optional<String> tenant, boolean provisioner, KesAccess access,
      String identity, List<String> keys) {
    Map<List<String>, List<String>> keysByApis = new LinkedHashMap<>();
    for (String key : keys) {
      List<String> apis = new ArrayList<>();
      for (String api : KEY_APIS) {
        String request = KEY_API + api + "/" + key;
        if (access.decide(identity, request).allowed() && !access.refusesKeyName(request)) {
          apis.add(api);
        }
      }
      if (!apis.isEmpty()) {
        keysByApis.computeIfAbsent(List.copyOf(apis), a -> new ArrayList<>()).add(key);
      }
    }
    List<SummaryContext.KeyGrant> grants = new ArrayList<>();
    keysByApis.forEach((apis, names) -> grants.add(new SummaryContext.KeyGrant(apis, List.copyOf(names))));
    List<String> service = SERVICE_APIS.stream().filter(p -> access.decide(identity, p).allowed()).toList();
    return new SummaryContext.Access(tenant, provisioner, false, Optional.of(shortId(identity)), List.copyOf(grants),
        service);
  }

  /** The key name of a key API path, for {@code /v1/key/<api>/<name>}. */
  private static Optional<String> keyName(String path) {
    if (!path.startsWith(KEY_API)) {
      return Optional.empty();
    }
    String rest = path.substring(KEY_API.length());
    if (rest.startsWith("bulk/decrypt/")) {
      return Optional.of(rest.substring("bulk/decrypt/".length()));
    }
    int slash = rest.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(rest.substring(slash + 1));
  }

  // ---- Vault --------------------------------------------------------------------------------------------------

  private void vault(Topology topology, Instance instance, String file, String text) {
    String where = "instance " + instance.name() + ", Vault policy " + instance.vaultName();
    VaultAcl acl;
    try {
      // the AppRole attaches no default policy (token_no_default_policy), so this file is all the token has
      acl = VaultAcl.of(List.of(VaultAclPolicy.parse(instance.vaultName(), text)));
    } catch (AccessModelException e) {
      add(file, where + ": the Vault access model cannot read it: " + e.getMessage());
      return;
    }
    VaultPolicy needed = VaultPolicy.of(topology.vault(), instance);
    List<String> trees = new ArrayList<>();
    List<String> keys = instance.tenants().stream().flatMap(t -> t.keys().stream()).distinct().toList();
    Set<String> expectedPatterns = new HashSet<>();
    needed.rules().forEach(r -> expectedPatterns.add(r.pattern()));
    if (acl.rules().keySet().equals(expectedPatterns) && !keys.isEmpty()) {
      keys = List.of(keys.get(0)); // the same rule decides every key, so one key says it for all
    }
    for (PathRule rule : needed.rules()) {
      Set<String> caps = Set.copyOf(rule.capabilities());
      if (!rule.pattern().endsWith("/*")) {
        exactly(acl, file, where, rule.pattern(), caps, "KES renews its token there");
        continue;
      }
      String tree = rule.pattern().substring(0, rule.pattern().length() - 1);
      trees.add(tree);
      for (String key : keys) {
        if (!exactly(acl, file, where, tree + key, caps, "the capabilities KES needs for a key")) {
          break; // one key says it; the rest would repeat it
        }
      }
      if (caps.contains("list")) {
        VaultDecision list = acl.decide(tree, "list");
        if (!list.allowed()) {
          add(file, where + ": KES cannot list its keys at " + tree + " (" + list.reason() + ")");
        }
      }
    }
    for (Map.Entry<String, Set<String>> rule : acl.rules().entrySet()) {
      String pattern = rule.getKey();
      boolean grants = !rule.getValue().isEmpty() && !rule.getValue().contains("deny");
      if (!grants || pattern.equals(VaultPolicy.RENEW_SELF) || trees.stream().anyMatch(pattern::startsWith)) {
        continue;
      }
      add(file, where + ": rule \"" + pattern + "\" grants " + new TreeSet<>(rule.getValue())
          + " outside the instance's keys (" + String.join(", ", trees.stream().map(t -> t + "*").toList()) + ")"
          + sibling(topology, instance, acl).map(s -> ", reaching " + s).orElse(""));
    }
  }

  /**
   * The policy of {@code kesgen vault plan}: read and list only (a CI token with it must change nothing), nothing
   * beyond the paths the plan reads (a read elsewhere could reach keys), and every read the plan makes allowed.
   */
  private void planPolicy(Topology topology, String text) {
    String file = OutputLayout.VAULT_PLAN_POLICY;
    String where = "Vault policy " + PlanPolicy.NAME;
    VaultAclPolicy policy;
    try {
      policy = VaultAclPolicy.parse(PlanPolicy.NAME, text);
    } catch (AccessModelException e) {
      add(file, where + ": the Vault access model cannot read it: " + e.getMessage());
      return;
    }
    Map<String, Set<String>> reads = new LinkedHashMap<>();
    PlanPolicy.rules(topology.vault()).forEach(r -> reads.put(r.path(), Set.copyOf(r.capabilities())));
    VaultAcl acl = VaultAcl.of(List.of(policy));
    for (Map.Entry<String, Set<String>> rule : acl.rules().entrySet()) {
      Set<String> extra = new TreeSet<>(rule.getValue());
      extra.remove("deny");
      extra.removeAll(reads.getOrDefault(rule.getKey(), Set.of()));
      Set<String> writes = new TreeSet<>(extra);
      writes.removeAll(Set.of("read", "list"));
      if (!writes.isEmpty()) {
        add(file, where + ": rule \"" + rule.getKey() + "\" grants " + writes + "; the plan's token may only read"
            + " and list");
      } else if (!extra.isEmpty()) {
        add(file, where + ": rule \"" + rule.getKey() + "\" grants " + extra + " where kesgen vault plan reads nothing"
            + " (it might reach keys or secrets); the policy grants exactly what the plan reads");
      }
    }
    for (PlanPolicy.Rule rule : PlanPolicy.rules(topology.vault())) {
      String path = rule.path().replace("+", "kes-x").replace("*", "x");
      for (String capability : rule.capabilities()) {
        VaultDecision d = acl.decide(path, capability);
        if (!d.allowed()) {
          add(file, where + ": kesgen vault plan cannot " + capability + " " + path + " (" + d.reason() + ")");
        }
      }
    }
  }

  /** Whether the path has exactly these capabilities; a finding naming the deciding rule otherwise. */
  private boolean exactly(VaultAcl acl, String file, String where, String path, Set<String> expected, String why) {
    List<String> wrong = new ArrayList<>();
    for (String capability : new TreeSet<>(VaultAclRule.CAPABILITIES)) {
      if (capability.equals("deny")) {
        continue;
      }
      VaultDecision d = acl.decide(path, capability);
      if (d.allowed() != expected.contains(capability)) {
        wrong.add(d.reason());
      }
    }
    if (wrong.isEmpty()) {
      return true;
    }
    add(file, where + ": " + path + " must have exactly " + new TreeSet<>(expected) + " (" + why + "): "
        + String.join("; ", new LinkedHashSet<>(wrong)));
    return false;
  }

  /** Another instance's key this ACL reaches, for a message; searched only once a rule is already wrong. */
  private static Optional<String> sibling(Topology topology, Instance instance, VaultAcl acl) {
    for (Instance other : topology.instances()) {
      if (other.name().equals(instance.name())) {
        continue;
      }
      for (PathRule rule : VaultPolicy.of(topology.vault(), other).rules()) {
        if (!rule.pattern().endsWith("/*") || other.tenants().isEmpty()) {
          continue;
        }
        String path = rule.pattern().substring(0, rule.pattern().length() - 1)
            + other.tenants().get(0).keys().get(0);
        Set<String> caps = acl.capabilities(path);
        if (!caps.contains("deny")) {
          return Optional.of("instance " + other.name() + "'s key " + path + " " + new TreeSet<>(caps));
        }
      }
    }
    return Optional.empty();
  }

  private void add(String file, String message) {
    findings.add(new Finding(Finding.Kind.ACCESS, file, message));
  }

  /** An identity as a message shows it: the first 12 hex digits. */
  static String shortId(String identity) {
    return identity.length() > 12 ? identity.substring(0, 12) + "…" : identity;
  }
}

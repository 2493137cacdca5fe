package dev.kesgen.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.live.LiveObject.Status;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan against a stand-in for Vault's API: which request each object makes and what each answer means. */
class VaultPlannerTest {
  static final String TOPOLOGY = """
      version: 1
      vault:
        endpoint: http://vault.example.org:8200
        allowPlaintextHttp: true
        kv: { mount: kms, version: 2 }
        pathPrefix: minio
        approle: { tokenBoundCidrs: [10.0.0.0/8] }
      defaults:
        kes: { version: 2025-03-12T09-35-18Z }
        tenant: { chart: minio, minioVersion: RELEASE.2025-10-15T17-29-55Z }
      instances:
        - name: alpha
          namespace: kes-alpha
          tenants: [{ name: gecko, namespace: minio-gecko }]
        - name: beta
          namespace: kes-beta
          tenants: [{ name: lizard, namespace: minio-lizard }]
      """;

  final Topology topology = load();
  final Desired desired = new Desired(topology, Map.of("kes-alpha", policy("alpha"), "kes-beta", policy("beta")),
      Map.of("kes-alpha", role("kes-alpha"), "kes-beta", role("kes-beta")));
  final FakeVault vault = new FakeVault();

  static Topology load() {
    try {
      return TopologyLoader.parse(TOPOLOGY, Path.of("topology.yaml"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String policy(String instance) {
    return "path \"kms/data/minio/" + instance + "/*\" { capabilities = [\"create\", \"read\"] }\n"
        + "path \"kms/metadata/minio/" + instance + "/*\" { capabilities = [\"list\"] }\n"
        + "path \"auth/token/renew-self\" { capabilities = [\"update\"] }\n";
  }

  static Map<String, Object> role(String name) {
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("token_policies", List.of(name));
    role.put("token_no_default_policy", true);
    role.put("token_period", 86400);
    role.put("token_bound_cidrs", List.of("10.0.0.0/8"));
    return role;
  }

  /** A Vault holding exactly what the topology generates, which a test then changes. */
  static final class FakeVault implements VaultApi {
    final Map<String, VaultApi.Answer> gets = new HashMap<>();
    final Map<String, VaultApi.Answer> lists = new HashMap<>();
    final List<String> requests = new ArrayList<>();

    FakeVault() {
      gets.put("auth/token/lookup-self", ok(Map.of("id", "x")));
      gets.put("sys/mounts/kms", ok(Map.of("type", "kv", "options", Map.of("version", "2"))));
      gets.put("sys/auth", ok(Map.of("approle/", Map.of("type", "approle"), "token/", Map.of("type", "token"))));
      for (String i : List.of("alpha", "beta")) {
        gets.put("sys/policies/acl/kes-" + i, ok(Map.of("name", "kes-" + i, "policy", policy(i))));
        Map<String, Object> live = new HashMap<>(role("kes-" + i));
        live.put("token_ttl", 0);
        live.put("token_type", "default");
        gets.put("auth/approle/role/kes-" + i, ok(live));
      }
      lists.put("sys/policies/acl", ok(Map.of("keys", List.of("default", "kes-alpha", "kes-beta", "root"))));
      lists.put("auth/approle/role", ok(Map.of("keys", List.of("kes-alpha", "kes-beta", "other-app"))));
    }

    static VaultApi.Answer ok(Map<String, Object> data) {
      return new VaultApi.Answer(200, Map.of("data", data));
    }

    static VaultApi.Answer error(int status, String message) {
      return new VaultApi.Answer(status, Map.of("errors", List.of(message)));
    }

    @Override
    public Answer get(String path) {
      requests.add("GET " + path);
      return gets.getOrDefault(path, new Answer(404, Map.of("errors", List.of())));
    }

    @Override
    public Answer list(String path) {
      requests.add("LIST " + path);
      return lists.getOrDefault(path, new Answer(404, Map.of("errors", List.of())));
    }
  }

  LivePlan plan() throws LiveVaultException {
    return VaultPlanner.plan(desired, vault, "http://vault.example.org:8200");
  }

  static String line(LivePlan plan, String name) {
    return plan.lines().stream().filter(l -> l.contains(" " + name + ": ")).findFirst().orElseThrow();
  }

  @Test
  void aVaultHoldingWhatTheTopologyGeneratesIsInSyncObjectByObject() throws Exception {
    LivePlan plan = plan();

    assertThat(plan.inSync()).isTrue();
    assertThat(plan.lines()).containsExactly(
        "Vault http://vault.example.org:8200:",
        "  = kv mount kms/: in sync",
        "  = auth mount approle/: in sync",
        "  = policy kes-alpha: in sync",
        "  = AppRole role kes-alpha: in sync",
        "  = policy kes-beta: in sync",
        "  = AppRole role kes-beta: in sync",
        "Vault plan: 6 in sync, 0 will change, 0 missing, 0 not managed, 0 unreadable.");
    // reads only, and only the paths of the generated read-only policy
    assertThat(vault.requests).containsExactly("GET auth/token/lookup-self", "GET sys/mounts/kms", "GET sys/auth",
        "GET sys/policies/acl/kes-alpha", "GET auth/approle/role/kes-alpha", "GET sys/policies/acl/kes-beta",
        "GET auth/approle/role/kes-beta", "LIST sys/policies/acl", "LIST auth/approle/role");
  }

  @Test
  void aWidenedPolicySaysWhatItReachesBeyondTheInstancesKeys() throws Exception {
    vault.gets.put("sys/policies/acl/kes-alpha", FakeVault.ok(Map.of("policy",
        policy("alpha").replace("kms/data/minio/alpha/*", "kms/*"))));

    LivePlan plan = plan();

    assertThat(plan.drifted()).isTrue();
    LiveObject alpha = plan.objects().get(2);
    assertThat(alpha.status()).isEqualTo(Status.WILL_CHANGE);
    assertThat(alpha.changes()).containsExactly(
        "- path \"kms/*\" { capabilities = [\"create\", \"read\"] }",
        "+ path \"kms/data/minio/alpha/*\" { capabilities = [\"create\", \"read\"] }");
    assertThat(alpha.notes()).containsExactly(
        "beyond its own keys: rule \"kms/*\" grants [create, read] outside kms/data/minio/alpha/*,"
            + " kms/metadata/minio/alpha/*",
        "reaches instance beta's keys: kms/data/minio/beta/lizard [create, read]",
        "reaches instance beta's keys: kms/metadata/minio/beta/lizard [create, read]");
  }

  @Test
  void aLivePolicyTheAccessModelCannotReadIsComparedByLineWithOneNote() throws Exception {
    vault.gets.put("sys/policies/acl/kes-alpha", FakeVault.ok(Map.of("policy",
        policy("alpha") + "path \"kms/+/x\" { capabilities = [\"read\"] max_wrapping_ttl = \"1h\" }\n")));

    LiveObject alpha = plan().objects().get(2);

    assertThat(alpha.status()).isEqualTo(Status.WILL_CHANGE);
    assertThat(alpha.changes()).containsExactly(
        "- path \"kms/+/x\" { capabilities = [\"read\"] max_wrapping_ttl = \"1h\" }");
    assertThat(alpha.notes()).singleElement().asString().startsWith("the live policy is not in the HCL subset");
  }

  @Test
  void aNarrowedPolicySaysWhatKesLoses() throws Exception {
    vault.gets.put("sys/policies/acl/kes-beta", FakeVault.ok(Map.of("policy",
        policy("beta").replace("[\"create\", \"read\"]", "[\"read\"]"))));

    LiveObject beta = plan().objects().get(4);

    assertThat(beta.status()).isEqualTo(Status.WILL_CHANGE);
    assertThat(beta.notes()).singleElement().asString()
        .startsWith("KES loses create on kms/data/minio/beta/lizard (denied: create not granted by rule");
  }

  @Test
  void missingObjectsAndKesNamesTheTopologyNoLongerHas() throws Exception {
    vault.gets.remove("auth/approle/role/kes-beta");
    vault.gets.put("sys/mounts/kms", FakeVault.error(400, "No secret engine mount at kms/"));
    vault.gets.put("sys/auth", FakeVault.ok(Map.of("token/", Map.of("type", "token"))));
    vault.lists.put("sys/policies/acl", FakeVault.ok(Map.of("keys", List.of("kes-alpha", "kes-old", "kesgen-vault-plan"))));

    LivePlan plan = plan();

    assertThat(plan.lines()).contains("  + kv mount kms/: missing", "  + auth mount approle/: missing",
        "  + AppRole role kes-beta: missing", "  - policy kes-old: not managed");
    assertThat(plan.objects()).extracting(LiveObject::name).doesNotContain("kesgen-vault-plan", "other-app");
    assertThat(plan.summary()).isEqualTo("Vault plan: 3 in sync, 0 will change, 3 missing, 1 not managed, 0 unreadable.");
  }

  @Test
  void anObjectTheTokenMayNotReadIsUnreadableNeverInSync() throws Exception {
    vault.gets.put("auth/approle/role/kes-alpha", FakeVault.error(403, "1 error occurred:\n\t* permission denied\n\n"));
    vault.lists.put("auth/approle/role", FakeVault.error(403, "permission denied"));

    LivePlan plan = plan();

    assertThat(plan.inSync()).isFalse();
    assertThat(plan.drifted()).isFalse();
    assertThat(plan.incomplete()).isTrue();
    assertThat(line(plan, "kes-alpha").length()).isPositive();
    LiveObject role = plan.objects().get(3);
    assertThat(role.status()).isEqualTo(Status.UNREADABLE);
    assertThat(role.notes()).containsExactly("the token may not read auth/approle/role/kes-alpha (HTTP 403"
        + " (permission denied)); the policy kesgen-vault-plan allows it");
    assertThat(plan.lines()).contains("  ? AppRole role kes-*: unreadable",
        "      so AppRole roles the topology no longer has are not found");
  }

  @Test
  void aTokenVaultRefusesStopsThePlan() {
    vault.gets.put("auth/token/lookup-self", FakeVault.error(403, "permission denied"));

    assertThatThrownBy(this::plan).isInstanceOf(LiveVaultException.class)
        .hasMessage("Vault refused the token: auth/token/lookup-self answered HTTP 403 (permission denied); it is"
            + " invalid or expired, or may not look itself up (Vault's default policy and kesgen-vault-plan allow that)");
    assertThat(vault.requests).containsExactly("GET auth/token/lookup-self");
  }

  @Test
  void aKvMountOfTheOtherVersionWillChangeAndSaysApplyRefusesIt() throws Exception {
    vault.gets.put("sys/mounts/kms", FakeVault.ok(Map.of("type", "kv", "options", Map.of("version", "1"))));

    LiveObject kv = plan().objects().get(0);

    assertThat(kv.status()).isEqualTo(Status.WILL_CHANGE);
    assertThat(kv.changes()).containsExactly("~ options.version: \"1\" -> \"2\"");
    assertThat(kv.notes()).containsExactly("apply.sh refuses a KV mount of the other version: upgrade it (vault kv"
        + " enable-versioning kms) or set vault.kv.version: 1");
  }

  @Test
  void aKvMountWithoutAVersionIsVersionOne() throws Exception {
    vault.gets.put("sys/mounts/kms", FakeVault.ok(Map.of("type", "kv")));

    assertThat(plan().objects().get(0).changes()).containsExactly("~ options.version: \"1\" -> \"2\"");
  }

  /** alpha logs in with Kubernetes on the mount k8s, beta with AppRole. */
  static final String MIXED = TOPOLOGY.replace("  approle: { tokenBoundCidrs: [10.0.0.0/8] }\n",
      "  approle: { tokenBoundCidrs: [10.0.0.0/8] }\n  kubernetes: { mount: k8s, host: \"https://10.0.0.1:6443\" }\n")
      .replace("  - name: alpha\n", "  - name: alpha\n    vaultAuth: kubernetes\n");

  static Map<String, Object> kubernetesRole(String instance) {
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("bound_service_account_names", List.of("kes-" + instance));
    role.put("bound_service_account_namespaces", List.of("kes-" + instance));
    role.put("token_policies", List.of("kes-" + instance));
    role.put("token_no_default_policy", true);
    return role;
  }

  /** A Vault holding what MIXED generates: alpha's role on the kubernetes mount k8s/, beta's on approle/. */
  static FakeVault mixedVault() {
    FakeVault v = new FakeVault();
    v.gets.remove("auth/approle/role/kes-alpha");
    v.gets.put("auth/k8s/role/kes-alpha", FakeVault.ok(kubernetesRole("alpha")));
    v.gets.put("sys/auth", FakeVault.ok(Map.of("approle/", Map.of("type", "approle"), "k8s/",
        Map.of("type", "kubernetes"), "token/", Map.of("type", "token"))));
    v.lists.put("auth/approle/role", FakeVault.ok(Map.of("keys", List.of("kes-beta", "other-app"))));
    v.lists.put("auth/k8s/role", FakeVault.ok(Map.of("keys", List.of("kes-alpha", "eso-reader"))));
    return v;
  }

  static LivePlan mixedPlan(FakeVault v) throws Exception {
    Topology mixed = TopologyLoader.parse(MIXED, Path.of("topology.yaml"));
    Desired d = new Desired(mixed, Map.of("kes-alpha", policy("alpha"), "kes-beta", policy("beta")),
        Map.of("kes-alpha", kubernetesRole("alpha"), "kes-beta", role("kes-beta")));
    return VaultPlanner.plan(d, v, "http://vault.example.org:8200");
  }

  @Test
  void kubernetesInstancesAreComparedOnTheirMountAndItsStraysAreFound() throws Exception {
    FakeVault v = mixedVault();

    LivePlan plan = mixedPlan(v);

    assertThat(plan.lines()).containsExactly(
        "Vault http://vault.example.org:8200:",
        "  = kv mount kms/: in sync",
        "  = auth mount approle/: in sync",
        "  = auth mount k8s/: in sync",
        "  = policy kes-alpha: in sync",
        "  = kubernetes auth role kes-alpha: in sync",
        "  = policy kes-beta: in sync",
        "  = AppRole role kes-beta: in sync",
        "Vault plan: 7 in sync, 0 will change, 0 missing, 0 not managed, 0 unreadable.");
    assertThat(v.requests).containsExactly("GET auth/token/lookup-self", "GET sys/mounts/kms", "GET sys/auth",
        "GET sys/policies/acl/kes-alpha", "GET auth/k8s/role/kes-alpha", "GET sys/policies/acl/kes-beta",
        "GET auth/approle/role/kes-beta", "LIST sys/policies/acl", "LIST auth/approle/role", "LIST auth/k8s/role");
    // every path the plan read is one the generated read-only policy grants
    List<String> granted = dev.kesgen.vault.PlanPolicy.rules(TopologyLoader.parse(MIXED, Path.of("topology.yaml")))
        .stream().map(r -> r.path()).toList();
    for (String request : v.requests) {
      String path = request.substring(request.indexOf(' ') + 1);
      assertThat(granted).as(request).anyMatch(g -> g.equals(path)
          || g.endsWith("/+") && path.startsWith(g.substring(0, g.length() - 1)) && !path.substring(g.length() - 1).contains("/")
          || g.endsWith("*") && path.startsWith(g.substring(0, g.length() - 1)));
    }
  }

  @Test
  void aRoleLeftOnTheOtherMountAndAStrayKubernetesRoleAreNotManaged() throws Exception {
    FakeVault v = mixedVault();
    // alpha used to log in with AppRole: its old role stays on approle/; kes-old was removed from the topology
    v.lists.put("auth/approle/role", FakeVault.ok(Map.of("keys", List.of("kes-alpha", "kes-beta"))));
    v.lists.put("auth/k8s/role", FakeVault.ok(Map.of("keys", List.of("kes-alpha", "kes-old", "eso-reader"))));

    LivePlan plan = mixedPlan(v);

    assertThat(plan.lines()).contains("  - AppRole role kes-alpha: not managed",
        "  - kubernetes auth role kes-old: not managed");
    assertThat(plan.objects()).extracting(LiveObject::name).doesNotContain("eso-reader", "other-app");
    LiveObject moved = plan.objects().stream().filter(o -> o.kind() == LiveObject.Kind.APPROLE_ROLE
        && o.name().equals("kes-alpha")).findFirst().orElseThrow();
    assertThat(moved.notes()).singleElement().asString().startsWith("its instance now logs in with the other auth method")
        .contains("vault delete auth/approle/role/kes-alpha");
    LiveObject old = plan.objects().stream().filter(o -> o.kind() == LiveObject.Kind.KUBERNETES_ROLE).filter(o ->
        o.name().equals("kes-old")).findFirst().orElseThrow();
    assertThat(old.path()).isEqualTo("auth/k8s/role/kes-old");
    assertThat(old.notes()).singleElement().asString().contains("vault delete auth/k8s/role/kes-old");
  }

  @Test
  void aKubernetesMountOfAnotherTypeOrMissingSaysSo() throws Exception {
    FakeVault v = mixedVault();
    v.gets.put("sys/auth", FakeVault.ok(Map.of("approle/", Map.of("type", "approle"), "k8s/",
        Map.of("type", "jwt"))));
    assertThat(mixedPlan(v).lines()).contains("  ~ auth mount k8s/: will change", "      ~ type: \"jwt\" -> \"kubernetes\"");

    v.gets.put("sys/auth", FakeVault.ok(Map.of("approle/", Map.of("type", "approle"))));
    v.gets.remove("auth/k8s/role/kes-alpha");
    assertThat(mixedPlan(v).lines()).contains("  + auth mount k8s/: missing", "  + kubernetes auth role kes-alpha: missing");
  }

  @Test
  void aTopologyWithoutAppRoleInstancesPlansNoAppRoleMount() throws Exception {
    String onlyKubernetes = MIXED.replace("  - name: beta\n", "  - name: beta\n    vaultAuth: kubernetes\n");
    Topology t = TopologyLoader.parse(onlyKubernetes, Path.of("topology.yaml"));
    FakeVault v = mixedVault();
    v.gets.put("auth/k8s/role/kes-beta", FakeVault.ok(kubernetesRole("beta")));
    v.gets.put("sys/auth", FakeVault.ok(Map.of("k8s/", Map.of("type", "kubernetes"))));
    v.lists.remove("auth/approle/role"); // the AppRole mount is gone too: listing it is a 404, nothing to report
    v.lists.put("auth/k8s/role", FakeVault.ok(Map.of("keys", List.of("kes-alpha", "kes-beta"))));
    Desired d = new Desired(t, Map.of("kes-alpha", policy("alpha"), "kes-beta", policy("beta")),
        Map.of("kes-alpha", kubernetesRole("alpha"), "kes-beta", kubernetesRole("beta")));

    LivePlan plan = VaultPlanner.plan(d, v, "http://vault.example.org:8200");

    assertThat(plan.lines()).noneMatch(l -> l.contains("approle"));
    assertThat(plan.summary()).isEqualTo("Vault plan: 6 in sync, 0 will change, 0 missing, 0 not managed, 0 unreadable.");
    assertThat(plan.lines()).contains("  = auth mount k8s/: in sync", "  = kubernetes auth role kes-beta: in sync");
  }

  static final String ESO = TOPOLOGY.replace("defaults:\n",
      "secrets:\n  sink: externalSecrets\n  externalSecrets: { path: kesgen, store: { kind: SecretStore } }\ndefaults:\n");

  static String readerPolicy(String namespace) {
    return "path \"kms/data/kesgen/" + namespace + "/*\" { capabilities = [\"read\"] }\n";
  }

  /** What Vault answers for a reader's AppRole role as external-secrets/apply.sh writes it: durations in seconds. */
  static Map<String, Object> readerRole(String name) {
    Map<String, Object> role = new HashMap<>();
    role.put("token_policies", List.of(name));
    role.put("token_no_default_policy", true);
    role.put("token_ttl", 3600);
    role.put("token_max_ttl", 3600);
    role.put("secret_id_ttl", 0);
    role.put("secret_id_num_uses", 0);
    role.put("token_bound_cidrs", List.of("10.0.0.0/8"));
    role.put("secret_id_bound_cidrs", List.of());
    role.put("token_type", "default");
    return role;
  }

  /** A Vault with the instances and the SecretStore readers of namespaces kes-alpha and minio-gecko. */
  static FakeVault esoVault() {
    FakeVault v = new FakeVault();
    for (String ns : List.of("kes-alpha", "minio-gecko")) {
      String name = "kesgen-external-secrets-" + ns;
      v.gets.put("sys/policies/acl/" + name, FakeVault.ok(Map.of("name", name, "policy", readerPolicy(ns))));
      v.gets.put("auth/approle/role/" + name, FakeVault.ok(readerRole(name)));
    }
    v.lists.put("sys/policies/acl", FakeVault.ok(Map.of("keys", List.of("default", "kes-alpha", "kes-beta",
        "kesgen-external-secrets-kes-alpha", "kesgen-external-secrets-minio-gecko", "kesgen-external-secrets-writer"))));
    v.lists.put("auth/approle/role", FakeVault.ok(Map.of("keys", List.of("kes-alpha", "kes-beta",
        "kesgen-external-secrets-kes-alpha", "kesgen-external-secrets-minio-gecko"))));
    return v;
  }

  static LivePlan esoPlan(FakeVault v) throws Exception {
    Topology t = TopologyLoader.parse(ESO, Path.of("topology.yaml"));
    Map<String, String> files = new HashMap<>();
    files.put("vault/policies/kes-alpha.hcl", policy("alpha"));
    files.put("vault/policies/kes-beta.hcl", policy("beta"));
    files.put(dev.kesgen.layout.OutputLayout.vaultRole(t.instances().get(0)), "{\"token_policies\": [\"kes-alpha\"], \"token_no_default_policy\": true,"
        + " \"token_period\": 86400, \"token_bound_cidrs\": [\"10.0.0.0/8\"]}");
    files.put(dev.kesgen.layout.OutputLayout.vaultRole(t.instances().get(1)), files.get(dev.kesgen.layout.OutputLayout.vaultRole(t.instances().get(0))).replace("kes-alpha", "kes-beta"));
    for (String ns : List.of("kes-alpha", "minio-gecko")) {
      files.put("external-secrets/" + ns + "/secret-store.yaml", "kind: SecretStore\n");
      files.put("external-secrets/policies/kesgen-external-secrets-" + ns + ".hcl", readerPolicy(ns));
    }
    return VaultPlanner.plan(Desired.of(t, files), v, "http://vault.example.org:8200");
  }

  @Test
  void externalSecretsReadersAreComparedAndTheirStraysFoundButNeverTheWriter() throws Exception {
    FakeVault v = esoVault();

    LivePlan plan = esoPlan(v);

    assertThat(plan.lines()).containsSubsequence(
        "  = policy kesgen-external-secrets-kes-alpha: in sync",
        "  = AppRole role kesgen-external-secrets-kes-alpha: in sync",
        "  = policy kesgen-external-secrets-minio-gecko: in sync",
        "  = AppRole role kesgen-external-secrets-minio-gecko: in sync");
    assertThat(plan.summary()).isEqualTo("Vault plan: 10 in sync, 0 will change, 0 missing, 0 not managed, 0 unreadable.");
    // every path the plan read is one the generated read-only policy grants
    List<String> granted = dev.kesgen.vault.PlanPolicy.rules(TopologyLoader.parse(ESO, Path.of("topology.yaml")))
        .stream().map(r -> r.path()).toList();
    for (String request : v.requests) {
      String path = request.substring(request.indexOf(' ') + 1);
      assertThat(granted).as(request).anyMatch(g -> g.equals(path)
          || g.endsWith("/+") && path.startsWith(g.substring(0, g.length() - 1)) && !path.substring(g.length() - 1).contains("/")
          || g.endsWith("*") && path.startsWith(g.substring(0, g.length() - 1)));
    }

    // a widened reader, a role with another policy, a missing reader and the reader of a namespace that is gone
    v.gets.put("sys/policies/acl/kesgen-external-secrets-kes-alpha", FakeVault.ok(Map.of("policy",
        "path \"kms/data/kesgen/*\" { capabilities = [\"read\"] }\n")));
    Map<String, Object> role = readerRole("kesgen-external-secrets-minio-gecko");
    role.put("token_policies", List.of("kesgen-external-secrets-writer"));
    role.put("token_ttl", 7200);
    v.gets.put("auth/approle/role/kesgen-external-secrets-minio-gecko", FakeVault.ok(role));
    v.gets.remove("auth/approle/role/kesgen-external-secrets-kes-alpha");
    v.lists.put("sys/policies/acl", FakeVault.ok(Map.of("keys", List.of("kes-alpha", "kes-beta",
        "kesgen-external-secrets-kes-alpha", "kesgen-external-secrets-minio-gecko", "kesgen-external-secrets-minio-old",
        "kesgen-external-secrets-writer", "kesgen-vault-plan"))));

    LivePlan drifted = esoPlan(v);

    assertThat(drifted.lines()).contains(
        "  ~ policy kesgen-external-secrets-kes-alpha: will change",
        "  + AppRole role kesgen-external-secrets-kes-alpha: missing",
        "  ~ AppRole role kesgen-external-secrets-minio-gecko: will change",
        "      ~ token_policies: [\"kesgen-external-secrets-writer\"] -> [\"kesgen-external-secrets-minio-gecko\"]",
        "      ~ token_ttl: 7200 -> 3600",
        "  - policy kesgen-external-secrets-minio-old: not managed");
    assertThat(drifted.objects()).extracting(LiveObject::name)
        .doesNotContain("kesgen-external-secrets-writer", "kesgen-vault-plan");
  }
}

package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.EnvironmentException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenListener;
import dev.kesgen.live.LiveObject;
import dev.kesgen.live.LiveObject.Status;
import dev.kesgen.live.LivePlan;
import dev.kesgen.vaultit.Scripts.Run;
import dev.kesgen.vaultit.VaultHttp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code kesgen vault plan} against a real OpenBao ({@code bao server -dev}): after apply.sh everything is in sync;
 * each change made through the real API (a widened policy, an added capability, a dropped CIDR binding, the KV mount
 * remounted as v1, a stray {@code kes-old} policy, a deleted role) is reported exactly, on that object alone, with
 * its exit code; a token that may not read one object gets that object unreadable; and the generated
 * {@code kesgen-vault-plan} policy, written with the real CLI, is enough for the plan and lets its token write
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultPlanTest {
  static final List<String> INSTANCES = List.of("alpha", "beta", "gamma");

  Path work;
  Path project;
  VaultServer server;
  VaultHttp root;
  Scripts scripts;
  GenerateRequest request;
  LivePlan afterApply;

  @BeforeAll
  void startAndGenerate() throws Exception {
    work = Files.createTempDirectory("kesgen-vault-plan-");
    project = Files.createDirectories(work.resolve("project"));
    try (var in = getClass().getResourceAsStream("plan/topology.yaml")) {
      Files.write(project.resolve("topology.yaml"), in.readAllBytes());
    }
    request = GenerateRequest.of(project.resolve("topology.yaml")).withOutputDirectory(project.resolve("generated"))
        .withSecretsDirectory(project.resolve("secrets"))
        .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
    Kesgen.generate(request);
    server = VaultServer.start(work);
    root = new VaultHttp(server.address, server.rootToken);
    scripts = new Scripts(server, work);
    root.ok(root.delete("sys/mounts/secret")); // the dev server's own KV mount is not kesgen's

    Run apply = scripts.sh(project, Map.of(), "generated/vault/apply.sh");
    assertThat(apply.exit()).as(apply.output()).isZero();
    afterApply = plan(server.rootToken);
  }

  /**
   * Every test starts from what apply.sh wrote: the objects a test changes are put back through the API from the
   * generated files (much faster than the CLI), and a stray kes-old policy is removed.
   */
  @BeforeEach
  void asApplied() throws Exception {
    root.delete("sys/policies/acl/kes-old");
    Response kv = root.get("sys/mounts/kes-keys");
    if (kv.status() != 200 || !kv.data().path("options").path("version").asText().equals("2")) {
      root.delete("sys/mounts/kes-keys");
      root.ok(root.post("sys/mounts/kes-keys", Map.of("type", "kv", "options", Map.of("version", "2"))));
    }
    for (String i : INSTANCES) {
      root.ok(root.put("sys/policies/acl/kes-" + i, Map.of("policy", policy(i))));
      root.ok(root.post("auth/kes-approle/role/kes-" + i, VaultHttp.JSON.readValue(
          Files.readString(project.resolve("generated/vault/approles/kes-" + i + ".json")), Map.class)));
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
      assertThat(server.alive()).isFalse();
    }
    if (work != null) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  LivePlan plan(String token) throws Exception {
    return Kesgen.vaultPlan(request, Map.of("BAO_ADDR", server.address, "BAO_TOKEN", token), KesgenListener.NONE);
  }

  /** Every object's status, by "kind name", in plan order. */
  static Map<String, Status> statuses(LivePlan plan) {
    Map<String, Status> statuses = new LinkedHashMap<>();
    plan.objects().forEach(o -> statuses.put(o.kind().words() + " " + o.name(), o.status()));
    return statuses;
  }

  /** The statuses of an applied server, with these changed. */
  static Map<String, Status> inSyncBut(Map<String, Status> changed) {
    Map<String, Status> expected = new LinkedHashMap<>();
    expected.put("kv mount kes-keys/", Status.IN_SYNC);
    expected.put("auth mount kes-approle/", Status.IN_SYNC);
    for (String i : INSTANCES) {
      expected.put("policy kes-" + i, Status.IN_SYNC);
      expected.put("AppRole role kes-" + i, Status.IN_SYNC);
    }
    expected.putAll(changed);
    return expected;
  }

  static LiveObject object(LivePlan plan, String kindAndName) {
    return plan.objects().stream().filter(o -> (o.kind().words() + " " + o.name()).equals(kindAndName)).findFirst()
        .orElseThrow(() -> new AssertionError(kindAndName + " not in " + plan.lines()));
  }

  String policy(String instance) throws Exception {
    return Files.readString(project.resolve("generated/vault/policies/kes-" + instance + ".hcl"));
  }

  @Test
  void afterApplyEveryObjectIsInSyncExitZero() throws Exception {
    LivePlan plan = afterApply; // planned right after apply.sh, before any test changed the server

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of()));
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.lines()).last().isEqualTo("Vault plan: 8 in sync, 0 will change, 0 missing, 0 not managed, 0"
        + " unreadable.");
  }

  @Test
  void theSamePolicyInAnotherOrderAndLayoutIsInSync() throws Exception {
    String text = "path \"auth/token/renew-self\" {capabilities=[\"update\"]}\n"
        + "path \"kes-keys/metadata/minio/alpha/*\" { capabilities = [\"list\"] }\n"
        + "path \"kes-keys/data/minio/alpha/*\" { capabilities = [\"read\", \"create\"] }\n";
    root.ok(root.put("sys/policies/acl/kes-alpha", Map.of("policy", text)));

    assertThat(plan(server.rootToken).exitCode()).isZero();
  }

  @Test
  void aWidenedPolicyWillChangeAndSaysWhichOtherInstancesItReaches() throws Exception {
    root.ok(root.put("sys/policies/acl/kes-alpha", Map.of("policy",
        policy("alpha").replace("kes-keys/data/minio/alpha/*", "kes-keys/data/minio/*"))));

    LivePlan plan = plan(server.rootToken);

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of("policy kes-alpha", Status.WILL_CHANGE)));
    assertThat(plan.exitCode()).isEqualTo(1);
    LiveObject alpha = object(plan, "policy kes-alpha");
    assertThat(alpha.changes()).containsExactly(
        "- path \"kes-keys/data/minio/*\" { capabilities = [\"create\", \"read\"] }",
        "+ path \"kes-keys/data/minio/alpha/*\" { capabilities = [\"create\", \"read\"] }");
    assertThat(alpha.notes()).containsExactly(
        "beyond its own keys: rule \"kes-keys/data/minio/*\" grants [create, read] outside"
            + " kes-keys/data/minio/alpha/*, kes-keys/metadata/minio/alpha/*",
        "reaches instance beta's keys: kes-keys/data/minio/beta/lizard [create, read]",
        "reaches instance gamma's keys: kes-keys/data/minio/gamma/newt [create, read]");
  }

  @Test
  void anAddedCapabilityWillChange() throws Exception {
    root.ok(root.put("sys/policies/acl/kes-beta", Map.of("policy",
        policy("beta").replace("capabilities = [\"list\"]", "capabilities = [\"list\", \"delete\"]"))));

    LivePlan plan = plan(server.rootToken);

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of("policy kes-beta", Status.WILL_CHANGE)));
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(object(plan, "policy kes-beta").changes()).containsExactly(
        "~ path \"kes-keys/metadata/minio/beta/*\": [\"delete\", \"list\"] -> [\"list\"]");
  }

  @Test
  void aDroppedCidrBindingWillChange() throws Exception {
    root.ok(root.post("auth/kes-approle/role/kes-gamma", Map.of("token_bound_cidrs", List.of())));

    LivePlan plan = plan(server.rootToken);

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of("AppRole role kes-gamma",
        Status.WILL_CHANGE)));
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(object(plan, "AppRole role kes-gamma").changes())
        .containsExactly("~ token_bound_cidrs: [] -> [\"127.0.0.0/8\"]");
  }

  @Test
  void aKvMountRemountedAsVersionOneWillChange() throws Exception {
    root.ok(root.delete("sys/mounts/kes-keys"));
    root.ok(root.post("sys/mounts/kes-keys", Map.of("type", "kv", "options", Map.of("version", "1"))));

    LivePlan plan = plan(server.rootToken);

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of("kv mount kes-keys/", Status.WILL_CHANGE)));
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(object(plan, "kv mount kes-keys/").changes()).containsExactly("~ options.version: \"1\" -> \"2\"");
  }

  @Test
  void aStrayKesOldPolicyIsNotManaged() throws Exception {
    root.ok(root.put("sys/policies/acl/kes-old", Map.of("policy", policy("alpha"))));

    LivePlan plan = plan(server.rootToken);

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of("policy kes-old", Status.NOT_MANAGED)));
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(object(plan, "policy kes-old").notes()).containsExactly("no instance of the topology has it; apply.sh"
        + " leaves it: delete it if no KES uses it (vault policy delete kes-old)");
  }

  @Test
  void aDeletedRoleIsMissing() throws Exception {
    root.ok(root.delete("auth/kes-approle/role/kes-beta"));

    LivePlan plan = plan(server.rootToken);

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of("AppRole role kes-beta", Status.MISSING)));
    assertThat(plan.exitCode()).isEqualTo(1);
  }

  /** The generated read-only policy, written as its header says, with the real CLI; a token with it alone. */
  String planToken(String... morePolicies) throws Exception {
    Run write = scripts.sh(project.resolve("generated/vault"), Map.of(), "-c",
        server.flavour + " policy write kesgen-vault-plan policies/kesgen-vault-plan.hcl");
    assertThat(write.exit()).as(write.output()).isZero();
    List<String> policies = new java.util.ArrayList<>(List.of("kesgen-vault-plan"));
    policies.addAll(List.of(morePolicies));
    Response token = root.ok(root.post("auth/token/create", Map.of("policies", policies, "no_default_policy", true,
        "ttl", "10m")));
    assertThat(token.body().path("auth").path("policies").toString()).doesNotContain("default");
    return token.body().path("auth").path("client_token").asText();
  }

  @Test
  void theGeneratedReadOnlyPolicyIsEnoughForThePlan() throws Exception {
    LivePlan plan = plan(planToken());

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of()));
    assertThat(plan.exitCode()).isZero();
  }

  @Test
  void theGeneratedReadOnlyPolicySeesDriftToo() throws Exception {
    root.ok(root.put("sys/policies/acl/kes-old", Map.of("policy", policy("alpha"))));
    root.ok(root.post("auth/kes-approle/role/kes-old", Map.of("token_policies", List.of("kes-old"))));
    try {
      LivePlan plan = plan(planToken());

      Map<String, Status> strays = new LinkedHashMap<>(); // in plan order: stray policies, then stray roles
      strays.put("policy kes-old", Status.NOT_MANAGED);
      strays.put("AppRole role kes-old", Status.NOT_MANAGED);
      assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(strays));
    } finally {
      root.ok(root.delete("auth/kes-approle/role/kes-old"));
    }
  }

  @Test
  void aTokenThatMayNotReadOneObjectGetsThatObjectUnreadable() throws Exception {
    root.ok(root.put("sys/policies/acl/no-gamma-role", Map.of("policy",
        "path \"auth/kes-approle/role/kes-gamma\" { capabilities = [\"deny\"] }")));

    LivePlan plan = plan(planToken("no-gamma-role"));

    assertThat(statuses(plan)).containsExactlyEntriesOf(inSyncBut(Map.of("AppRole role kes-gamma",
        Status.UNREADABLE)));
    assertThat(plan.inSync()).isFalse();
    assertThat(plan.exitCode()).isEqualTo(3);
    assertThat(object(plan, "AppRole role kes-gamma").notes()).singleElement().asString()
        .startsWith("the token may not read auth/kes-approle/role/kes-gamma (HTTP 403 (permission denied))");
  }

  @Test
  void theGeneratedReadOnlyPolicyGrantsNoWrite() throws Exception {
    VaultHttp plan = root.withToken(planToken());
    root.ok(root.post("kes-keys/data/minio/alpha/gecko", Map.of("data", Map.of("bytes", "secret"))));

    List<Response> attempts = List.of(
        plan.put("sys/policies/acl/kes-alpha", Map.of("policy", "path \"*\" { capabilities = [\"sudo\"] }")),
        plan.put("sys/policies/acl/kes-new", Map.of("policy", "path \"*\" { capabilities = [\"read\"] }")),
        plan.delete("sys/policies/acl/kes-beta"),
        plan.put("sys/policies/acl/kesgen-vault-plan", Map.of("policy", "path \"*\" { capabilities = [\"read\"] }")),
        plan.post("auth/kes-approle/role/kes-alpha", Map.of("token_bound_cidrs", List.of())),
        plan.post("auth/kes-approle/role/kes-new", Map.of("token_policies", List.of("root"))),
        plan.delete("auth/kes-approle/role/kes-gamma"),
        plan.post("auth/kes-approle/role/kes-alpha/secret-id", Map.of()),
        plan.get("auth/kes-approle/role/kes-alpha/role-id"),
        plan.post("sys/mounts/other", Map.of("type", "kv")),
        plan.post("sys/mounts/kes-keys/tune", Map.of("options", Map.of("version", "1"))),
        plan.delete("sys/mounts/kes-keys"),
        plan.post("sys/auth/other", Map.of("type", "approle")),
        plan.delete("sys/auth/kes-approle"),
        plan.get("kes-keys/data/minio/alpha/gecko"),
        plan.post("kes-keys/data/minio/alpha/new", Map.of("data", Map.of("bytes", "x"))),
        plan.post("auth/token/create", Map.of("policies", List.of("kes-alpha"))));

    assertThat(attempts).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(403));
    assertThat(plan(server.rootToken).exitCode()).as("nothing changed").isZero();
  }

  @Test
  void aTokenVaultDoesNotKnowStopsThePlan() {
    assertThatThrownBy(() -> plan("s.not-a-token")).isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("Vault refused the token: auth/token/lookup-self answered HTTP 403");
  }
}

package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.vaultit.Scripts.Run;
import dev.kesgen.vaultit.VaultHttp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One topology's generated Vault output against a real server (OpenBao's {@code bao server -dev}, or VAULT_BIN):
 * apply.sh on an empty server and again, bootstrap with rotation, the calls KES makes with the delivered login, and
 * the token and secret id settings. Each subclass starts its own server and stops it afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GeneratedVaultOutputTest {
  Path work;
  VaultServer server;
  VaultHttp root;
  Scripts scripts;
  Deployment deployment;
  Run firstApply;
  Run secondApply;
  Map<String, String> afterFirstApply;
  Map<String, String> afterSecondApply;

  abstract Deployment deployment(Path work) throws Exception;

  @BeforeAll
  void startServerAndApply() throws Exception {
    work = Files.createTempDirectory("kesgen-vault-it-");
    deployment = deployment(work);
    server = VaultServer.start(work);
    root = new VaultHttp(server.address, server.rootToken);
    scripts = new Scripts(server, work);
    // an empty server: the dev server's own KV v2 mount at secret/ goes
    root.ok(root.delete("sys/mounts/secret"));
    firstApply = scripts.sh(deployment.project(), Map.of(), "generated/vault/apply.sh");
    afterFirstApply = serverState();
    secondApply = scripts.sh(deployment.project(), Map.of(), "generated/vault/apply.sh");
    afterSecondApply = serverState();
  }

  @AfterAll
  void stopServer() throws Exception {
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

  /** What apply.sh writes: the mounts, every policy and every role, as the server reports them. */
  Map<String, String> serverState() {
    Map<String, String> state = new TreeMap<>();
    JsonNode mounts = root.ok(root.get("sys/mounts")).data();
    state.put("kv mount", mounts.path(deployment.mount() + "/").path("type").asText() + " "
        + mounts.path(deployment.mount() + "/").path("options"));
    state.put("auth mount", root.ok(root.get("sys/auth")).data().path(deployment.approleMount() + "/").path("type")
        .asText());
    for (String instance : deployment.instances()) {
      state.put("policy " + instance, root.ok(root.get("sys/policies/acl/kes-" + instance)).data().path("policy")
          .asText());
      state.put("role " + instance, root.ok(root.get(rolePath(instance))).data().toString());
    }
    return state;
  }

  String rolePath(String instance) {
    return "auth/" + deployment.approleMount() + "/role/kes-" + instance;
  }

  List<String> instances() {
    return deployment.instances();
  }

  @Test
  void applySucceedsOnAnEmptyServerAndAgainUnchanged() throws Exception {
    assertThat(firstApply.exit()).as(firstApply.output()).isZero();
    assertThat(secondApply.exit()).as(secondApply.output()).isZero();
    assertThat(afterSecondApply).isEqualTo(afterFirstApply);
    assertThat(afterFirstApply.get("kv mount")).isEqualTo("kv {\"version\":\"" + deployment.kvVersion() + "\"}");
    assertThat(afterFirstApply.get("auth mount")).isEqualTo("approle");
    for (String instance : deployment.instances()) {
      assertThat(afterFirstApply.get("policy " + instance))
          .isEqualTo(Files.readString(deployment.script("policies/kes-" + instance + ".hcl")));
      JsonNode role = VaultHttp.JSON.readTree(afterFirstApply.get("role " + instance));
      assertThat(role.path("token_period").asLong()).isEqualTo(deployment.tokenPeriod());
      assertThat(role.path("secret_id_ttl").asLong()).isEqualTo(deployment.secretIdTtl());
      assertThat(role.path("secret_id_num_uses").asLong()).isZero();
      assertThat(role.path("bind_secret_id").asBoolean()).isTrue();
      assertThat(role.path("token_policies").toString()).isEqualTo("[\"kes-" + instance + "\"]");
      assertThat(role.path("token_no_default_policy").asBoolean()).as("no default policy").isTrue();
    }
    // the scripts chose bao (or VAULT_BIN's vault) by themselves and were given only BAO_ADDR and BAO_TOKEN
    assertThat(scripts.commands()).contains(server.flavour + " policy write kes-" + deployment.instances().get(0));
  }

  @Test
  void applyRefusesAKvMountOfTheOtherVersion() throws Exception {
    Path other = Files.createDirectories(work.resolve("other-version"));
    try (VaultServer fresh = VaultServer.start(other)) {
      VaultHttp freshRoot = new VaultHttp(fresh.address, fresh.rootToken);
      freshRoot.ok(freshRoot.delete("sys/mounts/secret"));
      int otherVersion = 3 - deployment.kvVersion();
      freshRoot.ok(freshRoot.post("sys/mounts/" + deployment.mount(),
          Map.of("type", "kv", "options", Map.of("version", String.valueOf(otherVersion)))));

      Run run = new Scripts(fresh, other).sh(deployment.project(),
          Map.of("VAULT_ADDR", fresh.address, "VAULT_TOKEN", fresh.rootToken), "generated/vault/apply.sh");

      assertThat(run.exit()).as(run.output()).isNotZero();
      assertThat(run.output()).contains("mount " + deployment.mount() + "/ is KV version " + otherVersion
          + ", but the topology says " + deployment.kvVersion() + " (vault.kv.version)");
      for (String instance : deployment.instances()) {
        assertThat(freshRoot.get("sys/policies/acl/kes-" + instance).status()).isEqualTo(404);
      }
    }
  }

  /** Runs the instance's bootstrap script and returns the delivered role id and secret id. */
  Map<String, String> bootstrap(String instance, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "generated/vault/bootstrap-" + instance + ".sh";
    System.arraycopy(args, 0, command, 1, args.length);
    Files.deleteIfExists(scripts.state.resolve("applied.yaml"));
    Run run = scripts.sh(deployment.project(), Map.of(), command);
    assertThat(run.exit()).as(run.output()).isZero();
    Map<String, String> secret = scripts.appliedSecret();
    assertThat(secret).containsOnlyKeys("role-id", "secret-id");
    assertThat(run.output() + scripts.commands()).as("output and command lines")
        .doesNotContain(secret.get("role-id"), secret.get("secret-id"));
    assertThat(Files.readString(scripts.state.resolve("applied.yaml")))
        .contains("name: kes-" + instance + "-approle");
    return secret;
  }

  VaultHttp login(String instance, Map<String, String> secret) {
    Response login = KesClient.login(root, deployment.approleMount(), secret.get("role-id"), secret.get("secret-id"));
    root.ok(login);
    assertThat(login.body().path("auth").path("policies").toString()).isEqualTo("[\"kes-" + instance + "\"]");
    // the secret id's metadata names its instance, and Vault copies it into the token (audit logs show the owner)
    assertThat(login.body().path("auth").path("metadata").path("kes_instance").asText()).isEqualTo(instance);
    return root.withToken(login.body().path("auth").path("client_token").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instances")
  void bootstrapDeliversALoginWithExactlyTheCapabilitiesKesNeeds(String instance) throws Exception {
    VaultHttp kes = login(instance, bootstrap(instance));

    Checks.leastPrivilege(deployment, instance, kes, root);
    Checks.kesCalls(deployment, instance, kes, root);
  }

  @Test
  void rotationDeliversANewSecretIdAndTheOldOneNoLongerLogsIn() throws Exception {
    String instance = deployment.instances().get(0);
    Map<String, String> first = bootstrap(instance);
    login(instance, first);

    // the Secret exists: without --rotate nothing changes
    Files.writeString(scripts.state.resolve("applied.yaml"), "kept");
    Run again = scripts.sh(deployment.project(), Map.of(), "generated/vault/bootstrap-" + instance + ".sh");
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).contains("nothing to do");
    assertThat(Files.readString(scripts.state.resolve("applied.yaml"))).isEqualTo("kept");

    Files.writeString(scripts.state.resolve("applied.yaml"), "kept");
    Run rotate = scripts.sh(deployment.project(), Map.of(), "generated/vault/bootstrap-" + instance + ".sh",
        "--rotate");
    assertThat(rotate.exit()).as(rotate.output()).isZero();
    Map<String, String> second = scripts.appliedSecret();
    assertThat(rotate.output() + scripts.commands()).doesNotContain(second.get("secret-id"), second.get("role-id"));
    assertThat(second.get("role-id")).isEqualTo(first.get("role-id"));
    assertThat(second.get("secret-id")).isNotEqualTo(first.get("secret-id"));

    Response old = KesClient.login(root, deployment.approleMount(), first.get("role-id"), first.get("secret-id"));
    assertThat(old.status()).as("login with the old secret id: %s", old).isIn(400, 403);
    login(instance, second);
    Response accessors = root.call("LIST", rolePath(instance) + "/secret-id", null);
    assertThat(accessors.data().path("keys").size()).as("%s", accessors).isEqualTo(1);
  }

  @Test
  void theTokenHasTheTopologysPeriodAndRenews() throws Exception {
    String instance = deployment.instances().get(deployment.instances().size() - 1);
    VaultHttp kes = login(instance, bootstrap(instance));
    KesClient client = new KesClient(kes, deployment.mount(), deployment.location(instance), deployment.kvVersion());

    // KES never looks its token up (it only renews it), so the token may not: root looks it up instead
    assertThat(kes.get("auth/token/lookup-self").status()).isEqualTo(403);
    JsonNode self = root.ok(root.post("auth/token/lookup", Map.of("token", kes.token))).data();
    assertThat(self.path("period").asLong()).isEqualTo(deployment.tokenPeriod());
    assertThat(self.path("renewable").asBoolean()).isTrue();
    assertThat(self.path("ttl").asLong()).isBetween(deployment.tokenPeriod() - 60, deployment.tokenPeriod());
    for (long increment : new long[] {0, self.path("ttl").asLong()}) { // K25 renews with 0, K13 with the TTL
      Response renewed = kes.ok(client.renew(increment));
      assertThat(renewed.body().path("auth").path("lease_duration").asLong()).as("%s", renewed)
          .isEqualTo(deployment.tokenPeriod());
      assertThat(renewed.body().path("auth").path("renewable").asBoolean()).isTrue();
    }
  }

  @Test
  void theSecretIdHasTheTopologysTtlAndUnlimitedUses() throws Exception {
    String instance = deployment.instances().get(deployment.instances().size() - 1);
    Map<String, String> secret = bootstrap(instance);

    JsonNode lookup = root.ok(root.post(rolePath(instance) + "/secret-id/lookup",
        Map.of("secret_id", secret.get("secret-id")))).data();
    assertThat(lookup.path("secret_id_ttl").asLong()).isEqualTo(deployment.secretIdTtl());
    assertThat(lookup.path("secret_id_num_uses").asLong()).isZero();
    OffsetDateTime created = OffsetDateTime.parse(lookup.path("creation_time").asText());
    OffsetDateTime expires = OffsetDateTime.parse(lookup.path("expiration_time").asText());
    if (deployment.secretIdTtl() == 0) {
      assertThat(expires.getYear()).as("never expires: %s", lookup).isEqualTo(1);
    } else {
      assertThat(java.time.Duration.between(created, expires).getSeconds()).isEqualTo(deployment.secretIdTtl());
    }
    // KES logs in again with the same secret id whenever renewal fails: it never runs out of uses
    for (int i = 0; i < 5; i++) {
      login(instance, secret);
    }
    assertThat(root.ok(root.post(rolePath(instance) + "/secret-id/lookup",
        Map.of("secret_id", secret.get("secret-id")))).data().path("secret_id_num_uses").asLong()).isZero();
  }
}

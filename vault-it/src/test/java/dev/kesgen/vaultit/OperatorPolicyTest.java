package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.vaultit.Scripts.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generated operator policy {@code vault/policies/kesgen-operator.hcl} against a real server: a token with only
 * that policy (no default policy) runs apply.sh on an empty server, again with "no changes", and every bootstrap
 * script with and without --rotate; the server itself says the token may do nothing beyond (no KES key, no other
 * policy, role, auth method or mount, no token of its own making). apply.sh checks the token first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorPolicyTest {
  private Path work;
  private VaultServer server;
  private VaultHttp root;
  private Scripts scripts;
  private Deployment deployment;
  private String token;

  @BeforeAll
  void start() throws Exception {
    work = Files.createTempDirectory("kesgen-operator-it-");
    deployment = Deployment.kv2(work, null);
    server = VaultServer.start(work);
    root = new VaultHttp(server.address, server.rootToken);
    scripts = new Scripts(server, work);
    root.ok(root.delete("sys/mounts/secret")); // an empty server
    String policy = Files.readString(deployment.script("policies/kesgen-operator.hcl"));
    root.ok(root.put("sys/policies/acl/kesgen-operator", Map.of("policy", policy)));
    token = root.ok(root.post("auth/token/create", Map.of("policies", List.of("kesgen-operator"),
        "no_default_policy", true, "ttl", "1h"))).body().path("auth").path("client_token").asText();
    assertThat(token).isNotEmpty();
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

  private Map<String, String> as(String tokenValue) {
    return Map.of("BAO_ADDR", server.address, "BAO_TOKEN", tokenValue);
  }

  @Test
  void applyAndBootstrapRunWithOnlyThePolicyAndSayWhenNothingChanged() throws Exception {
    Run first = scripts.sh(deployment.project(), as(token), "generated/vault/apply.sh");
    Run second = scripts.sh(deployment.project(), as(token), "generated/vault/apply.sh");

    assertThat(first.exit()).as(first.output()).isZero();
    for (String instance : deployment.instances()) {
      assertThat(first.output()).contains("policy kes-" + instance + ": written")
          .contains("role auth/" + deployment.approleMount() + "/role/kes-" + instance + ": written");
      assertThat(root.ok(root.get("sys/policies/acl/kes-" + instance)).data().path("policy").asText())
          .isEqualTo(Files.readString(deployment.script("policies/kes-" + instance + ".hcl")));
    }
    assertThat(first.output()).doesNotContain("no changes");
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output().trim()).isEqualTo("no changes: every mount, policy and AppRole role was already as"
        + " written here");

    // a policy changed behind kesgen's back is written again, and said so
    String changed = deployment.instances().get(0);
    root.ok(root.put("sys/policies/acl/kes-" + changed, Map.of("policy",
        "path \"auth/token/renew-self\" { capabilities = [\"update\"] }")));
    Run third = scripts.sh(deployment.project(), as(token), "generated/vault/apply.sh");
    assertThat(third.exit()).as(third.output()).isZero();
    assertThat(third.output().trim()).isEqualTo("policy kes-" + changed + ": written");

    for (String instance : deployment.instances()) {
      String bootstrap = "generated/vault/bootstrap-" + instance + ".sh";
      Files.deleteIfExists(scripts.state.resolve("applied.yaml"));
      Run created = scripts.sh(deployment.project(), as(token), bootstrap);
      assertThat(created.exit()).as(created.output()).isZero();
      assertThat(scripts.appliedSecret()).containsOnlyKeys("role-id", "secret-id");
      Run rotated = scripts.sh(deployment.project(), as(token), bootstrap, "--rotate");
      assertThat(rotated.exit()).as(rotated.output()).isZero();
      assertThat(root.ok(root.call("LIST", "auth/" + deployment.approleMount() + "/role/kes-" + instance
          + "/secret-id", null)).data().path("keys").size()).as("older secret ids destroyed").isEqualTo(1);
    }
  }

  @Test
  void thePolicyGrantsNothingBeyondWhatTheScriptsCall() {
    String mount = deployment.mount();
    String approle = deployment.approleMount();
    String own = deployment.instances().get(0);
    Map<String, TreeSet<String>> expected = new LinkedHashMap<>();
    // what the scripts call, exactly
    expected.put("sys/policies/acl/kes-" + own, Deployment.set("read", "update"));
    expected.put("auth/" + approle + "/role/kes-" + own, Deployment.set("create", "read", "update"));
    expected.put("auth/" + approle + "/role/kes-" + own + "/secret-id", Deployment.set("list", "update"));
    expected.put("sys/auth/" + approle, Deployment.set("sudo", "update"));
    expected.put("sys/mounts/" + mount, Deployment.set("read", "update"));
    // no KES key, in either KV version's layout
    for (String path : List.of(mount + "/data/" + deployment.location(own) + "/gecko",
        mount + "/metadata/" + deployment.location(own) + "/gecko", mount + "/" + deployment.location(own) + "/gecko",
        mount + "/config", mount + "/")) {
      expected.put(path, Deployment.set("deny"));
    }
    // no other policy (its own included), role, auth method or mount, and no tokens of its own making
    for (String path : List.of("sys/policies/acl/kesgen-operator", "sys/policies/acl/root", "sys/policies/acl/kes-x",
        "sys/policies/acl/default", "auth/" + approle + "/role/kes-x", "auth/" + approle + "/role/other",
        "auth/" + approle + "/role/kes-" + own + "/secret-id/lookup", "auth/" + approle + "/login",
        "sys/auth/userpass", "sys/auth/token", "sys/mounts/other", "sys/mounts/cubbyhole", "auth/token/create",
        "auth/token/create-orphan", "sys/capabilities", "sys/audit", "cubbyhole/x", "identity/entity")) {
      expected.put(path, Deployment.set("deny"));
    }

    Map<String, TreeSet<String>> actual = root.capabilitiesOf(root.withToken(token),
        new java.util.ArrayList<>(expected.keySet()));

    assertThat(actual).as("capabilities of a kesgen-operator token (sys/capabilities)").isEqualTo(expected);
  }

  @Test
  void applyChecksTheTokenFirstWithAClearMessage() throws Exception {
    Scripts fresh = new Scripts(server, Files.createDirectories(work.resolve("bogus")));
    Run bogus = fresh.sh(deployment.project(), as("not-a-token"), "generated/vault/apply.sh");

    assertThat(bogus.exit()).isNotZero();
    assertThat(bogus.output()).startsWith("the Vault token is missing, expired or not accepted at " + server.address
        + ": set VAULT_TOKEN (or BAO_TOKEN) to a token with the policy in vault/policies/kesgen-operator.hcl");
    assertThat(fresh.commands()).as("nothing after the token lookup")
        .isEqualTo(server.flavour + " token lookup\n");
  }
}

package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kesgen vault plan} from the jar: its exit codes (0 in sync, 1 drift, 3 unreachable, refused token,
 * unreadable object or plain http refused) and its JSON, against a stand-in for Vault's API ({@link VaultStub}); the
 * real OpenBao is the vault-it module's {@code VaultPlanTest}.
 */
class VaultPlanIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  VaultStub vault;

  @BeforeEach
  void generatedAndServed() throws IOException {
    Jar.project(dir);
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, Files.readString(topology).replace("endpoint: https://vault.example.org:8200",
        "endpoint: http://vault.example.org:8200\n  allowPlaintextHttp: true"));
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();
    vault = new VaultStub();
    vault.data("GET", "auth/token/lookup-self", "{\"policies\":[\"kesgen-vault-plan\"]}");
    vault.data("GET", "sys/mounts/secret", "{\"type\":\"kv\",\"options\":{\"version\":\"1\"}}");
    vault.data("GET", "sys/auth", "{\"approle/\":{\"type\":\"approle\"},\"token/\":{\"type\":\"token\"}}");
    vault.data("GET", "sys/policies/acl/kes-dev", "{\"name\":\"kes-dev\",\"policy\":"
        + JSON.writeValueAsString(Files.readString(dir.resolve("generated/vault/policies/kes-dev.hcl"))) + "}");
    vault.data("GET", "auth/approle/role/kes-dev",
        Files.readString(dir.resolve("generated/vault/approles/kes-dev.json")));
    vault.data("LIST", "sys/policies/acl", "{\"keys\":[\"default\",\"kes-dev\",\"root\"]}");
    vault.data("LIST", "auth/approle/role", "{\"keys\":[\"kes-dev\"]}");
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  Jar.Run plan(String address, String token, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "vault";
    args[1] = "plan";
    args[2] = "--clock=" + CLOCK;
    System.arraycopy(more, 0, args, 3, more.length);
    return Jar.runWithEnvironment(dir, Map.of("BAO_ADDR", address, "VAULT_TOKEN", token), args);
  }

  @Test
  void aVaultHoldingTheGeneratedObjectsIsInSyncExitZero() {
    Jar.Run run = plan(vault.address(), VaultStub.TOKEN);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("Vault " + vault.address() + ":\n"
        + "  = kv mount secret/: in sync\n"
        + "  = auth mount approle/: in sync\n"
        + "  = policy kes-dev: in sync\n"
        + "  = AppRole role kes-dev: in sync\n"
        + "Vault plan: 4 in sync, 0 will change, 0 missing, 0 not managed, 0 unreadable.\n");
    assertThat(vault.requests).allMatch(r -> r.startsWith("GET ") || r.startsWith("LIST "));
    assertThat(run.stdout() + run.stderr()).doesNotContain(VaultStub.TOKEN);
  }

  @Test
  void driftIsExitOneAndTheJsonSaysWhatChanges() throws IOException {
    vault.data("GET", "sys/policies/acl/kes-dev", "{\"policy\":\"path \\\"secret/*\\\" { capabilities ="
        + " [\\\"create\\\", \\\"read\\\", \\\"list\\\"] }\\npath \\\"auth/token/renew-self\\\" { capabilities ="
        + " [\\\"update\\\"] }\"}");
    vault.data("LIST", "sys/policies/acl", "{\"keys\":[\"kes-dev\",\"kes-old\"]}");

    Jar.Run text = plan(vault.address(), VaultStub.TOKEN);
    Jar.Run json = plan(vault.address(), VaultStub.TOKEN, "--format", "json");

    assertThat(text.exit()).as(text.toString()).isEqualTo(1);
    assertThat(text.stdout()).contains("  ~ policy kes-dev: will change\n"
        + "      - path \"secret/*\" { capabilities = [\"create\", \"list\", \"read\"] }\n"
        + "      + path \"secret/kes/dev/*\" { capabilities = [\"create\", \"list\", \"read\"] }\n"
        + "      beyond its own keys: rule \"secret/*\" grants [create, list, read] outside secret/kes/dev/*\n")
        .contains("  - policy kes-old: not managed\n");
    assertThat(text.stderr()).contains("error: Vault differs from what the topology generates");
    assertThat(json.exit()).as(json.toString()).isEqualTo(1);
    JsonNode report = JSON.readTree(json.stdout());
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.get("counts").get("will_change").asInt()).isEqualTo(1);
    assertThat(report.get("counts").get("not_managed").asInt()).isEqualTo(1);
    JsonNode policy = report.get("objects").get(2);
    assertThat(policy.get("kind").asText()).isEqualTo("policy");
    assertThat(policy.get("name").asText()).isEqualTo("kes-dev");
    assertThat(policy.get("path").asText()).isEqualTo("sys/policies/acl/kes-dev");
    assertThat(policy.get("status").asText()).isEqualTo("will_change");
    assertThat(policy.get("changes").get(0).asText()).isEqualTo("- path \"secret/*\" { capabilities = [\"create\","
        + " \"list\", \"read\"] }");
    assertThat(report.get("objects").get(4).get("status").asText()).isEqualTo("not_managed");
  }

  @Test
  void anUnreadableObjectIsExitThreeNeverInSync() throws IOException {
    vault.fail("GET", "auth/approle/role/kes-dev", 403);

    Jar.Run run = plan(vault.address(), VaultStub.TOKEN, "--format", "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    JsonNode report = JSON.readTree(run.stdout());
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.get("objects").get(3).get("status").asText()).isEqualTo("unreadable");
    assertThat(report.get("objects").get(3).get("notes").get(0).asText())
        .startsWith("the token may not read auth/approle/role/kes-dev (HTTP 403");
  }

  @Test
  void aTokenVaultRefusesIsExitThree() throws IOException {
    Jar.Run text = plan(vault.address(), "s.wrong-token");
    Jar.Run json = plan(vault.address(), "s.wrong-token", "--format", "json");

    assertThat(text.exit()).as(text.toString()).isEqualTo(3);
    assertThat(text.stdout()).isEmpty();
    assertThat(text.stderr()).contains("error: Vault refused the token: auth/token/lookup-self answered HTTP 403"
        + " (permission denied)");
    assertThat(text.stderr() + json.stdout()).doesNotContain("s.wrong-token");
    assertThat(json.exit()).isEqualTo(3);
    assertThat(JSON.readTree(json.stdout()).get("error").asText()).startsWith("Vault refused the token");
    assertThat(vault.requests).containsOnly("GET auth/token/lookup-self");
  }

  @Test
  void aVaultThatDoesNotAnswerIsExitThree() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    Jar.Run run = plan("http://127.0.0.1:" + closed, VaultStub.TOKEN);

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).contains("error: Vault at http://127.0.0.1:" + closed + " refused the connection");
  }

  @Test
  void plainHttpIsRefusedWhereTheTopologyDoesNotAllowItBeforeAnyRequest() throws IOException {
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, Files.readString(topology).replace("endpoint: http://vault.example.org:8200\n"
        + "  allowPlaintextHttp: true", "endpoint: https://vault.example.org:8200"));
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();

    Jar.Run run = plan(vault.address(), VaultStub.TOKEN);

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).contains("is plain http: the token would cross the network unencrypted; use https");
    assertThat(vault.requests).isEmpty();
  }

  @Test
  void vaultWithoutACommandIsAUsageError() {
    Jar.Run run = Jar.run(dir, "vault");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr()).contains("error: name a command: kesgen vault plan");
  }
}

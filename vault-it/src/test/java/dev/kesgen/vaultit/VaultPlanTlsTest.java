package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.EnvironmentException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenListener;
import dev.kesgen.live.LivePlan;
import dev.kesgen.vaultit.Scripts.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code kesgen vault plan} over https against a real OpenBao ({@code bao server -dev -dev-tls}, Go's TLS with a CA
 * of its own): with that CA in {@code BAO_CACERT} the plan of the applied output is in sync; without it the handshake
 * fails and nothing is read; and plain http is refused, since this topology does not allow it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultPlanTlsTest {
  Path work;
  VaultServer server;
  GenerateRequest request;

  @BeforeAll
  void startAndApply() throws Exception {
    work = Files.createTempDirectory("kesgen-vault-plan-tls-");
    Path project = Files.createDirectories(work.resolve("project"));
    try (var in = getClass().getResourceAsStream("plan/topology.yaml")) {
      String topology = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("endpoint: http://127.0.0.1:8200\n  allowPlaintextHttp: true\n", "endpoint: https://127.0.0.1:8200\n");
      assertThat(topology).doesNotContain("allowPlaintextHttp");
      Files.writeString(project.resolve("topology.yaml"), topology);
    }
    request = GenerateRequest.of(project.resolve("topology.yaml")).withOutputDirectory(project.resolve("generated"))
        .withSecretsDirectory(project.resolve("secrets"))
        .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
    Kesgen.generate(request);
    server = VaultServer.startTls(work);
    Run apply = new Scripts(server, work).sh(project, Map.of("BAO_ADDR", server.address, "BAO_TOKEN",
        server.rootToken, "BAO_CACERT", server.caFile.toString()), "generated/vault/apply.sh");
    assertThat(apply.exit()).as(apply.output()).isZero();
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

  @Test
  void withTheServersCaThePlanIsInSync() throws Exception {
    LivePlan plan = Kesgen.vaultPlan(request, Map.of("BAO_ADDR", server.address, "BAO_TOKEN", server.rootToken,
        "BAO_CACERT", server.caFile.toString()), KesgenListener.NONE);

    assertThat(plan.inSync()).as("%s", plan.lines()).isTrue();
    assertThat(plan.objects()).hasSize(8);
    assertThat(plan.exitCode()).isZero();
  }

  @Test
  void withoutItTheHandshakeFails() {
    assertThatThrownBy(() -> Kesgen.vaultPlan(request, Map.of("BAO_ADDR", server.address, "BAO_TOKEN",
        server.rootToken), KesgenListener.NONE)).isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("Vault at " + server.address + " failed the TLS handshake")
        .hasMessageEndingWith("name its CA in VAULT_CACERT");
  }

  @Test
  void plainHttpIsRefusedBeforeAnyRequest() {
    String http = server.address.replace("https://", "http://");

    assertThatThrownBy(() -> Kesgen.vaultPlan(request, Map.of("BAO_ADDR", http, "BAO_TOKEN", server.rootToken),
        KesgenListener.NONE)).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("VAULT_ADDR " + http + " is plain http: the token would cross the network unencrypted");
  }
}

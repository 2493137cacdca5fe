package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.vaultit.Scripts.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template override that widens every policy (the instance's rules plus create, read, update, delete and list on
 * the whole KV mount: {@code widened/vault/policy.hcl.hbs}) is refused by kesgen's own access rules; the same
 * widening made by hand in committed output is caught by the same real-server checks the generated output passes,
 * so those checks would notice a real regression. (Vault applies the most specific matching rule, so the
 * instance's own key paths keep their exact capabilities; the override shows on other instances' paths, outside the
 * prefix, and on {@code destroy/}, {@code delete/} and the like.)
 */
class WidenedPolicyTest {
  @TempDir Path work;

  @Test
  void theChecksCatchAPolicyWidenedByATemplateOverride() throws Exception {
    Path templates = Files.createDirectories(work.resolve("templates/vault"));
    try (var in = getClass().getResourceAsStream("widened/vault/policy.hcl.hbs")) {
      Files.write(templates.resolve("policy.hcl.hbs"), in.readAllBytes());
    }
    // kesgen itself now refuses to write it: its access rules decide the rendered policy before anything is written
    assertThatThrownBy(() -> Deployment.kv2(work, work.resolve("templates")))
        .isInstanceOf(dev.kesgen.ConfigurationException.class)
        .hasMessageContaining("rule \"kes-keys/*\" grants [create, delete, list, read, update] outside the instance's keys");

    // the same widening as a hand edit of committed output, which only check (and these real-server checks) can see
    Deployment deployment = Deployment.kv2(work.resolve("hand-edit"), null);
    for (String instance : deployment.instances()) {
      Path policy = deployment.script("policies/kes-" + instance + ".hcl");
      Files.writeString(policy, Files.readString(policy)
          + "\npath \"kes-keys/*\" {\n  capabilities = [\"create\", \"read\", \"update\", \"delete\", \"list\"]\n}\n");
    }
    assertThat(deployment.script("policies/kes-alpha.hcl")).content().contains("path \"kes-keys/*\"");

    try (VaultServer server = VaultServer.start(work)) {
      VaultHttp root = new VaultHttp(server.address, server.rootToken);
      root.ok(root.delete("sys/mounts/secret"));
      Scripts scripts = new Scripts(server, work);
      Run apply = scripts.sh(deployment.project(), Map.of(), "generated/vault/apply.sh");
      assertThat(apply.exit()).as(apply.output()).isZero();
      Run bootstrap = scripts.sh(deployment.project(), Map.of(), "generated/vault/bootstrap-alpha.sh");
      assertThat(bootstrap.exit()).as(bootstrap.output()).isZero();
      Map<String, String> secret = scripts.appliedSecret();
      var login = root.ok(KesClient.login(root, deployment.approleMount(), secret.get("role-id"),
          secret.get("secret-id")));
      VaultHttp kes = root.withToken(login.body().path("auth").path("client_token").asText());

      assertThatThrownBy(() -> Checks.leastPrivilege(deployment, "alpha", kes, root)).isInstanceOf(AssertionError.class)
          .hasMessageContaining("kes-keys/data/minio/beta/gecko");
      assertThatThrownBy(() -> Checks.kesCalls(deployment, "alpha", kes, root)).isInstanceOf(AssertionError.class)
          .hasMessageContaining("destroy of minio/alpha/key-");
    }
  }
}

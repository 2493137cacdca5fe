package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kv2/topology.yaml}: KV v2, three instances, key deletion allowed, its own token period and secret id TTL, and
 * AppRoles bound to loopback (where the tests log in from, so every other test proves the binding admits it).
 */
class Kv2InstancesTest extends GeneratedVaultOutputTest {
  @Override
  Deployment deployment(Path work) throws Exception {
    return Deployment.kv2(work, null);
  }

  @Test
  void theGeneratedNetworkBindingIsEnforcedByTheServer() throws Exception {
    String instance = deployment.instances().get(1);
    Map<String, String> secret = bootstrap(instance);
    login(instance, secret); // from 127.0.0.1, inside the generated 127.0.0.1/32 and 127.0.0.0/8

    // the same role body kesgen generated, bound to another network, as a topology naming only that network would write
    ObjectNode role = (ObjectNode) VaultHttp.JSON.readTree(
        Files.readString(deployment.script("approles/kes-" + instance + ".json")));
    assertThat(role.path("secret_id_bound_cidrs").toString()).isEqualTo("[\"127.0.0.1/32\"]");
    assertThat(role.path("token_bound_cidrs").toString()).isEqualTo("[\"127.0.0.0/8\"]");
    role.putArray("secret_id_bound_cidrs").add("10.99.0.0/16");
    root.ok(root.post("auth/" + deployment.approleMount() + "/role/kes-" + instance, role));
    try {
      var refused = KesClient.login(root, deployment.approleMount(), secret.get("role-id"), secret.get("secret-id"));
      assertThat(refused.status()).as("login from 127.0.0.1 with a secret id bound to 10.99.0.0/16").isIn(400, 403);
    } finally {
      role.putArray("secret_id_bound_cidrs").add("127.0.0.1/32");
      root.ok(root.post("auth/" + deployment.approleMount() + "/role/kes-" + instance, role));
    }
  }
}

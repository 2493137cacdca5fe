package dev.kesgen.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.Vault;
import dev.kesgen.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the plan reads, from the Vault CLI's variables, and the addresses it refuses. */
class VaultEndpointTest {
  static final Path HERE = Path.of("/work");

  static Vault vault(boolean plaintext, String namespace) throws Exception {
    return TopologyLoader.parse(VaultPlannerTest.TOPOLOGY.replace("allowPlaintextHttp: true",
        "allowPlaintextHttp: " + plaintext + (namespace.isEmpty() ? "" : "\n  namespace: " + namespace))
        .replace("http://vault.example.org", plaintext ? "http://vault.example.org" : "https://vault.example.org"),
        Path.of("topology.yaml")).vault();
  }

  @Test
  void plainHttpIsRefusedUnlessTheTopologyAllowsIt() throws Exception {
    Map<String, String> env = Map.of("VAULT_ADDR", "http://127.0.0.1:8200", "VAULT_TOKEN", "t");

    assertThatThrownBy(() -> VaultEndpoint.of(env, vault(false, ""), HERE)).isInstanceOf(LiveVaultException.class)
        .hasMessageContaining("VAULT_ADDR http://127.0.0.1:8200 is plain http: the token would cross the network"
            + " unencrypted; use https");
    assertThat(VaultEndpoint.of(env, vault(true, ""), HERE).address()).hasToString("http://127.0.0.1:8200");
  }

  @Test
  void theBaoNamesAreReadWhereTheVaultOnesAreUnsetOrEmpty() throws Exception {
    VaultEndpoint e = VaultEndpoint.of(Map.of("VAULT_ADDR", "", "BAO_ADDR", "https://bao:8200/", "BAO_TOKEN", "t",
        "BAO_CACERT", "ca.pem", "BAO_NAMESPACE", "team"), vault(false, ""), HERE);

    assertThat(e.address()).hasToString("https://bao:8200");
    assertThat(e.token()).isEqualTo("t");
    assertThat(e.namespace()).isEqualTo("team");
    assertThat(e.caCertificate()).contains(HERE.resolve("ca.pem"));
  }

  @Test
  void theTopologysNamespaceWinsAsInApplySh() throws Exception {
    VaultEndpoint e = VaultEndpoint.of(Map.of("VAULT_ADDR", "https://v:8200", "VAULT_TOKEN", "t",
        "VAULT_NAMESPACE", "other"), vault(false, "team"), HERE);

    assertThat(e.namespace()).isEqualTo("team");
    assertThat(e.caCertificate()).isEqualTo(Optional.empty());
  }

  @Test
  void noAddressOrNoTokenIsRefused() throws Exception {
    Vault v = vault(false, "");
    assertThatThrownBy(() -> VaultEndpoint.of(Map.of("VAULT_TOKEN", "t"), v, HERE))
        .hasMessageStartingWith("VAULT_ADDR (or BAO_ADDR) is not set");
    assertThatThrownBy(() -> VaultEndpoint.of(Map.of("VAULT_ADDR", "https://v"), v, HERE))
        .hasMessageStartingWith("VAULT_TOKEN (or BAO_TOKEN) is not set");
    assertThatThrownBy(() -> VaultEndpoint.of(Map.of("VAULT_ADDR", "ftp://v", "VAULT_TOKEN", "t"), v, HERE))
        .hasMessage("VAULT_ADDR ftp://v is not an http(s)://host[:port] URL");
  }

  @Test
  void theTokenIsNeverPrinted() throws Exception {
    VaultEndpoint e = VaultEndpoint.of(Map.of("VAULT_ADDR", "https://v:8200", "VAULT_TOKEN", "s.secret"),
        vault(false, ""), HERE);

    assertThat(e.toString()).isEqualTo("https://v:8200").doesNotContain("s.secret");
  }
}

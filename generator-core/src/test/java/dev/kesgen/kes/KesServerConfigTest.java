package dev.kesgen.kes;

import static dev.kesgen.kes.Fixtures.NEW_MINIO;
import static dev.kesgen.kes.Fixtures.OLD_MINIO;
import static dev.kesgen.kes.Fixtures.instance;
import static dev.kesgen.kes.Fixtures.tenant;
import static dev.kesgen.kes.Fixtures.vault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.Instance;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KesServerConfigTest {
  private static final String ID_A = "a".repeat(64);
  private static final String ID_B = "b".repeat(64);
  private static final String ID_P = "c".repeat(64);

  private static KesServerConfig config(String kes, String minio) {
    Instance i = instance(kes, tenant("gecko", minio, "gecko", "gecko-extra"));
    return KesServerConfig.of(i, vault(1, false), Map.of("gecko", ID_A));
  }

  private static KeyCreator creatorOf(KesServerConfig c, String key) {
    return c.keyCreations().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow().creator();
  }

  @ParameterizedTest
  @CsvSource({
    "v0.13.4, " + OLD_MINIO + ", PROVISIONER, PROVISIONER",
    "v0.13.4, " + NEW_MINIO + ", MINIO_STARTUP, PROVISIONER",
    "v0.13.4, RELEASE.2021-05-11T23-27-41Z, PROVISIONER, PROVISIONER",
    "v0.13.6, " + OLD_MINIO + ", KES_STARTUP, KES_STARTUP",
    "2023-10-03T00-48-37Z, " + NEW_MINIO + ", KES_STARTUP, KES_STARTUP",
    "2023-10-24T20-26-51Z, " + OLD_MINIO + ", PROVISIONER, PROVISIONER",
    "2023-10-24T20-26-51Z, " + NEW_MINIO + ", MINIO_STARTUP, PROVISIONER"
  })
  void decidesWhoCreatesEachKey(String kes, String minio, KeyCreator defaultKey, KeyCreator extraKey) {
    KesServerConfig c = config(kes, minio);
    assertThat(creatorOf(c, "gecko")).isEqualTo(defaultKey);
    assertThat(creatorOf(c, "gecko-extra")).isEqualTo(extraKey);
  }

  @ParameterizedTest
  @CsvSource({"v0.13.5, false", "v0.13.6, true", "2023-10-03T00-48-37Z, true", "2023-10-24T20-26-51Z, false"})
  void writesTheKeysListOnlyWhereKesCreatesThem(String kes, boolean written) {
    assertThat(config(kes, OLD_MINIO).keys()).isEqualTo(written ? java.util.List.of("gecko", "gecko-extra") : java.util.List.of());
  }

  @Test
  void provisionerPolicyAllowsOnlyCreateOfTheKeysNobodyCreates() {
    Instance i = instance("2024-03-13T17-52-13Z", tenant("gecko", NEW_MINIO, "gecko", "gecko-extra"));
    KesServerConfig c = KesServerConfig.of(i, vault(1, false), Map.of("gecko", ID_A), Optional.of(ID_P));
    assertThat(c.policy(KesServerConfig.PROVISIONER_POLICY)).hasValue(
        new KesPolicy(KesServerConfig.PROVISIONER_POLICY, java.util.List.of("/v1/key/create/gecko-extra"), java.util.List.of(ID_P)));
  }

  @Test
  void noProvisionerPolicyWhenKesCreatesEveryKey() {
    Instance i = instance("v0.13.6", tenant("gecko", OLD_MINIO, "gecko"));
    KesServerConfig c = KesServerConfig.of(i, vault(1, false), Map.of("gecko", ID_A), Optional.of(ID_P));
    assertThat(c.policy(KesServerConfig.PROVISIONER_POLICY)).isEmpty();
    assertThat(c.keysNeedingProvisioning()).isEmpty();
  }

  @Test
  void policiesAreSortedByTenantNameWithExactPaths() {
    Instance i = instance("v0.13.4", tenant("zebra", OLD_MINIO, "z"), tenant("gecko", OLD_MINIO, "g"));
    KesServerConfig c = KesServerConfig.of(i, vault(1, false), Map.of("zebra", ID_B, "gecko", ID_A));
    assertThat(c.policies()).extracting(KesPolicy::name).containsExactly("gecko", "zebra");
    assertThat(c.policies().get(0).paths()).containsExactly("/v1/key/create/g", "/v1/key/decrypt/g", "/v1/key/generate/g");
    assertThat(c.policies().get(0).identities()).containsExactly(ID_A);
  }

  @Test
  void sameIdentityForTwoTenantsIsRejected() {
    Instance i = instance("v0.13.4", tenant("zebra", OLD_MINIO, "z"), tenant("gecko", OLD_MINIO, "g"));
    assertThatThrownBy(() -> KesServerConfig.of(i, vault(1, false), Map.of("zebra", ID_A, "gecko", ID_A)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same identity");
  }

  @Test
  void adminIdentityInAPolicyIsRejected() {
    Instance i = instance("v0.17.2", ID_A, tenant("gecko", OLD_MINIO, "g"));
    assertThatThrownBy(() -> KesServerConfig.of(i, vault(1, false), Map.of("gecko", ID_A)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the admin");
  }


  @Test
  void missingTenantIdentityIsRejected() {
    Instance i = instance("v0.13.4", tenant("gecko", OLD_MINIO, "g"));
    assertThatThrownBy(() -> KesServerConfig.of(i, vault(1, false), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no identity for tenant gecko");
  }



  @ParameterizedTest
  @CsvSource({"v0.14.0, 1, ''", "v0.15.0, 1, v1", "v0.15.0, 2, v2"})
  void vaultVersionOnlyWhereTheDialectHasIt(String kes, int kv, String expected) {
    Instance i = instance(kes, tenant("gecko", OLD_MINIO, "g"));
    KesServerConfig c = KesServerConfig.of(i, vault(kv, false), Map.of("gecko", ID_A));
    assertThat(c.keystore().version()).isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
  }

  @Test
  void keystoreTakesCredentialsFromTheEnvironmentAndPrefixesTheInstance() {
    VaultKeystore k = config("v0.13.4", OLD_MINIO).keystore();
    VaultLogin.AppRole login = (VaultLogin.AppRole) k.login();
    assertThat(login.id()).isEqualTo("${KES_APPROLE_ID}");
    assertThat(login.secret()).isEqualTo("${KES_APPROLE_SECRET}");
    assertThat(k.prefix()).isEqualTo("kes/dev");
    assertThat(k.engine()).isEqualTo("secret");
    assertThat(login.engine()).isEqualTo("approle");
    assertThat(k.namespace()).isEmpty();
    assertThat(k.caPath()).isEmpty();
  }

  @Test
  void namespaceAndCaAppearWhenTheTopologyHasThem() {
    Instance i = instance("v0.22.3", tenant("gecko", OLD_MINIO, "g"));
    KesServerConfig c = KesServerConfig.of(i, vault(1, false, "team", Optional.of(Path.of("ca.pem")), "kes"), Map.of("gecko", ID_A));
    assertThat(c.keystore().namespace()).hasValue("team");
    assertThat(c.keystore().caPath()).hasValue("/etc/kes/vault/ca.crt");
    assertThat(c.environment()).isEmpty();
  }

  @Test
  void v0130GetsTheVaultCaThroughTheEnvironment() {
    Instance i = instance("v0.13.0", tenant("gecko", OLD_MINIO, "g"));
    KesServerConfig c = KesServerConfig.of(i, vault(1, false, "", Optional.of(Path.of("ca.pem")), "kes"), Map.of("gecko", ID_A));
    assertThat(c.environment()).containsExactly(Map.entry("VAULT_CACERT", "/etc/kes/vault/ca.crt"));
  }

  @ParameterizedTest
  @CsvSource({"2023-02-15T14-54-37Z, true", "2023-04-03T16-41-28Z, false"})
  void retryOnlyWhereTheReleaseHasIt(String kes, boolean present) {
    assertThat(config(kes, NEW_MINIO).keystore().login().retry().isPresent()).isEqualTo(present);
  }

  @ParameterizedTest
  @CsvSource({"2023-10-27T22-05-35Z, false", "2023-11-09T17-35-47Z, true"})
  void tlsAuthOffOnlyWhereItIsAConfigField(String kes, boolean present) {
    assertThat(config(kes, NEW_MINIO).tls().auth()).isEqualTo(present ? Optional.of("off") : Optional.empty());
  }

  @Test
  void fixedValuesForEveryRelease() {
    KesServerConfig c = config("2025-03-12T09-35-18Z", NEW_MINIO);
    assertThat(c.address()).isEqualTo("0.0.0.0:7373");
    assertThat(c.adminIdentity()).isEqualTo("disabled");
    assertThat(c.tls().key()).isEqualTo("/etc/kes/tls/tls.key");
    assertThat(c.tls().cert()).isEqualTo("/etc/kes/tls/tls.crt");
    assertThat(c.cache()).isEqualTo(new KesServerConfig.Cache("5m", "30s"));
    assertThat(c.log()).isEqualTo(new KesServerConfig.Log("on", "off"));
    assertThat(c.writeTopLevelVersion()).isTrue();
    assertThat(c.serverArgs()).containsExactly("server", "--config=/etc/kes/config/config.yaml");
  }

  @Test
  void molgenisPairGetsAuthOffAndTheLegacyShape() {
    KesServerConfig c = config("v0.13.4", OLD_MINIO);
    assertThat(c.dialect()).isEqualTo(KesDialect.V0_13_1);
    assertThat(c.serverArgs()).containsExactly("server", "--config=/etc/kes/config/config.yaml", "--auth=off");
    assertThat(c.writeTopLevelVersion()).isFalse();
    assertThat(c.keysNeedingProvisioning()).containsExactly("gecko", "gecko-extra");
  }
}

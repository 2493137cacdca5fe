package dev.kesgen.vault;

import static dev.kesgen.kes.Fixtures.instance;
import static dev.kesgen.kes.Fixtures.tenant;
import static dev.kesgen.kes.Fixtures.vault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.kes.Fixtures;
import dev.kesgen.topology.Instance;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaultPolicyTest {
  private static final Instance DEV = instance("v0.13.4", tenant("gecko", Fixtures.OLD_MINIO, "g"));

  @Test
  void kvV1GrantsCreateReadListOnTheInstanceFolder() {
    assertThat(VaultPolicy.of(vault(1, false), DEV))
        .isEqualTo(new VaultPolicy("kes-dev", "", List.of(new PathRule("secret/kes/dev/*", List.of("create", "read", "list")),
            new PathRule("auth/token/renew-self", List.of("update")))));
  }

  @Test
  void kvV1AddsDeleteOnlyWhenAllowed() {
    assertThat(VaultPolicy.of(vault(1, true), DEV).rules())
        .containsExactly(new PathRule("secret/kes/dev/*", List.of("create", "read", "list", "delete")), new PathRule("auth/token/renew-self", List.of("update")));
  }

  @Test
  void kvV2SplitsDataAndMetadata() {
    assertThat(VaultPolicy.of(vault(2, false), DEV).rules()).containsExactly(
        new PathRule("secret/data/kes/dev/*", List.of("create", "read")),
        new PathRule("secret/metadata/kes/dev/*", List.of("list")), new PathRule("auth/token/renew-self", List.of("update")));
  }

  @Test
  void kvV2DeletesThroughMetadataOnlyWhenAllowed() {
    assertThat(VaultPolicy.of(vault(2, true), DEV).rules()).containsExactly(
        new PathRule("secret/data/kes/dev/*", List.of("create", "read")),
        new PathRule("secret/metadata/kes/dev/*", List.of("list", "delete")), new PathRule("auth/token/renew-self", List.of("update")));
  }

  @Test
  void grantsUpdateOnlyForTokenRenewal() {
    assertThat(VaultPolicy.of(vault(2, true), DEV).rules()).allSatisfy(r -> assertThat(r.capabilities().contains("update"))
        .as(r.pattern()).isEqualTo(r.pattern().equals(VaultPolicy.RENEW_SELF)));
  }

  @Test
  void keepsTheNamespace() {
    assertThat(VaultPolicy.of(vault(1, false, "team", Optional.empty(), "kes"), DEV).namespace()).isEqualTo("team");
  }

  @Test
  void emptyPrefixPutsKeysDirectlyUnderTheInstance() {
    assertThat(VaultPolicy.of(vault(1, false, "", Optional.empty(), ""), DEV).rules().get(0).pattern()).isEqualTo("secret/dev/*");
  }
}

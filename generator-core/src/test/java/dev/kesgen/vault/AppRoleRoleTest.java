package dev.kesgen.vault;

import static dev.kesgen.kes.Fixtures.instance;
import static dev.kesgen.kes.Fixtures.tenant;
import static dev.kesgen.kes.Fixtures.vault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.kes.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppRoleRoleTest {
  @Test
  void roleParametersInWrittenOrder() {
    AppRoleRole role = AppRoleRole.of(vault(1, false), instance("v0.13.4", tenant("gecko", Fixtures.OLD_MINIO, "g")));
    assertThat(role.name()).isEqualTo("kes-dev");
    assertThat(role.mount()).isEqualTo("approle");
    assertThat(role.parameters().body()).containsExactly(
        Map.entry("token_policies", List.of("kes-dev")),
        Map.entry("token_no_default_policy", true),
        Map.entry("token_period", 86400L),
        Map.entry("token_bound_cidrs", List.of()),
        Map.entry("secret_id_ttl", 0L),
        Map.entry("secret_id_num_uses", 0L),
        Map.entry("secret_id_bound_cidrs", List.of()),
        Map.entry("bind_secret_id", true));
  }

  @Test
  void keepsTheNamespace() {
    AppRoleRole role = AppRoleRole.of(vault(1, false, "team", Optional.empty(), "kes"), instance("v0.13.4", tenant("gecko", Fixtures.OLD_MINIO, "g")));
    assertThat(role.namespace()).isEqualTo("team");
  }
}

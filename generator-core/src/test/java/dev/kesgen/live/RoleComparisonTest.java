package dev.kesgen.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An AppRole role compared field by field with the generated body. */
class RoleComparisonTest {
  static final String PATH = "auth/approle/role/kes-dev";

  static Map<String, Object> generated() {
    return HttpVaultApi.json("{\"bind_secret_id\": true, \"secret_id_bound_cidrs\": [\"10.0.0.0/8\", \"10.1.0.0/16\"],"
        + " \"secret_id_num_uses\": 0, \"secret_id_ttl\": 0, \"token_bound_cidrs\": [\"10.0.0.0/8\"],"
        + " \"token_no_default_policy\": true, \"token_period\": 86400, \"token_policies\": [\"kes-dev\"]}");
  }

  /** What OpenBao 2.7 answers for the role apply.sh wrote. */
  static Map<String, Object> live() {
    Map<String, Object> live = new HashMap<>(HttpVaultApi.json("{\"bind_secret_id\":true,\"local_secret_ids\":false,"
        + "\"secret_id_bound_cidrs\":[\"10.1.0.0/16\",\"10.0.0.0/8\"],\"secret_id_num_uses\":0,\"secret_id_ttl\":0,"
        + "\"token_bound_cidrs\":[\"10.0.0.0/8\"],\"token_explicit_max_ttl\":0,\"token_max_ttl\":0,"
        + "\"token_no_default_policy\":true,\"token_num_uses\":0,\"token_period\":86400,\"token_policies\":[\"kes-dev\"],"
        + "\"token_strictly_bind_ip\":false,\"token_ttl\":0,\"token_type\":\"default\"}"));
    return live;
  }

  @Test
  void theRoleApplyWroteIsInSyncWhateverTheOrderOfItsLists() {
    assertThat(RoleComparison.of(generated(), live(), PATH).changes()).isEmpty();
  }

  @Test
  void aDroppedCidrBindingIsAChange() {
    Map<String, Object> live = live();
    live.put("token_bound_cidrs", List.of());

    assertThat(RoleComparison.of(generated(), live, PATH).changes())
        .containsExactly("~ token_bound_cidrs: [] -> [\"10.0.0.0/8\"]");
  }

  @Test
  void theDefaultPolicyAttachedAnotherPolicyAndAnotherPeriodAreChanges() {
    Map<String, Object> live = live();
    live.put("token_no_default_policy", false);
    live.put("token_policies", List.of("kes-dev", "admin"));
    live.put("token_period", 3600);

    assertThat(RoleComparison.of(generated(), live, PATH).changes()).containsExactly(
        "~ token_no_default_policy: false -> true",
        "~ token_period: 3600 -> 86400",
        "~ token_policies: [\"admin\", \"kes-dev\"] -> [\"kes-dev\"]");
  }

  @Test
  void aTokenTtlTheFileLeavesOutIsAChangeApplyDoesNotMake() {
    Map<String, Object> live = live();
    live.put("token_ttl", 60);

    assertThat(RoleComparison.of(generated(), live, PATH).changes()).containsExactly(
        "~ token_ttl: 60 -> 0 (not in the AppRole file, so apply.sh keeps it: vault write " + PATH + " token_ttl=0)");
  }

  @Test
  void aFieldVaultDoesNotReportIsAChange() {
    Map<String, Object> live = live();
    live.remove("bind_secret_id");

    assertThat(RoleComparison.of(generated(), live, PATH).changes())
        .containsExactly("~ bind_secret_id: (not reported by Vault) -> true");
  }

  @Test
  void anEmptyStringVaultLeavesOutOfItsAnswerIsInSyncButASetOneIsNot() {
    // the kubernetes method reports audience only when it is set: a role written with audience "" has none
    String k8s = "auth/kubernetes/role/kes-beta";
    Map<String, Object> empty = new HashMap<>(Map.of("audience", "", "token_policies", List.of("kes-beta")));
    Map<String, Object> live = new HashMap<>(Map.of("token_policies", List.of("kes-beta")));

    assertThat(RoleComparison.of(empty, live, k8s).changes()).isEmpty();
    assertThat(RoleComparison.of(Map.of("audience", "vault"), live, k8s).changes())
        .containsExactly("~ audience: (not reported by Vault) -> \"vault\"");
    live.put("audience", "other");
    assertThat(RoleComparison.of(empty, live, k8s).changes()).containsExactly("~ audience: \"other\" -> \"\"");
  }
}

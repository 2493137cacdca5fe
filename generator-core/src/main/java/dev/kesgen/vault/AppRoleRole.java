package dev.kesgen.vault;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Vault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AppRole role {@code kes-<instance>} KES logs in with, as the body of {@code POST auth/<mount>/role/<name>}.
 *
 * <p>Durations are integer seconds, which the API reads for every duration field (Terraform's
 * {@code vault_approle_auth_backend_role} writes them the same way). {@code token_ttl}/{@code token_max_ttl} are left
 * out: a periodic token is renewed for ever and KES logs in again with the role and secret id when renewal fails,
 * which is why the secret id never runs out of uses. The {@code default} policy is not attached
 * ({@code token_no_default_policy}): of its rules KES uses only {@code auth/token/renew-self}, which the instance's own
 * policy grants (see {@link VaultPolicy}). {@code token_bound_cidrs} and {@code secret_id_bound_cidrs} are always
 * written, as {@code []} when the topology names no network, so removing them from the topology unbinds the role on
 * the next {@code apply.sh} instead of leaving the old binding in Vault.
 *
 * @param name {@code kes-<instance>}
 * @param mount the AppRole auth mount
 * @param namespace the Vault namespace ({@code VAULT_NAMESPACE}), "" for none
 * @param parameters the role parameters
 */
public record AppRoleRole(String name, String mount, String namespace, Parameters parameters) {
  public AppRoleRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(parameters, "parameters");
  }

  /**
   * The parameters of the role, each named in {@link #body()} as the Vault API names it.
   *
   * @param tokenPolicies {@code token_policies}: {@code [kes-<instance>]}
   * @param tokenNoDefaultPolicy {@code token_no_default_policy}: the {@code default} policy is not attached
   * @param tokenPeriod {@code token_period}, in seconds
   * @param tokenBoundCidrs {@code token_bound_cidrs}: where tokens may be used from, empty for anywhere
   * @param secretIdTtl {@code secret_id_ttl}, in seconds
   * @param secretIdNumUses {@code secret_id_num_uses}: 0, unlimited
   * @param secretIdBoundCidrs {@code secret_id_bound_cidrs}: where secret ids may log in from, empty for anywhere
   * @param bindSecretId {@code bind_secret_id}: a login needs the secret id
   */
  public record Parameters(List<String> tokenPolicies, boolean tokenNoDefaultPolicy, long tokenPeriod,
      List<String> tokenBoundCidrs, long secretIdTtl, long secretIdNumUses, List<String> secretIdBoundCidrs,
      boolean bindSecretId) {
    public Parameters {
      tokenPolicies = List.copyOf(tokenPolicies);
      tokenBoundCidrs = List.copyOf(tokenBoundCidrs);
      secretIdBoundCidrs = List.copyOf(secretIdBoundCidrs);
    }

    /** The body of {@code POST auth/<mount>/role/<name>}: every parameter by its API name, in the order written. */
    public Map<String, Object> body() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("token_policies", tokenPolicies);
      p.put("token_no_default_policy", tokenNoDefaultPolicy);
      p.put("token_period", tokenPeriod);
      p.put("token_bound_cidrs", tokenBoundCidrs);
      p.put("secret_id_ttl", secretIdTtl);
      p.put("secret_id_num_uses", secretIdNumUses);
      p.put("secret_id_bound_cidrs", secretIdBoundCidrs);
      p.put("bind_secret_id", bindSecretId);
      return java.util.Collections.unmodifiableMap(p);
    }
  }

  /** {@code auth/<mount>/role/<name>}: where the role is written and its role id and secret ids live. */
  public String path() {
    return "auth/" + mount + "/role/" + name;
  }

  /** Where the role id is read. */
  public String roleIdPath() {
    return path() + "/role-id";
  }

  /** Where a secret id is created, and where the secret id accessors are listed. */
  public String secretIdPath() {
    return path() + "/secret-id";
  }

  /** Where a secret id is destroyed by its accessor. */
  public String accessorDestroyPath() {
    return path() + "/secret-id-accessor/destroy";
  }

  /** The role of this instance. */
  public static AppRoleRole of(Vault vault, Instance instance) {
    Parameters p = new Parameters(
        List.of(instance.vaultName()),
        // the policy has the one rule of default that KES uses (renew-self, see VaultPolicy), so default is not attached
        true,
        vault.approle().tokenPeriod().seconds(),
        vault.approle().tokenBoundCidrs(),
        vault.approle().secretIdTtl().seconds(),
        0L,
        vault.approle().secretIdBoundCidrs(),
        true);
    return new AppRoleRole(instance.vaultName(), vault.approle().mount(), vault.namespace(), p);
  }
}

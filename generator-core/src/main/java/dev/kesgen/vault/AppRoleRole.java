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
 * @param parameters the role parameters in the order they are written
 */
public record AppRoleRole(String name, String mount, String namespace, Map<String, Object> parameters) {
  public AppRoleRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(namespace, "namespace");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
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
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("token_policies", List.of(instance.vaultName()));
    // the policy has the one rule of default that KES uses (renew-self, see VaultPolicy), so default is not attached
    p.put("token_no_default_policy", Boolean.TRUE);
    p.put("token_period", vault.approle().tokenPeriod().seconds());
    p.put("token_bound_cidrs", vault.approle().tokenBoundCidrs());
    p.put("secret_id_ttl", vault.approle().secretIdTtl().seconds());
    p.put("secret_id_num_uses", 0L);
    p.put("secret_id_bound_cidrs", vault.approle().secretIdBoundCidrs());
    p.put("bind_secret_id", Boolean.TRUE);
    return new AppRoleRole(instance.vaultName(), vault.approle().mount(), vault.namespace(), p);
  }
}

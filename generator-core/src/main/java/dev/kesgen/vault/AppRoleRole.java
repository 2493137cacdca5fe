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
 * which is why the secret id never runs out of uses.
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

  /** The role of this instance. */
  public static AppRoleRole of(Vault vault, Instance instance) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("token_policies", List.of("default", instance.vaultName()));
    p.put("token_period", vault.approle().tokenPeriod().seconds());
    p.put("secret_id_ttl", vault.approle().secretIdTtl().seconds());
    p.put("secret_id_num_uses", 0L);
    p.put("bind_secret_id", Boolean.TRUE);
    return new AppRoleRole(instance.vaultName(), vault.approle().mount(), vault.namespace(), p);
  }
}

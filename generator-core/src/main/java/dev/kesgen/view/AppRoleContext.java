package dev.kesgen.view;

import java.util.List;

/**
 * The context of {@code vault/approle.json.hbs}.
 *
 * @param header the "generated" line (JSON has no comments, so the shipped template does not print it)
 * @param instance the instance
 * @param role the role's parameters, named as the Vault API names them
 */
public record AppRoleContext(String header, InstanceView instance, Role role) {
  /**
   * The body of {@code POST auth/<mount>/role/kes-<instance>}.
   *
   * @param token_policies {@code [default, kes-<instance>]}
   * @param token_period in seconds
   * @param secret_id_ttl in seconds
   * @param secret_id_num_uses 0 (unlimited)
   * @param bind_secret_id true
   */
  public record Role(List<String> token_policies, long token_period, long secret_id_ttl, long secret_id_num_uses,
      boolean bind_secret_id) {}
}

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
   * @param token_policies {@code [kes-<instance>]}
   * @param token_no_default_policy true: the {@code default} policy is not attached
   * @param token_period in seconds
   * @param token_bound_cidrs the networks tokens may be used from, empty for anywhere
   * @param secret_id_ttl in seconds
   * @param secret_id_num_uses 0 (unlimited)
   * @param secret_id_bound_cidrs the networks secret ids may log in from, empty for anywhere
   * @param bind_secret_id true
   */
  public record Role(List<String> token_policies, boolean token_no_default_policy, long token_period,
      List<String> token_bound_cidrs, long secret_id_ttl, long secret_id_num_uses, List<String> secret_id_bound_cidrs,
      boolean bind_secret_id) {}
}

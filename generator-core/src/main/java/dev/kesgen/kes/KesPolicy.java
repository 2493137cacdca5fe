package dev.kesgen.kes;

import java.util.List;
import java.util.Objects;

/**
 * One KES policy: exact API paths and the identities bound to it.
 *
 * @param name the policy name (a tenant name, or {@link KesServerConfig#PROVISIONER_POLICY})
 * @param paths the allowed paths, sorted; written under {@link KesDialect#policyRuleKey()}
 * @param identities the identities (lowercase hex), sorted
 */
public record KesPolicy(String name, List<String> paths, List<String> identities) {
  public KesPolicy {
    Objects.requireNonNull(name, "name");
    paths = List.copyOf(paths);
    identities = List.copyOf(identities);
  }
}

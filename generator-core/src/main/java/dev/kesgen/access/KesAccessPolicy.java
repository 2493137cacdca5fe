package dev.kesgen.access;

import java.util.List;
import java.util.Objects;

/**
 * One KES policy as a release reads it from the configuration file.
 *
 * @param name the policy name
 * @param allow the allow patterns in file order ({@code paths} before v0.15.0, {@code allow} from it)
 * @param deny the deny patterns in file order; always empty before v0.15.0, which has no deny rules
 * @param identities the identities bound to the policy, read from the key the release reads them from
 */
public record KesAccessPolicy(String name, List<String> allow, List<String> deny, List<String> identities) {
  public KesAccessPolicy {
    Objects.requireNonNull(name, "name");
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
    identities = List.copyOf(identities);
  }
}

package dev.kesgen.access;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code path "<pattern>" { capabilities = [...] }} stanza of a Vault ACL policy.
 *
 * @param pattern the path as written; a leading {@code /} is dropped as Vault drops it
 * @param capabilities the capabilities; {@code deny} alone when the stanza lists it (Vault keeps only deny then)
 */
public record VaultAclRule(String pattern, Set<String> capabilities) {
  /** Every capability an ACL stanza may list (openbao/openbao internal/vault/policy/policy.go:27-36). */
  public static final Set<String> CAPABILITIES =
      Set.of("deny", "create", "read", "update", "delete", "list", "sudo", "patch", "scan");

  public VaultAclRule {
    Objects.requireNonNull(pattern, "pattern");
    pattern = pattern.startsWith("/") ? pattern.substring(1) : pattern;
    for (String c : capabilities) {
      if (!CAPABILITIES.contains(c)) {
        throw new AccessModelException("path \"" + pattern + "\": invalid capability \"" + c + "\"");
      }
    }
    // policy.go parsePaths: a deny stanza holds deny only
    capabilities = capabilities.contains("deny") ? Set.of("deny") : Set.copyOf(new TreeSet<>(capabilities));
    if (pattern.contains("+*")) {
      throw new AccessModelException("path \"" + pattern + "\": invalid use of wildcards ('+*' is forbidden)");
    }
  }

  /** How Vault files the stanza: the tree it goes in decides how it matches. */
  public Kind kind() {
    if (pattern.equals("+") || pattern.contains("/+") || pattern.startsWith("+/")) {
      return Kind.SEGMENT_WILDCARD;
    }
    return pattern.endsWith("*") ? Kind.PREFIX : Kind.EXACT;
  }

  /** The key Vault files the stanza under: the pattern, without the {@code *} of a prefix rule. */
  String key() {
    return kind() == Kind.PREFIX ? pattern.substring(0, pattern.length() - 1) : pattern;
  }

  /** The three kinds of ACL path (openbao/openbao internal/vault/policy/policy.go:532-548). */
  public enum Kind {
    /** No wildcard: the equal path only. */
    EXACT,
    /** A trailing {@code *} and no {@code +} segment: every path with this prefix. */
    PREFIX,
    /** At least one {@code +} segment (one whole segment each), with or without a trailing {@code *}. */
    SEGMENT_WILDCARD
  }
}

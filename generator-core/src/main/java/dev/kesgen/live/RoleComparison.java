package dev.kesgen.live;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An AppRole role compared field by field with the body kesgen writes ({@code vault/approles/kes-<i>.json}): every
 * field of the file, lists of policies and CIDRs as sets, durations in seconds; and the token fields that grant more
 * when set and that the file leaves at Vault's default ({@code token_ttl}, {@code token_max_ttl},
 * {@code token_explicit_max_ttl}, {@code token_num_uses}, {@code token_type}), which apply.sh does not reset because it
 * does not send them.
 *
 * @param changes one {@code ~ field: live -> topology} line per difference, in field order
 */
public record RoleComparison(List<String> changes) {
  /** The fields the file leaves out, at the value Vault gives a new role (openbao sdk/helper/tokenutil). */
  static final Map<String, Object> DEFAULTS = defaults();

  public RoleComparison {
    changes = List.copyOf(changes);
  }

  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("token_ttl", 0L);
    d.put("token_max_ttl", 0L);
    d.put("token_explicit_max_ttl", 0L);
    d.put("token_num_uses", 0L);
    d.put("token_type", "default");
    return d;
  }

  /** Whether the live role is the generated one. */
  public boolean equal() {
    return changes.isEmpty();
  }

  /** Compares the generated role body with what {@code GET auth/<mount>/role/<name>} answered. */
  public static RoleComparison of(Map<String, Object> generated, Map<String, Object> live, String path) {
    List<String> changes = new ArrayList<>();
    generated.forEach((field, want) -> {
      if (!live.containsKey(field)) {
        if ("".equals(want)) {
          // Vault leaves an optional string it holds empty out of the answer: the kubernetes method reports
          // audience only when set (vault-plugin-auth-kubernetes path_role.go pathRoleRead,
          // `if role.Audience != ""`, which OpenBao keeps; seen on OpenBao by vault-it KubernetesAuthTest)
          return;
        }
        changes.add("~ " + field + ": (not reported by Vault) -> " + show(want));
      } else if (!normal(live.get(field)).equals(normal(want))) {
        changes.add("~ " + field + ": " + show(live.get(field)) + " -> " + show(want));
      }
    });
    DEFAULTS.forEach((field, want) -> {
      if (!generated.containsKey(field) && live.containsKey(field) && !normal(live.get(field)).equals(normal(want))) {
        changes.add("~ " + field + ": " + show(live.get(field)) + " -> " + show(want) + " (not in the AppRole file, so"
            + " apply.sh keeps it: vault write " + path + " " + field + "=" + want + ")");
      }
    });
    return new RoleComparison(changes);
  }

  /** Integers of any width as one number, lists as sorted sets of text, everything else as it is. */
  private static Object normal(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return new BigInteger(value.toString());
    }
    if (value instanceof List<?> list) {
      TreeSet<String> set = new TreeSet<>();
      list.forEach(v -> set.add(String.valueOf(v)));
      return set;
    }
    return Objects.requireNonNullElse(value, "null");
  }

  static String show(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      new TreeSet<>(list.stream().map(String::valueOf).toList()).forEach(v -> items.add("\"" + v + "\""));
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(value);
  }
}

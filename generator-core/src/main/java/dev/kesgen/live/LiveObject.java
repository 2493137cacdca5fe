package dev.kesgen.live;

import dev.kesgen.topology.Printable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One Vault object kesgen manages, compared with the server.
 *
 * @param kind what sort of object
 * @param name its name: the mount path with its {@code /}, the policy or the role name ({@code kes-*} for a list)
 * @param path where it was read ({@code sys/policies/acl/kes-dev}, ...)
 * @param status what the comparison found
 * @param changes for {@link Status#WILL_CHANGE}: one compact line per difference, {@code -} the live side, {@code +}
 *     the topology's, {@code ~} a field as {@code live -> topology}
 * @param notes what a reader should also know: what a live policy reaches beyond the instance's own keys, why an
 *     object is unreadable, what apply.sh does not change
 */
public record LiveObject(Kind kind, String name, String path, Status status, List<String> changes, List<String> notes) {
  public LiveObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    // a live policy or role may hold any text: no control or invisible character reaches a terminal raw
    name = Printable.escape(name);
    changes = changes.stream().map(Printable::escape).toList();
    notes = notes.stream().map(Printable::escape).toList();
  }

  /** The kinds of object, in the order the plan lists them. */
  public enum Kind {
    /** The KV secrets engine the keys live in: its type and version. */
    KV_MOUNT("kv mount"),
    /** An auth method the instances log in with (AppRole, kubernetes): its type. */
    AUTH_MOUNT("auth mount"),
    /** An instance's ACL policy {@code kes-<instance>}. */
    POLICY("policy"),
    /** An instance's AppRole role {@code kes-<instance>}. */
    APPROLE_ROLE("AppRole role"),
    /** An instance's role {@code kes-<instance>} on the kubernetes auth method. */
    KUBERNETES_ROLE("kubernetes auth role");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** As the text plan names it. */
    public String words() {
      return words;
    }

    /** As JSON names it: {@code kv_mount}, {@code policy}, ... */
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What the comparison found. */
  public enum Status {
    /** What the topology generates. */
    IN_SYNC("in sync", "="),
    /** Differs from what the topology generates; {@link #changes()} says how. */
    WILL_CHANGE("will change", "~"),
    /** The topology has it, the server does not. */
    MISSING("missing", "+"),
    /** Under kesgen's names ({@code kes-*}) on the server but not in the topology: apply.sh leaves it there. */
    NOT_MANAGED("not managed", "-"),
    /** The token may not read it, or the server's answer could not be read: not known to be in sync. */
    UNREADABLE("unreadable", "?");

    private final String words;
    private final String symbol;

    Status(String words, String symbol) {
      this.words = words;
      this.symbol = symbol;
    }

    public String words() {
      return words;
    }

    /** The plan line's mark: {@code = ~ + - ?}. */
    public String symbol() {
      return symbol;
    }

    /** As JSON names it: {@code in_sync}, {@code will_change}, ... */
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the server differs from the topology (in sync and unreadable are not drift). */
    public boolean drift() {
      return this == WILL_CHANGE || this == MISSING || this == NOT_MANAGED;
    }
  }
}

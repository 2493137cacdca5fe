package dev.kesgen.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live Vault compared with the topology, object by object, like {@code terraform plan}: one line per object with
 * its status, the differences below it.
 *
 * @param vault the server and namespace read, as {@link VaultEndpoint#toString()} prints them (no token)
 * @param objects every object in plan order: the mounts, then each instance's policy and role, then what is not
 *     managed
 */
public record LivePlan(String vault, List<LiveObject> objects) {
  public LivePlan {
    Objects.requireNonNull(vault, "vault");
    objects = List.copyOf(objects);
  }

  /** Whether every object is in sync. */
  public boolean inSync() {
    return objects.stream().allMatch(o -> o.status() == LiveObject.Status.IN_SYNC);
  }

  /** Whether an object differs: will change, missing or not managed. */
  public boolean drifted() {
    return objects.stream().anyMatch(o -> o.status().drift());
  }

  /** Whether an object could not be read. */
  public boolean incomplete() {
    return objects.stream().anyMatch(o -> o.status() == LiveObject.Status.UNREADABLE);
  }

  /**
   * The exit code of {@code kesgen vault plan} for this plan: 0 every object in sync, 1 drift (an object will change, is
   * missing or is not managed), else 3 when an object could not be read (Vault is not known to be in sync).
   */
  public int exitCode() {
    return drifted() ? 1 : incomplete() ? 3 : 0;
  }

  /** How many objects have each status, every status present, in declaration order. */
  public Map<LiveObject.Status, Integer> counts() {
    Map<LiveObject.Status, Integer> counts = new EnumMap<>(LiveObject.Status.class);
    for (LiveObject.Status s : LiveObject.Status.values()) {
      counts.put(s, 0);
    }
    objects.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
    return counts;
  }

  /** {@code Vault plan: 5 in sync, 1 will change, 0 missing, 1 not managed, 0 unreadable.} */
  public String summary() {
    List<String> parts = new ArrayList<>();
    counts().forEach((status, n) -> parts.add(n + " " + status.words()));
    return "Vault plan: " + String.join(", ", parts) + ".";
  }

  /** The plan as text, one line per object and one per difference or note, indented below it; then the summary. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Vault " + vault + ":");
    for (LiveObject o : objects) {
      lines.add("  " + o.status().symbol() + " " + o.kind().words() + " " + o.name() + ": " + o.status().words());
      o.changes().forEach(c -> lines.add("      " + c));
      o.notes().forEach(n -> lines.add("      " + n));
    }
    lines.add(summary());
    return lines;
  }
}

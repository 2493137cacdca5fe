package dev.kesgen.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the top-level {@code acknowledge} list: each entry names a warning by its id ({@link WarningId}), optionally
 * an instance and a tenant of it, and the reason it is accepted. Every mistake is a located problem: an unknown id
 * (with "did you mean"), an id that cannot be acknowledged, an instance or tenant that does not exist or that the
 * warning is not about, a missing reason, and an entry that repeats another.
 */
final class AcknowledgementReader {
  static final List<String> FIELDS = Mapping.fields("id", "instance", "tenant", "reason");

  private final Problems problems;

  AcknowledgementReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * The acknowledgements of the list at {@code node}; instance and tenant names are checked against {@code instances}
   * only when {@code complete} (every instance was read: otherwise a name may be that of an instance with problems).
   */
  List<Acknowledgement> read(Node node, List<Instance> instances, boolean complete) {
    List<Acknowledgement> read = new ArrayList<>();
    for (Nodes.Located<Node> item : Nodes.list(node, "acknowledge", problems).orElse(List.of())) {
      entry(item, instances, complete).ifPresent(a -> {
        Optional<Acknowledgement> same = read.stream().filter(r -> r.id() == a.id() && r.instance().equals(a.instance())
            && r.tenant().equals(a.tenant())).findFirst();
        if (same.isPresent()) {
          problems.at(item.node(), item.path(), "acknowledges the same warning as " + same.get().path()
              + "; keep only one");
        } else {
          read.add(a);
        }
      });
    }
    return read;
  }

  private Optional<Acknowledgement> entry(Nodes.Located<Node> item, List<Instance> instances, boolean complete) {
    Mapping m = Mapping.of(item.node(), item.path(), FIELDS, problems);
    if (!(item.node() instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
      return Optional.empty();
    }
    Optional<WarningId> id = id(m);
    Optional<String> reason = text(m, "reason", "why the warning is accepted, for whoever reviews the topology");
    Optional<String> instance = m.get("instance").flatMap(n -> Nodes.string(n, m.pathOf("instance"), problems));
    Optional<String> tenant = m.get("tenant").flatMap(n -> Nodes.string(n, m.pathOf("tenant"), problems));
    boolean ok = id.isPresent() && reason.isPresent()
        && (m.get("instance").isEmpty() || instance.isPresent()) && (m.get("tenant").isEmpty() || tenant.isPresent());
    if (id.isPresent()) {
      ok &= scope(m, id.get(), instance, tenant, instances, complete);
    }
    return ok ? Optional.of(new Acknowledgement(id.get(), instance, tenant, reason.get(), item.path()))
        : Optional.empty();
  }

  private Optional<WarningId> id(Mapping m) {
    Optional<String> text = text(m, "id", "the id of the warning, such as minio-14716: the log and SUMMARY.md show"
        + " it in brackets");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Node node = m.get("id").orElseThrow();
    Optional<WarningId> id = WarningId.of(text.get());
    if (id.isEmpty()) {
      problems.at(node, m.pathOf("id"), "unknown warning id \"" + text.get() + "\"" + suggestion(text.get()));
      return Optional.empty();
    }
    if (!id.get().acknowledgeable()) {
      problems.at(node, m.pathOf("id"), "warning \"" + id.get() + "\" cannot be acknowledged in the topology: "
          + (id.get().scope() == WarningId.Scope.RUN
              ? "it is about the machine or run kesgen is on, which the topology (shared by every checkout) does"
                  + " not describe; fix it where kesgen runs"
              : "it says an acknowledgement is not needed; remove that acknowledgement"));
      return Optional.empty();
    }
    return id;
  }

  /** Whether the instance and tenant exist and are what the warning is about. */
  private boolean scope(Mapping m, WarningId id, Optional<String> instance, Optional<String> tenant,
      List<Instance> instances, boolean complete) {
    boolean ok = true;
    if (id.scope() == WarningId.Scope.VAULT && m.get("instance").isPresent()) {
      problems.at(m.get("instance").get(), m.pathOf("instance"), "warning \"" + id + "\" is about the Vault, not an"
          + " instance: remove instance");
      ok = false;
    }
    if (id.scope() != WarningId.Scope.TENANT && m.get("tenant").isPresent()) {
      problems.at(m.get("tenant").get(), m.pathOf("tenant"), "warning \"" + id + "\" is about "
          + (id.scope() == WarningId.Scope.VAULT ? "the Vault" : "an instance") + ", not a tenant: remove tenant");
      ok = false;
    }
    if (!ok) {
      return false;
    }
    if (tenant.isPresent() && instance.isEmpty()) {
      problems.at(m.get("tenant").get(), m.pathOf("tenant"), "needs instance too (tenant names are unique only"
          + " within an instance)");
      return false;
    }
    if (!complete || instance.isEmpty()) {
      return true;
    }
    Optional<Instance> named = instances.stream().filter(i -> i.name().equals(instance.get())).findFirst();
    if (named.isEmpty()) {
      problems.at(m.get("instance").get(), m.pathOf("instance"), "\"" + instance.get() + "\" is no instance of this"
          + " topology (instances: " + String.join(", ", instances.stream().map(Instance::name).toList()) + ")");
      return false;
    }
    if (tenant.isPresent() && named.get().tenants().stream().noneMatch(t -> t.name().equals(tenant.get()))) {
      problems.at(m.get("tenant").get(), m.pathOf("tenant"), "\"" + tenant.get() + "\" is no tenant of instance "
          + instance.get() + " (tenants: " + String.join(", ", named.get().tenants().stream().map(Tenant::name)
              .toList()) + ")");
      return false;
    }
    return true;
  }

  private Optional<String> text(Mapping m, String field, String what) {
    if (m.get(field).isEmpty()) {
      problems.at(m.node(), m.pathOf(field), "is required (" + what + ")");
      return Optional.empty();
    }
    Optional<String> value = Nodes.string(m.get(field).get(), m.pathOf(field), problems);
    if (value.isPresent() && value.get().isBlank()) {
      problems.at(m.get(field).get(), m.pathOf(field), "is empty (" + what + ")");
      return Optional.empty();
    }
    return value;
  }

  private static String suggestion(String id) {
    List<String> known = WarningId.acknowledgeableIds();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = Mapping.distance(id.toLowerCase(Locale.ROOT), candidate);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
      return " (did you mean \"" + best + "\"?)";
    }
    return " (warnings a topology may acknowledge: " + String.join(", ", known) + ")";
  }
}

package dev.kesgen.live;

import dev.kesgen.live.LiveObject.Kind;
import dev.kesgen.live.LiveObject.Status;
import dev.kesgen.live.VaultApi.Answer;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Vault;
import dev.kesgen.vault.AppRoleRole;
import dev.kesgen.vault.PlanPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads every Vault object kesgen manages and compares it with what the repository says: the KV mount (type and
 * version), the AppRole auth mount (type), each instance's policy (by meaning, {@link PolicyComparison}) and role
 * ({@link RoleComparison}), and the {@code kes-*} policies and roles on kesgen's AppRole mount that the topology no
 * longer has. Only {@code GET} and {@code LIST}: never a write. The paths are {@link PlanPolicy}'s, so its policy is
 * exactly enough.
 */
public final class VaultPlanner {
  private final Desired desired;
  private final VaultApi api;
  private final Vault vault;

  private VaultPlanner(Desired desired, VaultApi api) {
    this.desired = desired;
    this.api = api;
    this.vault = desired.topology().vault();
  }

  /**
   * The plan of this server against the repository.
   *
   * @throws LiveVaultException when the server cannot be reached or does not accept the token
   */
  public static LivePlan plan(Desired desired, VaultApi api, String vaultName) throws LiveVaultException {
    return new VaultPlanner(desired, api).run(vaultName);
  }

  private LivePlan run(String vaultName) throws LiveVaultException {
    authenticate();
    List<LiveObject> objects = new ArrayList<>();
    objects.add(kvMount());
    objects.add(authMount());
    for (Instance instance : desired.topology().instances()) {
      objects.add(policy(instance));
      objects.add(role(instance));
    }
    objects.addAll(strays(Kind.POLICY, PlanPolicy.POLICIES, desired.policies().keySet()));
    objects.addAll(strays(Kind.APPROLE_ROLE, PlanPolicy.roles(vault), desired.roles().keySet()));
    return new LivePlan(vaultName, objects);
  }

  private void authenticate() throws LiveVaultException {
    Answer self = api.get(PlanPolicy.LOOKUP_SELF);
    if (self.status() == 200) {
      return;
    }
    if (self.status() == 403 || self.status() == 401) {
      throw new LiveVaultException("Vault refused the token: " + PlanPolicy.LOOKUP_SELF + " answered "
          + self.describe() + "; it is invalid or expired, or may not look itself up (Vault's default policy and "
          + PlanPolicy.NAME + " allow that)", null);
    }
    throw new LiveVaultException("Vault answered " + PlanPolicy.LOOKUP_SELF + " with " + self.describe()
        + (self.status() / 100 == 3 ? "; point VAULT_ADDR at the active node" : "")
        + (self.status() == 503 ? "; is it sealed?" : ""), null);
  }

  private LiveObject kvMount() throws LiveVaultException {
    String name = vault.kv().mount() + "/";
    String path = PlanPolicy.mount(vault);
    Answer answer = api.get(path);
    if (answer.status() == 404 || answer.status() == 400 && answer.errors().contains("No secret engine mount")) {
      return object(Kind.KV_MOUNT, name, path, Status.MISSING, List.of(), List.of("apply.sh enables it"));
    }
    if (answer.status() != 200) {
      return unreadable(Kind.KV_MOUNT, name, path, answer, "read");
    }
    Map<String, Object> data = answer.data();
    List<String> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Object type = data.get("type");
    if (!"kv".equals(type)) {
      changes.add("~ type: " + RoleComparison.show(type) + " -> \"kv\"");
      notes.add("apply.sh does not replace a mount: move the keys to a kv mount, or name it in vault.kv.mount");
    }
    Object options = data.get("options");
    Object version = options instanceof Map<?, ?> m && m.get("version") != null ? String.valueOf(m.get("version")) : "1";
    String want = String.valueOf(vault.kv().version());
    if ("kv".equals(type) && !want.equals(version)) {
      changes.add("~ options.version: \"" + version + "\" -> \"" + want + "\"");
      notes.add("apply.sh refuses a KV mount of the other version: " + (vault.kv().version() == 2
          ? "upgrade it (vault kv enable-versioning " + vault.kv().mount() + ") or set vault.kv.version: 1"
          : "set vault.kv.version: 2 (a v2 mount cannot become v1)"));
    }
    return object(Kind.KV_MOUNT, name, path, changes.isEmpty() ? Status.IN_SYNC : Status.WILL_CHANGE, changes, notes);
  }

  private LiveObject authMount() throws LiveVaultException {
    String name = vault.approle().mount() + "/";
    String path = PlanPolicy.AUTH_MOUNTS;
    Answer answer = api.get(path);
    if (answer.status() != 200) {
      return unreadable(Kind.AUTH_MOUNT, name, path, answer, "read");
    }
    Object mount = answer.data().get(name);
    if (!(mount instanceof Map<?, ?> m)) {
      return object(Kind.AUTH_MOUNT, name, path, Status.MISSING, List.of(), List.of("apply.sh enables it"));
    }
    Object type = m.get("type");
    if ("approle".equals(type)) {
      return object(Kind.AUTH_MOUNT, name, path, Status.IN_SYNC, List.of(), List.of());
    }
    return object(Kind.AUTH_MOUNT, name, path, Status.WILL_CHANGE,
        List.of("~ type: " + RoleComparison.show(type) + " -> \"approle\""),
        List.of("apply.sh does not replace an auth mount: name another in vault.approle.mount"));
  }

  private LiveObject policy(Instance instance) throws LiveVaultException {
    String name = instance.vaultName();
    String path = PlanPolicy.policy(name);
    Answer answer = api.get(path);
    if (answer.status() == 404) {
      return object(Kind.POLICY, name, path, Status.MISSING, List.of(), List.of("apply.sh writes it"));
    }
    if (answer.status() != 200 || !(answer.data().get("policy") instanceof String live)) {
      return unreadable(Kind.POLICY, name, path, answer, "read");
    }
    PolicyComparison comparison = PolicyComparison.of(name, desired.policies().get(name), live);
    if (comparison.equal()) {
      return object(Kind.POLICY, name, path, Status.IN_SYNC, List.of(), List.of());
    }
    List<String> notes = new ArrayList<>(comparison.note());
    if (comparison.note().isEmpty()) { // else the note says the access model cannot read it: one message
      notes.addAll(PolicyReach.of(desired.topology(), instance, live));
    }
    return object(Kind.POLICY, name, path, Status.WILL_CHANGE, comparison.changes(), notes);
  }

  private LiveObject role(Instance instance) throws LiveVaultException {
    String name = instance.vaultName();
    String path = dev.kesgen.vault.InstanceRole.of(vault, instance).path();
    Answer answer = api.get(path);
    if (answer.status() == 404) {
      return object(Kind.APPROLE_ROLE, name, path, Status.MISSING, List.of(),
          List.of(instance.vaultAuth() == dev.kesgen.topology.VaultAuth.KUBERNETES ? "apply.sh writes it"
              : "apply.sh writes it; then run bootstrap-" + instance.name() + ".sh, since a new role has a new role id"));
    }
    if (answer.status() != 200) {
      return unreadable(Kind.APPROLE_ROLE, name, path, answer, "read");
    }
    RoleComparison comparison = RoleComparison.of(desired.roles().get(name), answer.data(), path);
    return object(Kind.APPROLE_ROLE, name, path, comparison.equal() ? Status.IN_SYNC : Status.WILL_CHANGE,
        comparison.changes(), List.of());
  }

  /** The {@code kes-*} names listed at {@code path} that the topology does not have. */
  private List<LiveObject> strays(Kind kind, String path, java.util.Set<String> managed) throws LiveVaultException {
    Answer answer = api.list(path);
    if (answer.status() == 404) {
      return List.of(); // nothing to list
    }
    String all = PlanPolicy.INSTANCE_PREFIX + "*";
    if (answer.status() != 200 || !(answer.data().get("keys") instanceof List<?> keys)) {
      LiveObject o = unreadable(kind, all, path, answer, "list");
      List<String> notes = new ArrayList<>(o.notes());
      notes.add("so " + kind.words() + "s the topology no longer has are not found");
      return List.of(object(kind, all, path, Status.UNREADABLE, List.of(), notes));
    }
    List<LiveObject> strays = new ArrayList<>();
    for (String key : new TreeSet<>(keys.stream().map(String::valueOf).toList())) {
      if (key.startsWith(PlanPolicy.INSTANCE_PREFIX) && !managed.contains(key)) {
        String how = kind == Kind.POLICY ? "vault policy delete " + key : "vault delete " + path + "/" + key;
        strays.add(object(kind, key, path + "/" + key, Status.NOT_MANAGED, List.of(),
            List.of("no instance of the topology has it; apply.sh leaves it: delete it if no KES uses it (" + how + ")")));
      }
    }
    return strays;
  }

  private static LiveObject unreadable(Kind kind, String name, String path, Answer answer, String capability) {
    String why = answer.status() == 403
        ? "the token may not " + capability + " " + path + " (" + answer.describe() + "); the policy " + PlanPolicy.NAME
            + " allows it"
        : "Vault answered " + answer.describe() + " for " + path;
    return object(kind, name, path, Status.UNREADABLE, List.of(), List.of(why));
  }

  private static LiveObject object(Kind kind, String name, String path, Status status, List<String> changes,
      List<String> notes) {
    return new LiveObject(kind, name, path, status, changes, notes);
  }
}

package dev.kesgen.live;

import dev.kesgen.live.LiveObject.Kind;
import dev.kesgen.live.LiveObject.Status;
import dev.kesgen.eso.VaultReaders;
import dev.kesgen.live.VaultApi.Answer;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Vault;
import dev.kesgen.topology.VaultAuth;
import dev.kesgen.vault.AppRoleRole;
import dev.kesgen.vault.PlanPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads every Vault object kesgen manages and compares it with what the repository says: the KV mount (type and
 * version), the auth mounts the instances log in with (AppRole, kubernetes: type), each instance's policy (by
 * meaning, {@link PolicyComparison}) and role on its method's mount ({@link RoleComparison}), and the {@code kes-*}
 * policies and roles on kesgen's AppRole and kubernetes mounts that the topology no longer has (a {@code kes-*} role on
 * one mount for an instance that logs in with the other is such a stray: apply.sh does not remove it). Only
 * {@code GET} and {@code LIST}: never a write. The paths are {@link PlanPolicy}'s, so its policy is exactly enough.
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
    List<Instance> instances = desired.topology().instances();
    boolean appRole = instances.stream().anyMatch(i -> i.vaultAuth() == VaultAuth.APPROLE)
        || desired.readers().stream().anyMatch(r -> !r.kubernetes());
    boolean kubernetes = instances.stream().anyMatch(i -> i.vaultAuth() == VaultAuth.KUBERNETES)
        || desired.readers().stream().anyMatch(VaultReaders.Expected::kubernetes);
    Answer mounts = appRole || kubernetes ? api.get(PlanPolicy.AUTH_MOUNTS) : null;
    if (appRole) { // apply.sh enables only the auth methods an instance logs in with
      objects.add(authMount(mounts, vault.approle().mount(), "approle", "vault.approle.mount"));
    }
    if (kubernetes) {
      objects.add(authMount(mounts, vault.kubernetes().orElseThrow().mount(), "kubernetes", "vault.kubernetes.mount"));
    }
    for (Instance instance : instances) {
      objects.add(policy(instance));
      objects.add(role(instance));
    }
    for (VaultReaders.Expected reader : desired.readers()) {
      objects.add(readerPolicy(reader));
      objects.add(readerRole(reader));
    }
    Answer policies = api.list(PlanPolicy.POLICIES);
    objects.addAll(strays(Kind.POLICY, PlanPolicy.POLICIES, policies, desired.policies().keySet()));
    Answer appRoles = api.list(PlanPolicy.roles(vault));
    objects.addAll(strays(Kind.APPROLE_ROLE, PlanPolicy.roles(vault), appRoles, roleNames(VaultAuth.APPROLE)));
    java.util.Optional<String> kubernetesRoles = PlanPolicy.kubernetesRoles(vault);
    Answer k8sRoles = kubernetesRoles.isPresent() ? api.list(kubernetesRoles.get()) : null;
    if (kubernetesRoles.isPresent()) {
      objects.addAll(strays(Kind.KUBERNETES_ROLE, kubernetesRoles.get(), k8sRoles, roleNames(VaultAuth.KUBERNETES)));
    }
    if (!desired.readers().isEmpty()) {
      objects.addAll(readerStrays(Kind.POLICY, PlanPolicy.POLICIES, policies));
      boolean onKubernetes = desired.readers().get(0).kubernetes();
      objects.addAll(readerStrays(onKubernetes ? Kind.KUBERNETES_ROLE : Kind.APPROLE_ROLE,
          onKubernetes ? kubernetesRoles.orElseThrow() : PlanPolicy.roles(vault), onKubernetes ? k8sRoles : appRoles));
    }
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

  /** The role names of the instances that log in this way: a role of the other method's mount is not theirs. */
  private java.util.Set<String> roleNames(VaultAuth auth) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Instance instance : desired.topology().instances()) {
      if (instance.vaultAuth() == auth) {
        names.add(instance.vaultName());
      }
    }
    return names;
  }

  private static Kind roleKind(Instance instance) {
    return switch (instance.vaultAuth()) {
      case APPROLE -> Kind.APPROLE_ROLE;
      case KUBERNETES -> Kind.KUBERNETES_ROLE;
    };
  }

  private LiveObject authMount(Answer answer, String mount, String wantType, String field) {
    String name = mount + "/";
    String path = PlanPolicy.AUTH_MOUNTS;
    if (answer.status() != 200) {
      return unreadable(Kind.AUTH_MOUNT, name, path, answer, "read");
    }
    Object entry = answer.data().get(name);
    if (!(entry instanceof Map<?, ?> m)) {
      return object(Kind.AUTH_MOUNT, name, path, Status.MISSING, List.of(), List.of("apply.sh enables it"));
    }
    Object type = m.get("type");
    if (wantType.equals(type)) {
      return object(Kind.AUTH_MOUNT, name, path, Status.IN_SYNC, List.of(), List.of());
    }
    return object(Kind.AUTH_MOUNT, name, path, Status.WILL_CHANGE,
        List.of("~ type: " + RoleComparison.show(type) + " -> \"" + wantType + "\""),
        List.of("apply.sh does not replace an auth mount: name another in " + field));
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
    Kind kind = roleKind(instance);
    Answer answer = api.get(path);
    if (answer.status() == 404) {
      return object(kind, name, path, Status.MISSING, List.of(),
          List.of(instance.vaultAuth() == VaultAuth.KUBERNETES ? "apply.sh writes it"
              : "apply.sh writes it; then run bootstrap-" + instance.name() + ".sh, since a new role has a new role id"));
    }
    if (answer.status() != 200) {
      return unreadable(kind, name, path, answer, "read");
    }
    RoleComparison comparison = RoleComparison.of(desired.roles().get(name), answer.data(), path);
    return object(kind, name, path, comparison.equal() ? Status.IN_SYNC : Status.WILL_CHANGE,
        comparison.changes(), List.of());
  }

  /**
   * External Secrets Operator's reader policy (compared by meaning, like an instance's) as
   * {@code external-secrets/apply.sh} writes it from {@code external-secrets/policies/<name>.hcl}.
   */
  private LiveObject readerPolicy(VaultReaders.Expected reader) throws LiveVaultException {
    String name = reader.name();
    String path = PlanPolicy.policy(name);
    Answer answer = api.get(path);
    if (answer.status() == 404) {
      return object(Kind.POLICY, name, path, Status.MISSING, List.of(), List.of(ESO_WRITES));
    }
    if (answer.status() != 200 || !(answer.data().get("policy") instanceof String live)) {
      return unreadable(Kind.POLICY, name, path, answer, "read");
    }
    PolicyComparison comparison = PolicyComparison.of(name, reader.policy(), live);
    return object(Kind.POLICY, name, path, comparison.equal() ? Status.IN_SYNC : Status.WILL_CHANGE,
        comparison.changes(), comparison.equal() ? List.of() : withWrites(comparison.note()));
  }

  /** External Secrets Operator's reader role, on the AppRole or the kubernetes mount. */
  private LiveObject readerRole(VaultReaders.Expected reader) throws LiveVaultException {
    Kind kind = reader.kubernetes() ? Kind.KUBERNETES_ROLE : Kind.APPROLE_ROLE;
    Answer answer = api.get(reader.rolePath());
    if (answer.status() == 404) {
      return object(kind, reader.name(), reader.rolePath(), Status.MISSING, List.of(), List.of(ESO_WRITES));
    }
    if (answer.status() != 200) {
      return unreadable(kind, reader.name(), reader.rolePath(), answer, "read");
    }
    RoleComparison comparison = RoleComparison.of(seconds(HttpVaultApi.json(reader.roleJson())), answer.data(),
        reader.rolePath());
    return object(kind, reader.name(), reader.rolePath(), comparison.equal() ? Status.IN_SYNC : Status.WILL_CHANGE,
        comparison.changes(), comparison.equal() ? List.of() : List.of(ESO_WRITES));
  }

  private static final String ESO_WRITES = "external-secrets/apply.sh writes it";
  private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("(\\d{1,9})([smh]?)");

  /**
   * The body as Vault reads it back: the script writes durations as Vault's duration strings ({@code "1h"},
   * {@code "0"}), Vault answers with seconds ({@code token_ttl}, {@code token_max_ttl}, {@code secret_id_ttl},
   * {@code token_period}).
   */
  static Map<String, Object> seconds(Map<String, Object> body) {
    Map<String, Object> read = new java.util.LinkedHashMap<>(body);
    read.replaceAll((field, value) -> {
      java.util.regex.Matcher m = value instanceof String text && (field.endsWith("_ttl") || field.endsWith("_period"))
          ? DURATION.matcher(text) : null;
      if (m == null || !m.matches()) {
        return value;
      }
      long unit = switch (m.group(2)) {
        case "h" -> 3600;
        case "m" -> 60;
        default -> 1;
      };
      return Long.parseLong(m.group(1)) * unit;
    });
    return read;
  }

  private static List<String> withWrites(List<String> notes) {
    List<String> all = new ArrayList<>(notes);
    all.add(ESO_WRITES);
    return all;
  }

  /**
   * Readers ({@code kesgen-external-secrets*} policies or roles) Vault holds and the run does not: a namespace whose
   * {@code SecretStore} is gone, or the other store kind's reader. The writer's policy is the operator's, never one.
   */
  private List<LiveObject> readerStrays(Kind kind, String path, Answer answer) {
    if (answer.status() != 200 || !(answer.data().get("keys") instanceof List<?> keys)) {
      return List.of(); // strays() above reports the list it could not read
    }
    java.util.Set<String> managed = new java.util.HashSet<>();
    desired.readers().forEach(r -> managed.add(r.name()));
    managed.add(VaultReaders.WRITER);
    List<LiveObject> strays = new ArrayList<>();
    for (String key : new TreeSet<>(keys.stream().map(String::valueOf).toList())) {
      if ((key.equals(VaultReaders.PREFIX) || key.startsWith(VaultReaders.PREFIX + "-")) && !managed.contains(key)) {
        String how = kind == Kind.POLICY ? "vault policy delete " + key : "vault delete " + path + "/" + key;
        strays.add(object(kind, key, path + "/" + key, Status.NOT_MANAGED, List.of(), List.of("an External Secrets"
            + " reader this topology no longer has; external-secrets/apply.sh leaves it: delete it once no store logs"
            + " in with it (" + how + ")")));
      }
    }
    return strays;
  }

  /** The {@code kes-*} names listed at {@code path} that the topology does not have. */
  private List<LiveObject> strays(Kind kind, String path, Answer answer, java.util.Set<String> managed) {
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
        String whose = desired.policies().containsKey(key)
            ? "its instance now logs in with the other auth method" : "no instance of the topology has it";
        strays.add(object(kind, key, path + "/" + key, Status.NOT_MANAGED, List.of(),
            List.of(whose + "; apply.sh leaves it: delete it if no KES uses it (" + how + ")")));
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

package dev.kesgen.change;

import dev.kesgen.kes.KesApi;
import dev.kesgen.pki.Identity;
import dev.kesgen.pki.Pem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two sets of output texts (the committed output, or another branch's, with what a run would write) and says
 * what differs, per file and in words. Reads nothing but the texts it is given; kesgen's output layout names what a
 * file is ({@code kes/<instance>/values.yaml}, {@code tenants/<instance>/<tenant>/client.crt}, ...).
 */
public final class Changes {
  private static final Pattern KES_VALUES = Pattern.compile("kes/([^/]+)/values\\.yaml");
  private static final Pattern TENANT_VALUES = Pattern.compile("tenants/([^/]+)/([^/]+)/values\\.yaml");

  private Changes() {}

  /** What turning {@code before} into {@code after} changes; both map output-relative paths to file texts. */
  public static ChangeSet between(SortedMap<String, String> before, SortedMap<String, String> after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    List<FileChange> files = new ArrayList<>();
    SortedSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    for (String path : paths) {
      String old = before.get(path);
      String now = after.get(path);
      if (old == null) {
        files.add(new FileChange(path, FileChange.Operation.ADD));
      } else if (now == null) {
        files.add(new FileChange(path, FileChange.Operation.DELETE));
      } else if (!old.equals(now)) {
        files.add(new FileChange(path, FileChange.Operation.CHANGE));
      }
    }
    List<Change> changes = new ArrayList<>();
    if (!files.isEmpty()) {
      // each instance's values are parsed once per side, not once per tenant: a large instance has one large file
      Policies old = new Policies(before);
      Policies now = new Policies(after);
      instances(before, after, old, now, changes);
      tenants(before, after, old, now, changes);
    }
    changes.sort(Comparator.comparing(Change::kind).thenComparing(Change::subject).thenComparing(Change::message));
    return new ChangeSet(files, changes, removed(before, after));
  }

  private static void instances(SortedMap<String, String> before, SortedMap<String, String> after,
      Policies oldPolicies, Policies newPolicies, List<Change> changes) {
    SortedSet<String> old = names(before, KES_VALUES);
    SortedSet<String> now = names(after, KES_VALUES);
    for (String i : now) {
      if (!old.contains(i)) {
        changes.add(new Change(Change.Kind.INSTANCE_ADDED, i, "instance " + i + " added: apply its Secrets, run"
            + " vault/apply.sh and vault/bootstrap-" + i + ".sh, then install kes-" + i, false));
        continue;
      }
      String server = "kes/" + i + "/server.crt";
      if (changed(before, after, server)) {
        changes.add(new Change(Change.Kind.SERVER_CERTIFICATE_CHANGED, i, "the KES server certificate of instance "
            + i + " changes" + identities(before.get(server), after.get(server)) + ": every tenant's MinIO trusts it"
            + " by name, so apply each tenant's Secret (its ca.crt), upgrade kes-" + i + " and restart the tenants'"
            + " MinIO together with it", true));
      }
      String provisioner = "kes/" + i + "/provisioner.crt";
      if (changed(before, after, provisioner) && before.containsKey(provisioner) && after.containsKey(provisioner)) {
        changes.add(new Change(Change.Kind.IDENTITY_CHANGED, i, "the provisioner identity of instance " + i
            + " changes" + identities(before.get(provisioner), after.get(provisioner)) + ": apply its Secret before"
            + " upgrading kes-" + i, false));
      }
      provisioning(i, oldPolicies.of(i), newPolicies.of(i), changes);
      if (changed(before, after, "vault/policies/kes-" + i + ".hcl") && before.containsKey("vault/policies/kes-" + i
          + ".hcl")) {
        changes.add(new Change(Change.Kind.VAULT_POLICY_CHANGED, i, "the Vault policy kes-" + i + " changes: run"
            + " vault/apply.sh", false));
      }
      if (changed(before, after, "vault/approles/kes-" + i + ".json") && before.containsKey("vault/approles/kes-" + i
          + ".json")) {
        changes.add(new Change(Change.Kind.VAULT_ROLE_CHANGED, i, "the AppRole kes-" + i + " changes: run"
            + " vault/apply.sh", false));
      }
    }
    for (String i : old) {
      if (!now.contains(i)) {
        changes.add(new Change(Change.Kind.INSTANCE_REMOVED, i, "instance " + i + " removed: its Vault policy and"
            + " AppRole kes-" + i + ", its Secrets in the cluster (TLS, provisioner and kes-" + i + "-approle) and"
            + " its keys in Vault" + prefix(oldPolicies.of(i)) + " stay behind until you delete"
            + " them; uninstall kes-" + i, true));
      }
    }
  }

  private static void tenants(SortedMap<String, String> before, SortedMap<String, String> after,
      Policies oldPolicies, Policies newPolicies, List<Change> changes) {
    SortedSet<String> old = tenantNames(before);
    SortedSet<String> now = tenantNames(after);
    for (String subject : now) {
      String[] it = subject.split("/", 2);
      KesPolicies policies = newPolicies.of(it[0]);
      if (!old.contains(subject)) {
        changes.add(new Change(Change.Kind.TENANT_ADDED, subject, "tenant " + subject + " added"
            + identity(after.get(client(it))).map(id -> " (identity " + id + ")").orElse("")
            + keys(policies.allowed(it[1])) + ": apply its Secret, upgrade kes-" + it[0]
            + " and install its MinIO", false));
        continue;
      }
      if (changed(before, after, client(it))) {
        changes.add(new Change(Change.Kind.IDENTITY_CHANGED, subject, "the identity of tenant " + subject
            + " changes" + identities(before.get(client(it)), after.get(client(it))) + ": apply its Secret, upgrade"
            + " kes-" + it[0] + " and restart its MinIO", false));
      }
      grants(subject, oldPolicies.of(it[0]), policies, changes);
    }
    for (String subject : old) {
      if (!now.contains(subject)) {
        String[] it = subject.split("/", 2);
        changes.add(new Change(Change.Kind.TENANT_REMOVED, subject, "tenant " + subject + " removed: KES no longer"
            + " serves it; its Secret kes-" + it[0] + "-" + it[1] + "-client stays in the cluster and its keys stay in"
            + " Vault" + prefix(oldPolicies.of(it[0])) + " until you delete them;"
            + " uninstall its MinIO", true));
      }
    }
  }

  private static void grants(String subject, KesPolicies before, KesPolicies after, List<Change> changes) {
    String tenant = subject.substring(subject.indexOf('/') + 1);
    if (!before.has(tenant) || !after.has(tenant)) {
      return;
    }
    SortedSet<String> removed = new TreeSet<>(before.allowed(tenant));
    removed.removeAll(after.allowed(tenant));
    SortedSet<String> added = new TreeSet<>(after.allowed(tenant));
    added.removeAll(before.allowed(tenant));
    List<String> other = new ArrayList<>();
    for (String path : removed) {
      Optional<String> decrypted = KesApi.nameIn("decrypt", path);
      if (decrypted.isPresent()) {
        String key = decrypted.get();
        changes.add(new Change(Change.Kind.KEY_REMOVED, subject, "tenant " + subject + " loses decrypt on key " + key
            + ": objects it encrypted with " + key + " can no longer be read through KES (the key itself stays in"
            + " Vault" + after.vaultPrefix().or(before::vaultPrefix).map(p -> " at " + p + "/" + key).orElse("")
            + "); keep " + key + " in the tenant's keys until no object uses it", true));
      } else {
        other.add(path);
      }
    }
    if (!other.isEmpty()) {
      changes.add(new Change(Change.Kind.GRANTS_REMOVED, subject, "tenant " + subject + " may no longer call "
          + String.join(", ", other), false));
    }
    if (!added.isEmpty()) {
      changes.add(new Change(Change.Kind.GRANTS_ADDED, subject, "tenant " + subject + " may now call "
          + String.join(", ", added), false));
    }
  }

  private static void provisioning(String instance, KesPolicies before, KesPolicies after, List<Change> changes) {
    SortedSet<String> old = created(before.allowed(KesPolicies.PROVISIONER));
    SortedSet<String> now = created(after.allowed(KesPolicies.PROVISIONER));
    SortedSet<String> added = new TreeSet<>(now);
    added.removeAll(old);
    SortedSet<String> dropped = new TreeSet<>(old);
    dropped.removeAll(now);
    if (!added.isEmpty()) {
      changes.add(new Change(Change.Kind.KEY_CREATION_CHANGED, instance, "the provisioning Job of instance " + instance
          + " now creates " + String.join(", ", added) + " (on the next helm upgrade of kes-" + instance + ")", false));
    }
    if (!dropped.isEmpty()) {
      changes.add(new Change(Change.Kind.KEY_CREATION_CHANGED, instance, "the provisioning Job of instance " + instance
          + " no longer creates " + String.join(", ", dropped) + " (KES or MinIO creates it, or it is no longer"
          + " used)", false));
    }
  }

  private static SortedSet<String> created(java.util.Set<String> paths) {
    SortedSet<String> keys = new TreeSet<>();
    paths.forEach(p -> KesApi.nameIn("create", p).ifPresent(keys::add));
    return keys;
  }

  private static String keys(java.util.Set<String> allowed) {
    SortedSet<String> keys = new TreeSet<>();
    allowed.forEach(p -> KesApi.nameIn("decrypt", p).ifPresent(keys::add));
    return keys.isEmpty() ? "" : ", keys " + String.join(", ", keys);
  }

  /** The instances and then the tenants {@code after} no longer has, with where their last values say they ran. */
  private static List<ChangeSet.Removed> removed(SortedMap<String, String> before, SortedMap<String, String> after) {
    List<ChangeSet.Removed> removed = new ArrayList<>();
    SortedSet<String> instances = names(before, KES_VALUES);
    instances.removeAll(names(after, KES_VALUES));
    for (String i : instances) {
      String values = before.get(values(i));
      removed.add(new ChangeSet.Removed(i, first(NAMESPACE, values), first(SERVICE, values)));
    }
    SortedSet<String> tenants = tenantNames(before);
    tenants.removeAll(tenantNames(after));
    for (String t : tenants) {
      removed.add(new ChangeSet.Removed(t, first(NAMESPACE, before.get("tenants/" + t + "/values.yaml")),
          Optional.empty()));
    }
    return removed;
  }

  /** {@code --namespace <ns>} of the header's {@code helm upgrade --install} line. */
  private static final Pattern NAMESPACE = Pattern.compile("(?m)^#.* --namespace ([a-z0-9][a-z0-9-]{0,62}) ");
  /** The KES values' {@code service.name}. */
  private static final Pattern SERVICE = Pattern.compile("(?m)^service:\\n  name: \"?([a-z0-9][a-z0-9-]{0,62})\"?$");

  private static Optional<String> first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text == null ? "" : text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static String prefix(KesPolicies policies) {
    return policies.vaultPrefix().map(p -> " (under " + p + ")").orElse("");
  }

  /** The KES policies of each instance's values in one set of texts, parsed on first use. */
  private static final class Policies {
    private final SortedMap<String, String> files;
    private final java.util.Map<String, KesPolicies> parsed = new java.util.HashMap<>();

    Policies(SortedMap<String, String> files) {
      this.files = files;
    }

    KesPolicies of(String instance) {
      return parsed.computeIfAbsent(instance, i -> KesPolicies.of(files.getOrDefault(values(i), "")));
    }
  }

  private static String values(String instance) {
    return "kes/" + instance + "/values.yaml";
  }

  private static String client(String[] instanceAndTenant) {
    return "tenants/" + instanceAndTenant[0] + "/" + instanceAndTenant[1] + "/client.crt";
  }

  private static boolean changed(SortedMap<String, String> before, SortedMap<String, String> after, String path) {
    return !Objects.equals(before.get(path), after.get(path));
  }

  private static SortedSet<String> names(SortedMap<String, String> files, Pattern pattern) {
    SortedSet<String> names = new TreeSet<>();
    for (String path : files.keySet()) {
      Matcher m = pattern.matcher(path);
      if (m.matches()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static SortedSet<String> tenantNames(SortedMap<String, String> files) {
    SortedSet<String> names = new TreeSet<>();
    for (String path : files.keySet()) {
      Matcher m = TENANT_VALUES.matcher(path);
      if (m.matches()) {
        names.add(m.group(1) + "/" + m.group(2));
      }
    }
    return names;
  }

  private static String identities(String before, String after) {
    Optional<String> old = identity(before);
    Optional<String> now = identity(after);
    return old.isPresent() && now.isPresent() ? " (" + old.get() + " -> " + now.get() + ")" : "";
  }

  /** The first 12 hex digits of a certificate's KES identity, as SUMMARY.md and check findings show them. */
  private static Optional<String> identity(String pem) {
    if (pem == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Identity.of(Pem.decodeCertificate(pem)).hex().substring(0, 12) + "…");
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}

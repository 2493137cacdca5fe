package dev.kesgen.change;

import dev.kesgen.layout.CertificateId;
import dev.kesgen.layout.HelmCommands;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Secrets;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The commands that follow a run, for what it changed, in the order they must run: namespaces of what is new, the
 * Secrets whose certificate changed (every tenant's where the KES server certificate did, for its {@code ca.crt}),
 * the operator policy where it changed (written with a token that may write policies), {@code vault/apply.sh} and a
 * new instance's bootstrap script, the Helm releases whose values changed, a restart of
 * the MinIO whose trust or identity changed, then the removal of what the topology no longer has. Computed from a
 * {@link ChangeSet} and the topology it was planned from, so the committed files never depend on it; paths are named
 * as from the project directory ({@code generated/...}, {@code secrets/...}), ready to paste there.
 */
public final class NextSteps {
  private NextSteps() {}

  /**
   * The commands, each once; empty when nothing changed.
   *
   * @param changes what the run changes
   * @param topology the topology it was planned from
   * @param planned every output-relative path the run writes
   * @param outputName the output directory as named from the project directory
   * @param secretsName the secrets directory as named from the project directory
   */
  public static List<String> of(ChangeSet changes, Topology topology, Set<String> planned, String outputName,
      String secretsName) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(topology, "topology");
    if (changes.isEmpty()) {
      return List.of();
    }
    Set<String> added = paths(changes, FileChange.Operation.ADD);
    Set<String> changed = paths(changes, FileChange.Operation.CHANGE);
    Set<String> differ = new LinkedHashSet<>(added);
    differ.addAll(changed);
    Set<String> namespaces = new LinkedHashSet<>();
    Set<String> secrets = new LinkedHashSet<>();
    Set<String> vault = new LinkedHashSet<>();
    Set<String> kes = new LinkedHashSet<>();
    Set<String> tenants = new LinkedHashSet<>();
    Set<String> restarts = new LinkedHashSet<>();
    Secrets.Kind sink = topology.secrets().kind();
    if (differ.contains(OutputLayout.VAULT_OPERATOR_POLICY)) {
      // first, with a token that may write policies: the scripts' own token needs its new paths
      vault.add("vault policy write kesgen-operator "
          + HelmCommands.path(outputName, OutputLayout.VAULT_OPERATOR_POLICY));
    }
    if (differ.contains(OutputLayout.VAULT_PLAN_POLICY)) {
      // apply.sh does not write the read-only policy of kesgen vault plan
      vault.add("vault policy write " + dev.kesgen.vault.PlanPolicy.NAME + " "
          + HelmCommands.path(outputName, OutputLayout.VAULT_PLAN_POLICY));
    }
    if (differ.stream().anyMatch(p -> p.startsWith("vault/") && !p.equals(OutputLayout.VAULT_OPERATOR_POLICY)
        && !p.equals(OutputLayout.VAULT_PLAN_POLICY))) {
      vault.add("sh " + HelmCommands.path(outputName, OutputLayout.VAULT_APPLY));
    }
    for (Instance instance : topology.instances()) {
      boolean newInstance = added.contains(OutputLayout.kesValues(instance));
      if (newInstance) {
        namespaces.add(namespace(instance.namespace()));
        if (instance.vaultAuth() == dev.kesgen.topology.VaultAuth.APPROLE // a Kubernetes login has no secret id
            && topology.secrets().deliversAppRoleLogin()) {
          // external-secrets/apply.sh stores the login in KV (after vault/apply.sh made the role); ESO makes the Secret
          vault.add(("secrets".equals(secretsName) ? "" : "KESGEN_SECRETS_DIR=" + secretsName + " ") + "sh "
              + HelmCommands.path(outputName, OutputLayout.EXTERNAL_SECRETS_APPLY));
          vault.add("kubectl apply --server-side -f "
              + HelmCommands.path(outputName, OutputLayout.kesAppRoleExternalSecret(instance)));
        } else if (instance.vaultAuth() == dev.kesgen.topology.VaultAuth.APPROLE) {
          vault.add("sh " + HelmCommands.path(outputName, OutputLayout.vaultBootstrap(instance)));
        }
      }
      CertificateId server = CertificateId.server(instance);
      boolean serverChanged = changed.contains(server.certificatePath());
      CertificateId provisioner = CertificateId.provisioner(instance);
      secret(differ, server, sink, outputName, secretsName, secrets);
      secret(differ, provisioner, sink, outputName, secretsName, secrets);
      if (serverChanged && planned.contains(provisioner.certificatePath())) {
        secrets.add(apply(sink, outputName, secretsName, provisioner)); // it trusts the server certificate too
      }
      for (Tenant tenant : instance.tenants()) {
        CertificateId client = CertificateId.client(instance, tenant);
        if (added.contains(OutputLayout.tenantValues(instance, tenant))) {
          namespaces.add(namespace(tenant.namespace()));
        }
        if (serverChanged) {
          secrets.add(apply(sink, outputName, secretsName, client)); // its ca.crt is the new server certificate
        } else {
          secret(differ, client, sink, outputName, secretsName, secrets);
        }
        if (differ.contains(OutputLayout.tenantValues(instance, tenant))) {
          tenants.add(HelmCommands.tenant(instance, tenant, outputName));
        }
        if (serverChanged || changed.contains(client.certificatePath())) {
          restarts.add(HelmCommands.restartTenant(tenant));
        }
      }
      if (differ.contains(OutputLayout.kesValues(instance))) {
        kes.add(HelmCommands.kes(instance, outputName));
      }
    }
    List<String> steps = new ArrayList<>(namespaces);
    if (sink == Secrets.Kind.EXTERNAL_SECRETS) {
      // external-secrets/apply.sh needs the KV mount, the auth methods and the AppRole roles vault/apply.sh makes
      steps.addAll(vault);
      steps.addAll(secrets);
    } else {
      steps.addAll(secrets);
      steps.addAll(vault);
    }
    steps.addAll(kes);
    steps.addAll(tenants);
    steps.addAll(restarts);
    steps.addAll(removals(changes, topology));
    return List.copyOf(new LinkedHashSet<>(steps));
  }

  /**
   * The steps as both front ends print them: a heading and one indented command a line; nothing when there are none.
   */
  public static List<String> lines(List<String> steps) {
    if (steps.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("Next steps, from the project directory (docs/operations.md has their reasons):");
    steps.forEach(step -> lines.add("  " + step));
    return lines;
  }

  private static List<String> removals(ChangeSet changes, Topology topology) {
    List<String> steps = new ArrayList<>();
    for (ChangeSet.Removed removed : changes.removed()) {
      String namespace = removed.namespace().orElse("<namespace>");
      String[] parts = removed.subject().split("/", 2);
      if (parts.length == 2) {
        steps.add("helm uninstall " + parts[1] + " --namespace " + namespace);
        steps.add("kubectl delete secret kes-" + parts[0] + "-" + parts[1] + "-client --namespace " + namespace);
        continue;
      }
      String instance = parts[0];
      String service = removed.service().orElse("<service>");
      String role = "kes-" + instance;
      steps.add("helm uninstall " + role + " --namespace " + namespace);
      steps.add("kubectl delete secret " + service + "-tls " + service + "-provisioner " + role + "-approle"
          + " --ignore-not-found --namespace " + namespace);
      steps.add("vault policy delete " + role);
      steps.add("vault delete auth/" + topology.vault().approle().mount() + "/role/" + role);
    }
    return steps;
  }

  private static void secret(Set<String> differ, CertificateId id, Secrets.Kind sink, String outputName,
      String secretsName, Set<String> secrets) {
    if (differ.contains(id.certificatePath())) {
      if (sink == Secrets.Kind.EXTERNAL_SECRETS) {
        // the key goes into Vault first; ESO makes the Secret from the ExternalSecret that names it
        secrets.add(("secrets".equals(secretsName) ? "" : "KESGEN_SECRETS_DIR=" + secretsName + " ") + "sh "
            + HelmCommands.path(outputName, OutputLayout.EXTERNAL_SECRETS_APPLY));
      }
      secrets.add(apply(sink, outputName, secretsName, id));
    }
  }

  /** Applying the Secret where the topology's sink put it: the committed sealed or SOPS file or ExternalSecret, else the manifest. */
  private static String apply(Secrets.Kind sink, String outputName, String secretsName, CertificateId id) {
    return switch (sink) {
      case SEALED_SECRETS -> "kubectl apply --server-side -f " + HelmCommands.path(outputName, id.sealedSecretPath());
      case SOPS -> "sops --decrypt " + HelmCommands.path(outputName, id.sopsSecretPath())
          + " | kubectl apply --server-side -f -";
      case EXTERNAL_SECRETS -> "kubectl apply --server-side -f " + HelmCommands.path(outputName, id.externalSecretPath());
      case DIRECTORY -> "kubectl apply --server-side -f " + HelmCommands.path(secretsName, id.secretManifestPath());
    };
  }

  private static String namespace(String namespace) {
    return "kubectl create namespace " + namespace + " --dry-run=client -o yaml | kubectl apply --server-side -f -";
  }

  private static Set<String> paths(ChangeSet changes, FileChange.Operation operation) {
    Set<String> paths = new LinkedHashSet<>();
    changes.files().stream().filter(f -> f.operation() == operation).forEach(f -> paths.add(f.path()));
    return paths;
  }
}

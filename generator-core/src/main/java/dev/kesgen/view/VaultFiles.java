package dev.kesgen.view;

import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.Vault;
import dev.kesgen.topology.VaultAuth;
import dev.kesgen.vault.AppRoleRole;
import dev.kesgen.vault.InstanceRole;
import dev.kesgen.vault.JsonBody;
import dev.kesgen.vault.KubernetesAuthRole;
import dev.kesgen.vault.PlanPolicy;
import dev.kesgen.vault.VaultPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the Vault files: one policy per instance and its AppRole with a bootstrap script, or its kubernetes auth role
 * (and, once, the auth method's configuration), the apply script, the
 * policy of the token that runs the scripts, and the read-only policy of {@code kesgen vault plan}.
 */
public final class VaultFiles {
  private VaultFiles() {}

  /** Every Vault file of the topology. */
  public static List<PlannedFile> plan(Topology topology, String header, String outputName) {
    Vault vault = topology.vault();
    VaultView vaultView = VaultView.of(vault);
    List<PlannedFile> files = new ArrayList<>();
    List<ApplyContext.Instance> instances = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      InstanceView view = InstanceView.of(instance);
      List<PolicyContext.Rule> rules = VaultPolicy.of(vault, instance).rules().stream()
          .map(r -> new PolicyContext.Rule(r.pattern(), r.capabilities())).toList();
      files.add(new PlannedFile.Rendered(OutputLayout.vaultPolicy(instance), "vault/policy.hcl.hbs",
          new PolicyContext(header, vaultView, view, vault.keyLocation(instance), rules)));
      InstanceRole login = InstanceRole.of(vault, instance);
      if (instance.vaultAuth() == VaultAuth.APPROLE) {
        AppRoleRole role = AppRoleRole.of(vault, instance);
        files.add(new PlannedFile.Rendered(OutputLayout.vaultAppRole(instance), "vault/approle.json.hbs",
            new AppRoleContext(header, view, role(role))));
        if (!topology.secrets().deliversAppRoleLogin()) { // else external-secrets/apply.sh and an ExternalSecret do
          files.add(new PlannedFile.Rendered(OutputLayout.vaultBootstrap(instance), "vault/bootstrap.sh.hbs",
              new BootstrapContext(header, vaultView, view, KubernetesNames.appRoleSecret(instance),
                  role.roleIdPath(), role.secretIdPath(), role.secretIdPath(), role.accessorDestroyPath(),
                  secretIdMetadata(instance))));
        }
      } else {
        // no AppRole, no bootstrap script, no secret id: the pod's ServiceAccount token is the credential
        files.add(new PlannedFile.Verbatim(OutputLayout.vaultKubernetesRole(instance), JsonBody.of(login.parameters())));
      }
      instances.add(new ApplyContext.Instance(instance.name(), instance.namespace(), instance.vaultName(),
          OutputLayout.vaultPolicyFromVaultDirectory(instance), OutputLayout.vaultRoleFromVaultDirectory(instance),
          login.path(), instance.vaultAuth().toString()));
    }
    boolean appRoleAuth = topology.instances().stream().anyMatch(i -> i.vaultAuth() == VaultAuth.APPROLE);
    // one method and one configuration, whether KES instances, External Secrets Operator or both log in with it
    java.util.Optional<Vault.Kubernetes> kubernetes = topology.kubernetesAuth();
    boolean kubernetesAuth = kubernetes.isPresent();
    String kubernetesMount = kubernetes.map(Vault.Kubernetes::mount).orElse("");
    kubernetes.ifPresent(k -> files.add(new PlannedFile.Verbatim(OutputLayout.VAULT_KUBERNETES_CONFIG,
        JsonBody.of(KubernetesAuthRole.config(k)))));
    files.add(new PlannedFile.Rendered(OutputLayout.VAULT_APPLY, "vault/apply.sh.hbs", new ApplyContext(header,
        vaultView, dev.kesgen.vault.OperatorPolicy.kvOptionsPath(topology), instances, appRoleAuth, kubernetesAuth,
        kubernetesMount, OutputLayout.VAULT_KUBERNETES_CONFIG_FROM_VAULT_DIRECTORY,
        kubernetesAuth ? "auth/" + kubernetesMount + "/config" : "")));
    files.add(new PlannedFile.Rendered(OutputLayout.VAULT_OPERATOR_POLICY, "vault/operator-policy.hcl.hbs",
        new OperatorPolicyContext(header, vaultView, dev.kesgen.vault.OperatorPolicy.NAME,
            dev.kesgen.layout.HelmCommands.path(outputName, OutputLayout.VAULT_OPERATOR_POLICY),
            dev.kesgen.vault.OperatorPolicy.rules(topology).stream().map(r -> new OperatorPolicyContext.Rule(
                r.rule().pattern(), r.rule().capabilities(), r.why())).toList())));
    files.add(new PlannedFile.Rendered(OutputLayout.VAULT_PLAN_POLICY, "vault/plan-policy.hcl.hbs",
        new PlanPolicyContext(header, vaultView, PlanPolicy.NAME, PlanPolicy.rules(topology).stream()
            .map(r -> new PlanPolicyContext.Rule(r.path(), r.capabilities(), r.why())).toList())));
    return files;
  }

  /**
   * The {@code metadata} of each secret id the bootstrap script creates: which instance it is for, so a secret id
   * (and, through it, the tokens it logs in to, whose metadata Vault copies from it) names its owner in audit logs.
   */
  static String secretIdMetadata(Instance instance) {
    return "{\"kes_instance\":\"" + instance.name() + "\",\"kes_namespace\":\"" + instance.namespace()
        + "\",\"created_by\":\"kesgen bootstrap\"}";
  }

  private static AppRoleContext.Role role(AppRoleRole role) {
    AppRoleRole.Parameters p = role.parameters();
    return new AppRoleContext.Role(p.tokenPolicies(), p.tokenNoDefaultPolicy(), p.tokenPeriod(), p.tokenBoundCidrs(),
        p.secretIdTtl(), p.secretIdNumUses(), p.secretIdBoundCidrs(), p.bindSecretId());
  }
}

package dev.kesgen.layout;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;

/**
 * Where every file kesgen writes goes, relative to the output directory with {@code /} separators. Certificates'
 * paths are {@link CertificateId}'s; everything else is here.
 */
public final class OutputLayout {
  /** The reviewer's page. */
  public static final String SUMMARY = "SUMMARY.md";
  /** The script that writes every policy and AppRole. */
  public static final String VAULT_APPLY = "vault/apply.sh";
  /** The policy of the token that runs the apply and bootstrap scripts. */
  public static final String VAULT_OPERATOR_POLICY = "vault/policies/kesgen-operator.hcl";
  /** The read-only policy {@code kesgen vault plan} needs ({@code kesgen-vault-plan}); apply.sh does not write it. */
  public static final String VAULT_PLAN_POLICY = "vault/policies/" + dev.kesgen.vault.PlanPolicy.NAME + ".hcl";

  /** The configuration of Vault's kubernetes auth method ({@code auth/<mount>/config}), when an instance uses it. */
  public static final String VAULT_KUBERNETES_CONFIG = "vault/" + "kubernetes/config.json";
  /** {@link #VAULT_KUBERNETES_CONFIG} as {@code vault/apply.sh} names it, relative to {@code vault/}. */
  public static final String VAULT_KUBERNETES_CONFIG_FROM_VAULT_DIRECTORY = "kubernetes/config.json";
  /** The script of the externalSecrets sink that writes the keys into Vault KV and the reader's login. */
  public static final String EXTERNAL_SECRETS_APPLY = "external-secrets/apply.sh";

  private OutputLayout() {}

  /** {@code vault/kubernetes/kes-<instance>.json}: the kubernetes auth role of an instance that logs in with it. */
  public static String vaultKubernetesRole(Instance instance) {
    return "vault/" + vaultKubernetesRoleFromVaultDirectory(instance);
  }

  /** The file of the role an instance logs in with: its AppRole, or its kubernetes auth role. */
  public static String vaultRole(Instance instance) {
    return "vault/" + vaultRoleFromVaultDirectory(instance);
  }

  /** {@link #vaultRole} as {@code vault/apply.sh} names it, relative to {@code vault/}. */
  public static String vaultRoleFromVaultDirectory(Instance instance) {
    return switch (instance.vaultAuth()) {
      case APPROLE -> vaultAppRoleFromVaultDirectory(instance);
      case KUBERNETES -> vaultKubernetesRoleFromVaultDirectory(instance);
    };
  }

  /** The kubernetes auth role file as {@code vault/apply.sh} names it, relative to {@code vault/}. */
  public static String vaultKubernetesRoleFromVaultDirectory(Instance instance) {
    return "kubernetes/" + instance.vaultName() + ".json";
  }

  /** {@code vault/policies/kes-<instance>.hcl}. */
  public static String vaultPolicy(Instance instance) {
    return "vault/" + vaultPolicyFromVaultDirectory(instance);
  }

  /** The policy file as {@code vault/apply.sh} names it, relative to {@code vault/}. */
  public static String vaultPolicyFromVaultDirectory(Instance instance) {
    return "policies/" + instance.vaultName() + ".hcl";
  }

  /** {@code vault/approles/kes-<instance>.json}. */
  public static String vaultAppRole(Instance instance) {
    return "vault/" + vaultAppRoleFromVaultDirectory(instance);
  }

  /** The AppRole file as {@code vault/apply.sh} names it, relative to {@code vault/}. */
  public static String vaultAppRoleFromVaultDirectory(Instance instance) {
    return "approles/" + instance.vaultName() + ".json";
  }

  /** {@code vault/bootstrap-<instance>.sh}. */
  public static String vaultBootstrap(Instance instance) {
    return "vault/bootstrap-" + instance.name() + ".sh";
  }

  /**
   * {@code kes/<instance>/approle.external-secret.yaml}: with the externalSecrets sink, the ExternalSecret that makes
   * the instance's AppRole Secret from Vault KV (in place of {@link #vaultBootstrap}).
   */
  public static String kesAppRoleExternalSecret(Instance instance) {
    return "kes/" + instance.name() + "/approle.external-secret.yaml";
  }

  /** {@code kes/<instance>/values.yaml}: the values of the KES chart. */
  public static String kesValues(Instance instance) {
    return kesValues(instance.name());
  }

  /** {@code kes/<instance>/values.yaml} of the instance with this name. */
  public static String kesValues(String instance) {
    return "kes/" + instance + "/values.yaml";
  }

  /** {@code kes/<instance>/manifests.yaml}: the KES chart rendered by Helm (kesgen-helm). */
  public static String kesManifests(Instance instance) {
    return "kes/" + instance.name() + "/manifests.yaml";
  }

  /** {@code tenants/<instance>/<tenant>/values.yaml}: the values of the tenant's MinIO chart. */
  public static String tenantValues(Instance instance, Tenant tenant) {
    return "tenants/" + instance.name() + "/" + tenant.name() + "/values.yaml";
  }
}

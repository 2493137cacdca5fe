package dev.kesgen.view;

import java.util.List;

/**
 * The context of {@code vault/apply.sh.hbs}.
 *
 * @param header the "generated" line
 * @param vault the Vault
 * @param kvOptionsPath {@code sys/mounts/<mount>}, to read the KV version (the operator policy grants read there)
 * @param instances every instance
 * @param appRoleAuth whether some instance logs in with AppRole (the AppRole method is enabled where missing)
 * @param kubernetesAuth whether some instance or External Secrets Operator logs in with Kubernetes (that method is
 *     enabled and configured, once)
 * @param kubernetesMount the kubernetes auth mount, or ""
 * @param kubernetesConfigFile its configuration file relative to {@code vault/}
 * @param kubernetesConfigPath {@code auth/<mount>/config}, or ""
 */
public record ApplyContext(String header, VaultView vault, String kvOptionsPath, List<Instance> instances,
    boolean appRoleAuth, boolean kubernetesAuth, String kubernetesMount, String kubernetesConfigFile,
    String kubernetesConfigPath) {
  /**
   * One instance's policy and AppRole.
   *
   * @param name the instance name
   * @param namespace its namespace
   * @param vaultName {@code kes-<name>}
   * @param policyFile the policy file relative to {@code vault/}
   * @param approleFile the file of the role it logs in with (its AppRole or its kubernetes auth role), relative to
   *     {@code vault/}
   * @param approlePath {@code auth/<mount>/role/kes-<name>} of that role
   * @param auth {@code approle} or {@code kubernetes}
   */
  public record Instance(String name, String namespace, String vaultName, String policyFile, String approleFile,
      String approlePath, String auth) {}
}

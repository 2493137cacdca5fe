package dev.kesgen.view;

import java.util.List;

/**
 * The context of {@code vault/apply.sh.hbs}.
 *
 * @param header the "generated" line
 * @param vault the Vault
 * @param kvOptionsPath {@code sys/mounts/<mount>}, to read the KV version (the operator policy grants read there)
 * @param instances every instance
 */
public record ApplyContext(String header, VaultView vault, String kvOptionsPath, List<Instance> instances) {
  /**
   * One instance's policy and AppRole.
   *
   * @param name the instance name
   * @param namespace its namespace
   * @param vaultName {@code kes-<name>}
   * @param policyFile the policy file relative to {@code vault/}
   * @param approleFile the AppRole file relative to {@code vault/}
   * @param approlePath {@code auth/<mount>/role/kes-<name>}
   */
  public record Instance(String name, String namespace, String vaultName, String policyFile, String approleFile,
      String approlePath) {}
}

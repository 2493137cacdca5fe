package dev.kesgen.view;

/**
 * The context of {@code vault/bootstrap.sh.hbs}.
 *
 * @param header the "generated" line
 * @param vault the Vault
 * @param instance the instance
 * @param secretName the AppRole Secret, {@code kes-<instance>-approle}
 * @param roleIdPath where the role id is read
 * @param secretIdPath where a secret id is created
 * @param accessorsPath where secret id accessors are listed
 * @param destroyPath where a secret id is destroyed by accessor
 * @param secretIdMetadata the JSON {@code metadata} given to each new secret id (instance and namespace; no secret)
 */
public record BootstrapContext(String header, VaultView vault, InstanceView instance, String secretName,
    String roleIdPath, String secretIdPath, String accessorsPath, String destroyPath, String secretIdMetadata) {}

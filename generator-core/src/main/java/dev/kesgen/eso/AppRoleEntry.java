package dev.kesgen.eso;

import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Vault;
import dev.kesgen.vault.AppRoleRole;
import java.util.List;
import java.util.Objects;

/**
 * The Vault KV entry of a KES instance's own AppRole login, with the externalSecrets sink:
 * {@code <path>/<namespace>/kes-<instance>-approle/<fingerprint>} with properties {@code role-id} and
 * {@code secret-id}, from which the committed ExternalSecret makes the Secret the KES chart reads as
 * {@code KES_APPROLE_ID} and {@code KES_APPROLE_SECRET} (the name and keys {@code vault/bootstrap-<instance>.sh} gives
 * it with the other sinks). Its value is secret and made by Vault, so the fingerprint names which login it is for
 * (the Vault namespace and the role's path: the first 16 hex digits of their SHA-256), not what it holds: a moved
 * role is a new entry, a rotated secret id a new version of the same one.
 *
 * <p>{@code external-secrets/apply.sh} creates the secret id only when the entry is absent and stores it with
 * {@code -cas=0} (KV v2; on v1 after listing the parent), so a second run creates none;
 * {@code --rotate-secret-id <instance>} writes the next version with {@code -cas=<current version>} and then
 * destroys every older secret id of the role. So the ExternalSecret does not pin a version (unlike the
 * certificates', whose value the repository names): no commit can say which secret id is current.
 *
 * @param instance the KES instance
 * @param role its AppRole role
 * @param key the KV key below the mount (ESO's {@code remoteRef.key})
 */
record AppRoleEntry(Instance instance, AppRoleRole role, String key) {
  /** The properties of the entry, which are the data keys of the Secret (charts/kes/templates/deployment.yaml). */
  static final List<String> PROPERTIES = List.of("role-id", "secret-id");

  AppRoleEntry {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(key, "key");
  }

  static AppRoleEntry of(String path, Vault vault, Instance instance) {
    AppRoleRole role = AppRoleRole.of(vault, instance);
    String fingerprint = KvEntry.sha256("kesgen external secrets v1\napprole\n" + vault.namespace() + "\n"
        + role.path() + "\n").substring(0, 16);
    return new AppRoleEntry(instance, role, path + "/" + namespace(instance) + "/" + secretName(instance) + "/"
        + fingerprint);
  }

  /** The Secret's name, {@link KubernetesNames#appRoleSecret}. */
  String secretName() {
    return secretName(instance);
  }

  /** The Secret's namespace: the instance's. */
  String namespace() {
    return namespace(instance);
  }

  /** The key's parent, which the script lists to learn whether the entry exists. */
  String parent() {
    return key.substring(0, key.lastIndexOf('/'));
  }

  /** The output-relative path of its ExternalSecret. */
  String externalSecretPath() {
    return OutputLayout.kesAppRoleExternalSecret(instance);
  }

  /**
   * The {@code metadata} of each secret id the script creates, as the bootstrap script writes it but naming this
   * script: Vault copies it onto the tokens the secret id logs in to, so audit logs name the owner.
   */
  String secretIdMetadata() {
    return "{\"kes_instance\":\"" + instance.name() + "\",\"kes_namespace\":\"" + instance.namespace()
        + "\",\"created_by\":\"kesgen external-secrets\"}";
  }

  private static String secretName(Instance instance) {
    return KubernetesNames.appRoleSecret(instance);
  }

  private static String namespace(Instance instance) {
    return instance.namespace();
  }
}

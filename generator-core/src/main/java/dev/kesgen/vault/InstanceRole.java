package dev.kesgen.vault;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Vault;
import dev.kesgen.topology.VaultAuth;
import java.util.Map;

/**
 * The role an instance logs in to Vault with, whichever auth method it uses: where it is written and with which
 * parameters. apply.sh, the operator and plan policies, check and vault plan all ask this; its file is
 * {@code dev.kesgen.layout.OutputLayout#vaultRole}.
 *
 * @param auth the auth method
 * @param path {@code auth/<mount>/role/kes-<instance>}
 * @param parameters the body written there
 */
public record InstanceRole(VaultAuth auth, String path, Map<String, Object> parameters) {
  /** The role of this instance. */
  public static InstanceRole of(Vault vault, Instance instance) {
    return switch (instance.vaultAuth()) {
      case APPROLE -> {
        AppRoleRole role = AppRoleRole.of(vault, instance);
        yield new InstanceRole(VaultAuth.APPROLE, role.path(), role.parameters().body());
      }
      case KUBERNETES -> {
        KubernetesAuthRole role = KubernetesAuthRole.of(vault, instance);
        yield new InstanceRole(VaultAuth.KUBERNETES, role.path(), role.parameters());
      }
    };
  }
}

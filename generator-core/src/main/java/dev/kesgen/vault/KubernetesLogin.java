package dev.kesgen.vault;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KesKubernetesLogin;
import dev.kesgen.topology.KubernetesAccounts;
import dev.kesgen.topology.Vault;
import dev.kesgen.topology.VaultAuth;
import java.util.Optional;

/** What a reviewer is told about an instance that logs in to Vault with its ServiceAccount token. */
public final class KubernetesLogin {
  private KubernetesLogin() {}

  /**
   * SUMMARY.md's words for how the instance logs in, after its Vault policy: empty for an AppRole instance, whose line
   * says "and AppRole".
   */
  public static Optional<String> summary(Vault vault, Instance instance) {
    if (instance.vaultAuth() != VaultAuth.KUBERNETES) {
      return Optional.empty();
    }
    KubernetesAuthRole role = KubernetesAuthRole.of(vault, instance);
    String account = "`" + instance.namespace() + "/" + KubernetesAccounts.name(instance) + "`";
    String token = KesKubernetesLogin.of(instance.kes().version()).rereadsToken()
        ? "a projected token (audience `" + KubernetesAuthRole.AUDIENCE + "`), which KES reads again at every login"
        : "a long-lived token Secret `" + KubernetesAccounts.name(instance) + "-token`, since KES "
            + instance.kes().version() + " reads its token once (minio/kes#491)";
    return Optional.of("KES logs in with Kubernetes, as ServiceAccount " + account + " (role `" + role.path()
        + "`, no AppRole and no secret id) with " + token);
  }

  /**
   * The warning for a release that reads its token once, before 2024-11-25T13-44-31Z: its login token is a Secret that
   * never expires, and, up to 2023-02-15, a missing token file is sent as the JWT.
   */
  public static Optional<String> tokenReadOnce(Instance instance) {
    KesKubernetesLogin login = KesKubernetesLogin.of(instance.kes().version());
    if (instance.vaultAuth() != VaultAuth.KUBERNETES || login.rereadsToken() || !login.canLogIn()) {
      return Optional.empty();
    }
    String missing = login == KesKubernetesLogin.READ_AT_START_MISSING_IGNORED
        ? "; this release also sends the token file's path as the JWT when the file is missing, so the login fails"
            + " until the Secret is filled"
        : "";
    return Optional.of("instance " + instance.name() + ": KES " + instance.kes().version() + " reads its Vault login"
        + " token once at start-up (it is read again at every login only from " + KesKubernetesLogin.REREAD_FROM
        + ", minio/kes#491), so the chart mounts the long-lived token Secret " + KubernetesAccounts.name(instance)
        + "-token instead of a projected token, which would expire under it; that token never expires: delete the"
        + " Secret to revoke it, or upgrade KES" + missing);
  }
}

package dev.kesgen.vault;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KesKubernetesLogin;
import dev.kesgen.topology.KubernetesAccounts;
import dev.kesgen.topology.Vault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role {@code kes-<instance>} of Vault's kubernetes auth method, as the body of
 * {@code POST auth/<mount>/role/<name>} (B@v2.6.2:builtin/credential/kubernetes/path_role.go).
 *
 * <p>It binds exactly the instance's ServiceAccount in the instance's namespace (names are matched as globs,
 * path_login.go:352-355, but a Kubernetes name cannot hold {@code *}), gives the instance's policy only, without
 * {@code default}, and a periodic token as the AppRole does ({@code vault.approle.tokenPeriod} and
 * {@code tokenBoundCidrs}, which are about the token, not the login). Every field is written, so an update never keeps
 * an old value (an update leaves fields it is not given unchanged). {@code audience} is set where KES reads a
 * projected token ({@link KesKubernetesLogin#rereadsToken()}), whose {@code aud} the chart sets; a long-lived token
 * Secret has no {@code aud}, so there it is "" (no check).
 *
 * @param name {@code kes-<instance>}
 * @param mount the kubernetes auth mount
 * @param parameters the role parameters, sorted by name as they are written
 */
public record KubernetesAuthRole(String name, String mount, Map<String, Object> parameters) {
  /** The {@code aud} of the projected token the chart mounts, and the role's {@code audience}. */
  public static final String AUDIENCE = "vault";

  public KubernetesAuthRole {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** {@code auth/<mount>/role/<name>}. */
  public String path() {
    return "auth/" + mount + "/role/" + name;
  }

  /** The role of this instance; the topology must configure {@code vault.kubernetes}. */
  public static KubernetesAuthRole of(Vault vault, Instance instance) {
    Vault.Kubernetes kubernetes = vault.kubernetes().orElseThrow(() -> new IllegalStateException(
        "instance " + instance.name() + " logs in with Kubernetes, but the topology has no vault.kubernetes"));
    boolean projected = KesKubernetesLogin.of(instance.kes().version()).rereadsToken();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("alias_name_source", "serviceaccount_uid");
    p.put("audience", projected ? AUDIENCE : "");
    p.put("bound_service_account_names", List.of(KubernetesAccounts.name(instance)));
    p.put("bound_service_account_namespaces", List.of(instance.namespace()));
    p.put("token_bound_cidrs", vault.approle().tokenBoundCidrs());
    p.put("token_max_ttl", 0L);
    p.put("token_no_default_policy", Boolean.TRUE);
    p.put("token_period", vault.approle().tokenPeriod().seconds());
    p.put("token_policies", List.of(instance.vaultName()));
    p.put("token_ttl", 0L);
    return new KubernetesAuthRole(instance.vaultName(), kubernetes.mount(), p);
  }

  /**
   * The body of {@code POST auth/<mount>/config} (B@v2.6.2:builtin/credential/kubernetes/path_config.go), which
   * replaces the whole entry (:179-186), so writing every field is idempotent. With a CA Vault runs outside the
   * cluster: it trusts that CA only and reviews with the login's own token ({@code disable_local_ca_jwt=true}, which
   * OpenBao refuses without {@code kubernetes_ca_cert}, :152-154); the KES ServiceAccount then needs
   * {@code system:auth-delegator}, which the chart binds. Without one Vault runs in the cluster and uses its own pod's
   * CA and token (:16-17), and its own ServiceAccount needs that binding. The JWT's signature is left to the
   * TokenReview ({@code pem_keys} empty, path_login.go:323-332).
   */
  public static Map<String, Object> config(Vault.Kubernetes kubernetes) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("disable_local_ca_jwt", kubernetes.caCertificate().isPresent());
    p.put("kubernetes_ca_cert", kubernetes.caCertificate().map(Vault.CaCertificate::pem).orElse(""));
    p.put("kubernetes_host", kubernetes.host().toString().replaceAll("/$", ""));
    p.put("pem_keys", List.of());
    p.put("token_reviewer_jwt", "");
    return p;
  }
}

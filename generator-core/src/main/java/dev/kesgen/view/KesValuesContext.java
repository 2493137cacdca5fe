package dev.kesgen.view;

import java.util.List;

/**
 * The context of {@code kes/values.yaml.hbs}.
 *
 * @param header the "generated" line
 * @param instance the instance
 * @param image the container image
 * @param replicas the replica count
 * @param service the Service
 * @param serverArgs the arguments after the {@code kes} binary
 * @param env extra environment variables, sorted by name
 * @param kesConfig the context of {@code kes/server-config.yaml.hbs}, for including it as a partial
 * @param tls the server's TLS Secret and the checksum of its certificate
 * @param vault how KES logs in, the AppRole Secret and the Vault CA (PEM or "")
 * @param serviceAccount the ServiceAccount and its token mount, for an instance that logs in with Kubernetes
 * @param provisioning the key provisioning Job
 * @param networkPolicy the chart's NetworkPolicy values
 * @param install the {@code helm upgrade --install} command, pasteable in the project directory
 */
public record KesValuesContext(String header, InstanceView instance, Image image, int replicas, Service service,
    List<String> serverArgs, List<Env> env, ServerConfigContext kesConfig, Tls tls, Vault vault,
    Provisioning provisioning, NetworkPolicy networkPolicy, String install, ServiceAccount serviceAccount) {
  /**
   * The chart's NetworkPolicy: on, with ingress from the tenants' namespaces and egress to Vault.
   *
   * @param ingressNamespaces the namespaces of the instance's tenants, sorted, each once
   * @param vaultPort Vault's TCP port, from its endpoint
   * @param vaultCidrs {@code <ip>/32} (or {@code /128}) when the endpoint names an IP literal, else empty (any address)
   */
  public record NetworkPolicy(List<String> ingressNamespaces, int vaultPort, List<String> vaultCidrs) {}

  /**
   * The image.
   *
   * @param repository without tag
   * @param tag the KES release
   * @param digest {@code sha256:...} when the topology pins the image, "" otherwise
   */
  public record Image(String repository, String tag, String digest) {}

  /**
   * The Service.
   *
   * @param name its name
   * @param port its port
   */
  public record Service(String name, int port) {}

  /**
   * One environment variable.
   *
   * @param name its name
   * @param value its value
   */
  public record Env(String name, String value) {}

  /**
   * The server's TLS Secret.
   *
   * @param secretName the Secret
   * @param checksum SHA-256 of the certificate PEM, so a new certificate restarts the pods
   */
  public record Tls(String secretName, String checksum) {}

  /**
   * Vault access.
   *
   * @param approleSecretName the Secret the bootstrap script creates, "" for an instance that logs in with Kubernetes
   * @param caCertificate the Vault CA as PEM, or ""
   * @param kubernetes whether KES logs in with its ServiceAccount token ({@code vault.auth: kubernetes})
   */
  public record Vault(String approleSecretName, String caCertificate, boolean kubernetes) {}

  /**
   * The ServiceAccount of an instance that logs in with Kubernetes, and the token the chart mounts for it at
   * {@code /var/run/secrets/kes/vault/token}; all "" and false for an AppRole instance.
   *
   * @param name the ServiceAccount the Vault role binds
   * @param token {@code projected} where KES reads the token at every login (from 2024-11-25), else {@code secret}: a
   *     long-lived kubernetes.io/service-account-token Secret, since an older KES reads its token once
   * @param audience the projected token's {@code aud} and the role's {@code audience}; "" with a token Secret
   * @param authDelegator whether the chart binds the ServiceAccount to {@code system:auth-delegator}: Vault outside the
   *     cluster reviews each login with the login's own token
   */
  public record ServiceAccount(String name, String token, String audience, boolean authDelegator) {}

  /**
   * The provisioning Job.
   *
   * @param enabled whether it runs
   * @param secretName the provisioner's Secret, or "" when disabled
   * @param keys the keys it creates; empty when disabled
   */
  public record Provisioning(boolean enabled, String secretName, List<String> keys) {}
}

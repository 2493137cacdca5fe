package dev.kesgen.live;

import dev.kesgen.topology.Vault;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the plan reads and with which token, from the variables the Vault and OpenBao CLIs read: {@code VAULT_ADDR},
 * {@code VAULT_TOKEN}, {@code VAULT_NAMESPACE} and {@code VAULT_CACERT}, each falling back to its {@code BAO_} name
 * when unset or empty (openbao/openbao api/env.go reads them the other way round, with the same result for one set).
 *
 * @param address the server, {@code https://} unless the topology allows plain http
 * @param token the token; never printed ({@link #toString()} leaves it out)
 * @param namespace the namespace sent as {@code X-Vault-Namespace}, "" for none: the topology's when it names one
 * @param caCertificate the CA file to trust instead of the JDK's, when given
 */
public record VaultEndpoint(URI address, String token, String namespace, Optional<Path> caCertificate) {
  public VaultEndpoint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(caCertificate, "caCertificate");
  }

  /**
   * The endpoint the environment names for this topology's Vault. The CA is {@code VAULT_CACERT}, else the topology's
   * {@code vault.caCertificate}, else the JDK's trust store.
   *
   * @throws LiveVaultException when the address or token is missing, or the address is not https and the topology
   *     does not set {@code vault.allowPlaintextHttp}
   */
  public static VaultEndpoint of(Map<String, String> env, Vault vault, Path workingDirectory) throws LiveVaultException {
    String address = variable(env, "ADDR");
    if (address.isEmpty()) {
      throw new LiveVaultException("VAULT_ADDR (or BAO_ADDR) is not set: name the Vault to compare with, for example"
          + " VAULT_ADDR=" + vault.endpoint(), null);
    }
    URI uri;
    try {
      uri = new URI(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
    } catch (URISyntaxException e) {
      throw new LiveVaultException("VAULT_ADDR " + address + " is not a URL: " + e.getMessage(), e);
    }
    String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
    if (uri.getHost() == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new LiveVaultException("VAULT_ADDR " + address + " is not an http(s)://host[:port] URL", null);
    }
    if (scheme.equalsIgnoreCase("http") && !vault.allowPlaintextHttp()) {
      throw new LiveVaultException("VAULT_ADDR " + address + " is plain http: the token would cross the network"
          + " unencrypted; use https (plain http is accepted only where the topology sets vault.allowPlaintextHttp)",
          null);
    }
    String token = variable(env, "TOKEN");
    if (token.isEmpty()) {
      throw new LiveVaultException("VAULT_TOKEN (or BAO_TOKEN) is not set: give a token with the policy "
          + dev.kesgen.vault.PlanPolicy.NAME + " (generated/vault/policies/" + dev.kesgen.vault.PlanPolicy.NAME
          + ".hcl)", null);
    }
    String namespace = vault.namespace().isEmpty() ? variable(env, "NAMESPACE") : vault.namespace();
    String ca = variable(env, "CACERT");
    Optional<Path> caFile = ca.isEmpty() ? vault.caCertificate().map(Vault.CaCertificate::file)
        : Optional.of(workingDirectory.resolve(ca));
    return new VaultEndpoint(uri, token, namespace, caFile);
  }

  private static String variable(Map<String, String> env, String name) {
    String value = env.getOrDefault("VAULT_" + name, "");
    return value.isEmpty() ? env.getOrDefault("BAO_" + name, "") : value;
  }

  @Override
  public String toString() {
    return address + (namespace.isEmpty() ? "" : " (namespace " + namespace + ")");
  }
}

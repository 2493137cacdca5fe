package dev.kesgen.topology;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The HashiCorp Vault that keeps the KES root keys.
 *
 * @param endpoint the URL KES pods use to reach Vault
 * @param namespace the Vault Enterprise namespace, "" for none
 * @param kv the key/value secrets engine
 * @param pathPrefix instance X keeps its keys under {@code <mount>/<pathPrefix>/X/}
 * @param approle the AppRole auth method the KES instances log in with
 * @param caCertificate the CA that signed Vault's certificate ({@code vault.caCertificate}), if one is named
 * @param allowKeyDeletion whether the Vault policy grants {@code delete} (for {@code kes key delete})
 * @param allowPlaintextHttp whether an {@code http://} endpoint was accepted on purpose ({@code vault.allowPlaintextHttp});
 *     over it KES sends its AppRole secret id and reads every key in the clear
 */
public record Vault(
    URI endpoint,
    String namespace,
    Kv kv,
    String pathPrefix,
    AppRole approle,
    Optional<CaCertificate> caCertificate,
    boolean allowKeyDeletion,
    boolean allowPlaintextHttp) {
  public Vault {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(kv, "kv");
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    Objects.requireNonNull(approle, "approle");
    Objects.requireNonNull(caCertificate, "caCertificate");
  }

  /**
   * Where an instance keeps its keys under the KV mount: {@code <pathPrefix>/<instance>}, the instance name alone when
   * the prefix is empty. The KES configuration's {@code prefix} and the Vault policy's paths are both this.
   */
  public String keyLocation(Instance instance) {
    return pathPrefix.isEmpty() ? instance.name() : pathPrefix + "/" + instance.name();
  }

  /** Whether KES talks to Vault without TLS. */
  public boolean isPlaintext() {
    return "http".equalsIgnoreCase(endpoint.getScheme());
  }

  /**
   * The CA file the topology names and its certificates as kesgen commits them.
   *
   * @param file the file, resolved against the topology file's directory
   * @param pem its certificates re-encoded: canonical PEM, LF, nothing else of the file (text around them is refused)
   */
  public record CaCertificate(Path file, String pem) {
    public CaCertificate {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(pem, "pem");
    }
  }

  /**
   * The key/value engine.
   *
   * @param mount where the engine is mounted, without slashes
   * @param version 1 or 2
   */
  public record Kv(String mount, int version) {
    public Kv {
      Objects.requireNonNull(mount, "mount");
      if (version != 1 && version != 2) {
        throw new IllegalArgumentException("kv version must be 1 or 2: " + version);
      }
    }
  }

  /**
   * The AppRole auth method.
   *
   * @param mount where the auth method is mounted
   * @param tokenPeriod the period of the tokens KES receives ({@code token_period})
   * @param secretIdTtl how long a secret id lives, 0 for ever ({@code secret_id_ttl})
   * @param tokenBoundCidrs the networks a token may be used from ({@code token_bound_cidrs}); empty = anywhere
   * @param secretIdBoundCidrs the networks a secret id may log in from ({@code secret_id_bound_cidrs}); empty = anywhere
   */
  public record AppRole(
      String mount, GoDuration tokenPeriod, GoDuration secretIdTtl, List<String> tokenBoundCidrs,
      List<String> secretIdBoundCidrs) {
    public AppRole {
      Objects.requireNonNull(mount, "mount");
      Objects.requireNonNull(tokenPeriod, "tokenPeriod");
      Objects.requireNonNull(secretIdTtl, "secretIdTtl");
      tokenBoundCidrs = List.copyOf(tokenBoundCidrs);
      secretIdBoundCidrs = List.copyOf(secretIdBoundCidrs);
    }

    /** Whether neither the tokens nor the secret ids are bound to a network. */
    public boolean isUnbound() {
      return tokenBoundCidrs.isEmpty() && secretIdBoundCidrs.isEmpty();
    }
  }
}

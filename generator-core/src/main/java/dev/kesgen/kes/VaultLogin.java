package dev.kesgen.kes;

import java.util.Objects;
import java.util.Optional;

/**
 * How KES logs in to Vault: the {@code approle} or the {@code kubernetes} block of its Vault key store, never both
 * (v0.13.x refuses both at once, K@v0.13.0:cmd/kes/config.go:338-340; from 2023-04-03 the block that is present
 * selects the method and exactly one must be, see {@code docs/design/kubernetes-auth.md} §2.2).
 */
public sealed interface VaultLogin permits VaultLogin.AppRole, VaultLogin.Kubernetes {
  /** The auth mount. */
  String engine();

  /** The re-login delay, present only where the dialect has {@code retry}. */
  Optional<String> retry();

  /**
   * {@code approle}: the role id and secret id, expanded by KES from the environment.
   *
   * @param engine the AppRole mount
   * @param id {@code ${KES_APPROLE_ID}}
   * @param secret {@code ${KES_APPROLE_SECRET}}
   * @param retry the re-login delay, where the dialect has it
   */
  record AppRole(String engine, String id, String secret, Optional<String> retry) implements VaultLogin {
    public AppRole {
      Objects.requireNonNull(engine, "engine");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(retry, "retry");
    }
  }

  /**
   * {@code kubernetes}: {@code PUT /v1/auth/<engine>/login} with {@code {"role","jwt"}} at every release
   * (K@v0.13.0:internal/vault/client.go:109-114; K@2025-03-12T09-35-18Z:internal/keystore/vault/client.go:104-125).
   *
   * @param engine the kubernetes auth mount (KES's default is {@code kubernetes}; kesgen always writes it)
   * @param role the Vault role, {@code kes-<instance>}
   * @param jwt the absolute path of the ServiceAccount token file in the pod ({@link KesServerConfig#SERVICE_ACCOUNT_TOKEN_PATH})
   * @param retry the re-login delay, where the dialect has it (up to 2023-02-15, as for AppRole)
   */
  record Kubernetes(String engine, String role, String jwt, Optional<String> retry) implements VaultLogin {
    public Kubernetes {
      Objects.requireNonNull(engine, "engine");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(jwt, "jwt");
      Objects.requireNonNull(retry, "retry");
      // every release reads a value with '/' as a file; 2023-04/05 would take one of three '.'-parts for a token
      if (!jwt.startsWith("/") || jwt.split("\\.", -1).length == 3) {
        throw new IllegalArgumentException("not an absolute token path KES reads as a file: " + jwt);
      }
    }
  }
}

package dev.kesgen.vaultit;

import dev.kesgen.vaultit.VaultHttp.Response;
import java.util.Map;

/**
 * Makes exactly the Vault calls KES makes for one instance (read, never run or copied, from minio/kes at the
 * releases kesgen supports; "K25" is minio/kes@2025-03-12T09-35-18Z, "K13" minio/kes@v0.13.4 and "K15"
 * minio/kes@v0.15.0, the first release with KV v2):
 *
 * <ul>
 *   <li>login: {@code PUT auth/<engine>/login {role_id, secret_id}} (K25:internal/keystore/vault/client.go:89-92,
 *       K13:internal/vault/client.go:80-81);
 *   <li>renewal: {@code PUT auth/token/renew-self {increment}} with 0 (K25:internal/keystore/vault/client.go:216)
 *       or the token's TTL in seconds (K13:internal/vault/client.go:226);
 *   <li>status: {@code GET sys/health} without a namespace (K25:internal/keystore/vault/vault.go:169-176,
 *       K13:internal/vault/client.go:51);
 *   <li>create: {@code GET} of the key's location, and only when that finds nothing a {@code PUT} of
 *       {@code {<name>: value}} (v1) or {@code {options: {cas: 0}, data: {<name>: value}}} (v2, on
 *       {@code data/}) (K25:internal/keystore/vault/vault.go:206-213,235-257,303-345; K15:internal/vault/vault.go:318,
 *       356-371; K13:internal/vault/vault.go:249-282);
 *   <li>read: {@code GET <mount>/<prefix>/<name>} (v1) or {@code GET <mount>/data/<prefix>/<name>?version=1} (v2)
 *       (K25:internal/keystore/vault/vault.go:356-365, the SDK's KVv2.GetVersion; K15:internal/vault/vault.go:228-236);
 *   <li>list: {@code GET <mount>/<prefix>?list=true}, v2 on {@code metadata/}
 *       (K25:internal/keystore/vault/vault.go:475-484), and {@code LIST} in older releases
 *       (K15:internal/vault/vault.go:428-437, K13:internal/vault/vault.go:333-334);
 *   <li>delete: {@code DELETE <mount>/<prefix>/<name>} (v1) or {@code DELETE <mount>/metadata/<prefix>/<name>} (v2)
 *       (K25:internal/keystore/vault/vault.go:437-447, K15:internal/vault/vault.go:390-403).
 * </ul>
 */
final class KesClient {
  final VaultHttp vault;
  final String mount;
  final String prefix;
  final int kvVersion;

  KesClient(VaultHttp vault, String mount, String prefix, int kvVersion) {
    this.vault = vault;
    this.mount = mount;
    this.prefix = prefix;
    this.kvVersion = kvVersion;
  }

  static Response login(VaultHttp vault, String approleMount, String roleId, String secretId) {
    return vault.withToken(null).put("auth/" + approleMount + "/login", Map.of("role_id", roleId, "secret_id", secretId));
  }

  /**
   * KES's Kubernetes login: {@code PUT auth/<engine>/login} with {@code {"role", "jwt"}}, the JWT being the content of
   * the token file (K25:internal/keystore/vault/client.go:104,124-125; the same body at
   * K13:internal/vault/client.go:109-114 and at every release between, docs/design/kubernetes-auth.md §2.1).
   * {@code Logical().Write} is an HTTP PUT of the JSON body (B@v2.0.0:api/logical.go:246-247).
   */
  static Response kubernetesLogin(VaultHttp vault, String mount, String role, String jwt) {
    return vault.withToken(null).put("auth/" + mount + "/login", Map.of("role", role, "jwt", jwt));
  }

  Response renew(long increment) {
    return vault.put("auth/token/renew-self", Map.of("increment", increment));
  }

  Response status() {
    return vault.withToken(null).get("sys/health");
  }

  String location(String name) {
    return kvVersion == 2 ? mount + "/data/" + prefix + "/" + name : mount + "/" + prefix + "/" + name;
  }

  /** The PUT of a create, as KES sends it once it found no key. */
  Response write(String name, String value) {
    Object body = kvVersion == 2 ? Map.of("options", Map.of("cas", 0), "data", Map.of(name, value))
        : Map.of(name, value);
    return vault.put(location(name), body);
  }

  /** KES's create: "created", "exists" (what KES reports as kes.ErrKeyExists), or the failing response. */
  Object create(String name, String value) {
    Response existing = vault.get(location(name));
    if (existing.status() == 200) {
      return "exists";
    }
    if (existing.status() != 404) {
      return existing;
    }
    Response put = write(name, value);
    return put.status() == 204 || put.status() == 200 ? "created" : put;
  }

  Response read(String name) {
    return vault.get(location(name) + (kvVersion == 2 ? "?version=1" : ""));
  }

  String listLocation() {
    return kvVersion == 2 ? mount + "/metadata/" + prefix : mount + "/" + prefix;
  }

  Response list() {
    return vault.get(listLocation() + "?list=true");
  }

  Response listWithListMethod() {
    return vault.call("LIST", listLocation(), null);
  }

  Response delete(String name) {
    return vault.delete(kvVersion == 2 ? mount + "/metadata/" + prefix + "/" + name : location(name));
  }

  /** The value of a read, from {@code data} (v1) or {@code data.data} (v2). */
  static String value(Response read, String name, int kvVersion) {
    return (kvVersion == 2 ? read.data().path("data") : read.data()).path(name).asText(null);
  }
}

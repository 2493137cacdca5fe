package dev.kesgen.vaultit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes ServiceAccount token as the API server signs it: RS256 (OpenBao's kubernetes method takes RS and ES
 * algorithms only, B@v2.6.2:builtin/credential/kubernetes/path_login.go:28-31), base64url without padding, no trailing
 * newline (the kubelet writes none, and KES does not trim, docs/design/kubernetes-auth.md §2.3). Two claim shapes
 * (path_login.go:390-445): a projected token's {@code kubernetes.io} object with an audience, and a legacy token
 * Secret's three top-level {@code kubernetes.io/serviceaccount/...} claims without one.
 */
final class ServiceAccountJwt {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private ServiceAccountJwt() {}

  /** A projected token for {@code namespace/name}, valid from now for ten minutes, with audience {@code aud}. */
  static String projected(PrivateKey key, Clock clock, String namespace, String name, String uid, String aud) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("aud", List.of(aud));
    claims.put("exp", now + 600);
    claims.put("iat", now);
    claims.put("iss", "https://kubernetes.default.svc.cluster.local");
    claims.put("kubernetes.io", Map.of("namespace", namespace, "serviceaccount", Map.of("name", name, "uid", uid)));
    claims.put("nbf", now);
    claims.put("sub", "system:serviceaccount:" + namespace + ":" + name);
    return sign(key, claims);
  }

  /** A projected token that expired a minute ago. */
  static String expired(PrivateKey key, Clock clock, String namespace, String name, String uid, String aud) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("aud", List.of(aud));
    claims.put("exp", now - 60);
    claims.put("iat", now - 660);
    claims.put("kubernetes.io", Map.of("namespace", namespace, "serviceaccount", Map.of("name", name, "uid", uid)));
    claims.put("sub", "system:serviceaccount:" + namespace + ":" + name);
    return sign(key, claims);
  }

  /** A token of a {@code kubernetes.io/service-account-token} Secret: no audience, no expiry. */
  static String legacy(PrivateKey key, String namespace, String name, String uid) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", "kubernetes/serviceaccount");
    claims.put("kubernetes.io/serviceaccount/namespace", namespace);
    claims.put("kubernetes.io/serviceaccount/secret.name", name + "-token");
    claims.put("kubernetes.io/serviceaccount/service-account.name", name);
    claims.put("kubernetes.io/serviceaccount/service-account.uid", uid);
    claims.put("sub", "system:serviceaccount:" + namespace + ":" + name);
    return sign(key, claims);
  }

  static String sign(PrivateKey key, Map<String, Object> claims) {
    try {
      String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test\"}"
          .getBytes(StandardCharsets.UTF_8));
      String payload = URL.encodeToString(VaultHttp.JSON.writeValueAsBytes(claims));
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code jwt} carries a valid RS256 signature of {@code key}'s pair. */
  static boolean verifies(PublicKey key, String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(key);
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The claims of a token, unverified. */
  static com.fasterxml.jackson.databind.JsonNode claims(String jwt) throws java.io.IOException {
    return VaultHttp.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.", -1)[1]));
  }
}

package dev.kesgen.access;

import dev.kesgen.topology.KesVersion;
import java.util.Objects;

/**
 * How a KES release matches a policy pattern against a request's URL path, chosen by {@link #of(KesVersion)}.
 *
 * <p>{@code K@tag:file:line} is github.com/minio/kes; {@code KG@tag} is github.com/minio/kes-go, whose v0.2.x tags
 * live on in github.com/minio/kms-go, and {@code KMS@tag} is github.com/minio/kms-go.
 */
public enum KesPatternMatcher {
  /**
   * v0.13.0 – 2023-10-03: Go's {@code path.Match(pattern, path)} read as {@code ok && err == nil}
   * (K@v0.13.4:policy.go:74-81; K@v0.15.0:policy.go:148-160; K@v0.18.0:internal/auth/policy.go:98-110;
   * K@2023-10-03T00-48-37Z:internal/auth/policy.go:100-110). {@code *} stops at {@code /}.
   */
  GO_PATH_MATCH,
  /**
   * 2023-10-24 – 2023-10-27: kes-go v0.2.0's prefix matcher called with its arguments swapped,
   * {@code match(r.URL.Path, pattern)} (KG@v0.2.0:policy.go:65-77 calling policy.go:136-145; K@2023-10-24T20-26-51Z:
   * go.mod requires kes-go v0.2.0, auth.go:54 calls it). So a pattern allows exactly the request path equal to it,
   * and a request path ending in {@code *} is allowed by every pattern that starts with the request path
   * without its {@code *}: {@code /v1/key/list/*} passes a policy that allows {@code /v1/key/list/gecko}.
   * Fixed in kes-go v0.2.1 (minio/kms-go commit cfa457a, "fix argument order in policy.Verify").
   */
  PREFIX_ARGUMENTS_SWAPPED,
  /**
   * 2023-11-09 – 2025-03-12: a pattern ending in {@code *} matches every path it is a prefix of (across {@code /}),
   * any other pattern only the equal path; the empty pattern nothing (KG@v0.2.1:policy.go:65-77,136-145, required from
   * K@2023-11-09T17-35-47Z:go.mod; KMS@kes/v0.3.1:kes/policy.go:65-77,136-145, from K@2024-02-29T08-12-28Z:go.mod).
   */
  PREFIX;

  /** The matcher of a supported release. */
  public static KesPatternMatcher of(KesVersion version) {
    return AuthRange.of(Objects.requireNonNull(version, "version")).matcher;
  }

  /** Whether {@code pattern} lets a request for {@code path} through. */
  public boolean matches(String pattern, String path) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(path, "path");
    return switch (this) {
      case GO_PATH_MATCH -> GoPathMatch.matches(pattern, path);
      case PREFIX_ARGUMENTS_SWAPPED -> prefixMatch(path, pattern);
      case PREFIX -> prefixMatch(pattern, path);
    };
  }

  /** kes-go's {@code match(pattern, s)} (KG@v0.2.0:policy.go:136-145). */
  private static boolean prefixMatch(String pattern, String s) {
    if (pattern.isEmpty()) {
      return false;
    }
    if (pattern.endsWith("*")) {
      return s.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return s.equals(pattern);
  }
}

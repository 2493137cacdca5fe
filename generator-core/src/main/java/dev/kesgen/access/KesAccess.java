package dev.kesgen.access;

import dev.kesgen.kes.KesApi;
import dev.kesgen.kes.KesDialect;
import dev.kesgen.topology.NameRules;
import dev.kesgen.topology.KesVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a KES server configuration lets do what, for one release: {@link #decide(String, String)} answers the policy
 * check KES makes for an identity and a request path.
 *
 * <p>It reads the keys the release reads ({@code root} or {@code admin.identity}; {@code paths} or
 * {@code allow}/{@code deny}; {@code identities}, or {@code identity} in v0.17.3 – v0.17.5) and matches with the
 * release's {@link KesPatternMatcher}. What the release refuses at start-up makes every decision
 * {@link KesDecision.InvalidConfiguration}. KES is never run: each rule cites the source it was read from
 * ({@code K@tag:file:line} in github.com/minio/kes).
 *
 * <pre>{@code
 * KesAccess access = KesAccess.of(configText, KesVersion.of("v0.13.4"));
 * KesDecision d = access.decide(tenantIdentity, "/v1/key/decrypt/gecko");
 * d.allowed();  // true
 * d.reason();   // allowed by policy 'gecko' pattern '/v1/key/decrypt/gecko'
 * }</pre>
 *
 * <p>Not modelled: paths KES serves without a policy check ({@code /version}, and from 2023-04-03
 * {@code /v1/identity/self/describe}); {@code ${VAR}} values (compared as written); TLS proxies; the legacy parses
 * v0.13.6 – v0.17.2 fall back to when the strict parse fails (reported as an invalid configuration instead).
 */
public final class KesAccess {
  private final KesVersion version;
  private final AuthRange range;
  private final KesPatternMatcher matcher;
  private final Optional<String> admin;
  private final List<KesAccessPolicy> policies;
  private final Map<String, KesAccessPolicy> byIdentity;
  private final Map<KesAccessPolicy, AllowIndex> indexes = new java.util.IdentityHashMap<>();
  private final List<String> problems;
  private final List<String> ignoredFields;

  private KesAccess(KesVersion version, Optional<String> admin, List<KesAccessPolicy> policies, List<String> problems,
      List<String> ignoredFields) {
    this.version = version;
    this.range = AuthRange.of(version);
    this.matcher = range.matcher;
    this.admin = admin;
    this.policies = List.copyOf(policies);
    this.problems = new ArrayList<>(problems);
    this.ignoredFields = List.copyOf(ignoredFields);
    this.byIdentity = new HashMap<>();
    this.policies.forEach(p -> indexes.put(p, index(p)));
    checkStartup();
  }

  /**
   * Reads a KES server configuration (the text of {@code config.yaml}) as this release reads it.
   *
   * @throws AccessModelException if the text is not YAML or a policy has the wrong shape
   * @throws IllegalArgumentException if the release is not supported
   */
  public static KesAccess of(String configYaml, KesVersion version) {
    Objects.requireNonNull(configYaml, "configYaml");
    KesDialect dialect = KesDialect.of(version);
    KesConfigReader reader = new KesConfigReader(dialect);
    reader.read(configYaml);
    return new KesAccess(version, reader.admin(), reader.policies(), reader.problems(), reader.ignoredFields());
  }

  /** The release modelled. */
  public KesVersion version() {
    return version;
  }

  /** The matcher of the release. */
  public KesPatternMatcher matcher() {
    return matcher;
  }

  /** The admin identity as written; empty when the file names none. */
  public Optional<String> admin() {
    return admin;
  }

  /** The policies as the release reads them, in file order. */
  public List<KesAccessPolicy> policies() {
    return policies;
  }

  /** The policy that names this identity, if any. */
  public Optional<KesAccessPolicy> policyOf(String identity) {
    return Optional.ofNullable(byIdentity.get(identity));
  }

  /** Why the release would not start with (or would misread) this configuration; empty when it starts. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Policy fields the release does not read and silently ignores, as {@code policy.<name>.<field>}. */
  public List<String> ignoredFields() {
    return ignoredFields;
  }

  /** The policy check KES makes when {@code identity} asks for {@code path}. */
  public KesDecision decide(String identity, String path) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(path, "path");
    if (!problems.isEmpty()) {
      return new KesDecision.InvalidConfiguration(problems);
    }
    // the admin first, then the identity's one policy: K@v0.13.4:internal/auth/policy.go:184-198;
    // K@v0.18.0:internal/sys/enclave.go:154-159; K@v0.21.0:internal/auth/identity.go:55-77;
    // K@2023-10-24T20-26-51Z:auth.go:42-57
    if (admin.isPresent() && admin.get().equals(identity)) {
      return new KesDecision.Admin(identity);
    }
    KesAccessPolicy policy = byIdentity.get(identity);
    if (policy == null) {
      return new KesDecision.UnknownIdentity(identity);
    }
    // deny before allow (K@v0.15.0:policy.go:148-160; KG@v0.2.1:policy.go:65-77); v0.13 – v0.14 have no deny
    for (String pattern : policy.deny()) {
      if (matcher.matches(pattern, path)) {
        return new KesDecision.DeniedByPattern(policy.name(), pattern);
      }
    }
    Optional<String> allowing = firstAllowing(policy, path);
    return allowing.isPresent() ? new KesDecision.Allowed(policy.name(), allowing.get())
        : new KesDecision.NoAllowMatches(policy.name());
  }

  /**
   * The first allow pattern, in file order, that matches: for a path without {@code * ? [ \\} found through an
   * index of the literal patterns, so a policy with a pattern per key (the provisioner's) decides in constant time.
   */
  private Optional<String> firstAllowing(KesAccessPolicy policy, String path) {
    if (path.isEmpty() || path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\')) {
      return policy.allow().stream().filter(p -> matcher.matches(p, path)).findFirst();
    }
    AllowIndex index = indexes.get(policy);
    Integer literal = index.literals.get(path);
    for (int i = 0; i < index.wildcards.size() && (literal == null || index.wildcards.get(i) < literal); i++) {
      String pattern = policy.allow().get(index.wildcards.get(i));
      if (matcher.matches(pattern, path)) {
        return Optional.of(pattern);
      }
    }
    return literal == null ? Optional.empty() : Optional.of(policy.allow().get(literal));
  }

  /** A policy's allow patterns: each literal pattern's first position, and the positions of the others. */
  private record AllowIndex(Map<String, Integer> literals, List<Integer> wildcards) {}

  private AllowIndex index(KesAccessPolicy policy) {
    Map<String, Integer> literals = new HashMap<>();
    List<Integer> wildcards = new ArrayList<>();
    for (int i = 0; i < policy.allow().size(); i++) {
      String pattern = policy.allow().get(i);
      if (matcher.isLiteral(pattern)) {
        literals.putIfAbsent(pattern, i);
      } else {
        wildcards.add(i);
      }
    }
    return new AllowIndex(literals, wildcards);
  }

  /**
   * Whether the release refuses a key request for its key name after the policy check: from 2023-10-24 every key
   * API but list takes only a valid name (K@2023-10-24T20-26-51Z:server.go:545,585,649,703,729,770,821; unchanged in
   * K@2025-03-12T09-35-18Z:server.go), list a name pattern with at most a trailing {@code *} (server.go:675). So a
   * request such as {@code /v1/key/create/*} that {@link KesPatternMatcher#PREFIX_ARGUMENTS_SWAPPED} lets through
   * reaches no key.
   */
  public boolean refusesKeyName(String path) {
    Objects.requireNonNull(path, "path");
    if (!range.validatesNames) {
      return false;
    }
    return KesApi.keyRequest(path, false)
        .map(r -> r.api().equals("list") ? !validPattern(r.name()) : !NameRules.isKesName(r.name()))
        .orElse(false);
  }

  /** K@2023-10-24T20-26-51Z:auth.go:147-171, character for character (the empty pattern is valid). */
  static boolean validPattern(String s) {
    if (s.equals("*")) {
      return true;
    }
    if (s.equals("_") || s.length() > 80) {
      return false;
    }
    int last = s.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'
          || (c == '-' && i > 0 && i < last) || (c == '*' && i == last);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private void checkStartup() {
    boolean validatesNames = range.validatesNames;
    for (KesAccessPolicy policy : policies) {
      if (validatesNames && !NameRules.isKesName(policy.name())) {
        // K@2023-10-24T20-26-51Z:state.go:244-246
        problems.add("policy name '" + policy.name() + "' is empty, too long or has characters other than "
            + "[0-9A-Za-z_-] (K@2023-10-24T20-26-51Z:state.go:244)");
      }
      if (range.rejectsMalformedPatterns) {
        // K@v0.13.4:cmd/kes/server.go:187-190, policy.go:21-24; K@v0.17.6:cmd/kes/server.go:183-188, policy.go:60-88
        for (String pattern : concat(policy.allow(), policy.deny())) {
          if (!GoPathMatch.isValidPattern(pattern)) {
            problems.add("policy '" + policy.name() + "' has the malformed glob pattern '" + pattern
                + "' (K@v0.13.4:cmd/kes/server.go:187-190)");
          }
        }
      }
      for (String identity : policy.identities()) {
        if (validatesNames && !NameRules.isKesName(identity)) {
          problems.add("policy '" + policy.name() + "' lists the identity '" + identity + "', empty, too long or with "
              + "characters other than [0-9A-Za-z_-] (K@2023-10-24T20-26-51Z:state.go:254)");
          continue;
        }
        if (identity.isEmpty()) {
          // before 2023-10-24 an empty identity is skipped: K@v0.13.4:cmd/kes/server.go:200-202;
          // K@2023-04-03T16-41-28Z:cmd/kes/gateway.go:301-303
          continue;
        }
        if (admin.isPresent() && admin.get().equals(identity)) {
          problems.add("policy '" + policy.name() + "' names the admin identity " + identity + " ("
              + range.adminInPolicySource + ")");
          continue;
        }
        KesAccessPolicy earlier = byIdentity.putIfAbsent(identity, policy);
        if (earlier != null) {
          problems.add("identity " + identity + " is in policy '" + earlier.name() + "' and again in '" + policy.name()
              + "'; an identity may have one policy only (" + range.duplicateIdentitySource + ")");
        }
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

package dev.kesgen.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ACL of a token with these policies: which capabilities it has on a path, as Vault and OpenBao decide it.
 *
 * <p>Read from openbao/openbao {@code internal/vault/policy/acl.go} ({@code NewACL}, {@code AllowOperation},
 * {@code CheckAllowedFromNonExactPaths}, {@code Capabilities}) and {@code policy.go} ({@code parsePaths}), which
 * keep HashiCorp Vault's documented rules: stanzas for the same path merge across policies, and a {@code deny} there
 * wins; an exact path beats every wildcard; otherwise the most specific match wins — the later first {@code +} or
 * {@code *}, then not a prefix, then fewer {@code +} segments, then the longer path, then the lexically greater;
 * a {@code +} is one whole segment. A list (and scan) also tries the path without its trailing {@code /}. Checked
 * against a real OpenBao server by the vault-it module's {@code VaultAclDifferentialTest}.
 *
 * <pre>{@code
 * VaultAcl acl = VaultAcl.of(List.of(VaultAclPolicy.parse("kes-dev", hcl)));
 * acl.decide("secret/kes/dev/gecko", "create").allowed();  // true
 * acl.capabilities("secret/kes/prod/gecko");              // [deny]
 * }</pre>
 *
 * <p>Not modelled: namespaces (paths are relative to the policy's namespace), parameters, wrapping TTLs, control
 * groups, templated paths, and the root policy.
 */
public final class VaultAcl {
  private final Map<String, Entry> exact = new LinkedHashMap<>();
  private final Map<String, Entry> prefix = new LinkedHashMap<>();
  private final Map<String, Entry> segment = new LinkedHashMap<>();

  /** A merged stanza: the pattern, its capabilities across the token's policies, and who wrote it. */
  private record Entry(String pattern, Set<String> capabilities, List<String> policies) {}

  private VaultAcl() {}

  /** The ACL of a token holding these policies (add {@link VaultAclPolicy#assumedDefault()} for {@code default}). */
  public static VaultAcl of(List<VaultAclPolicy> policies) {
    VaultAcl acl = new VaultAcl();
    for (VaultAclPolicy policy : policies) {
      for (VaultAclRule rule : policy.rules()) {
        Map<String, Entry> tree = switch (rule.kind()) {
          case EXACT -> acl.exact;
          case PREFIX -> acl.prefix;
          case SEGMENT_WILDCARD -> acl.segment;
        };
        acl.merge(tree, rule, policy.name());
      }
    }
    return acl;
  }

  // acl.go NewACL: an existing deny keeps only deny; a new deny replaces; otherwise capabilities are added
  private void merge(Map<String, Entry> tree, VaultAclRule rule, String policy) {
    Entry existing = tree.get(rule.key());
    if (existing == null) {
      tree.put(rule.key(), new Entry(rule.pattern(), new TreeSet<>(rule.capabilities()), new ArrayList<>(List.of(policy))));
      return;
    }
    if (existing.capabilities().contains("deny")) {
      return;
    }
    if (rule.capabilities().contains("deny")) {
      existing.capabilities().clear();
      existing.capabilities().add("deny");
    } else {
      existing.capabilities().addAll(rule.capabilities());
    }
    if (!existing.policies().contains(policy)) {
      existing.policies().add(policy);
    }
  }

  /**
   * What {@code sys/capabilities-self} answers for this path: the capabilities of the matching rule, or {@code deny}
   * alone when it denies, grants nothing or no rule matches. Like OpenBao's {@code ACL.Capabilities}, it looks the
   * path up as a list operation, so the trailing-{@code /} fallbacks apply.
   */
  public Set<String> capabilities(String path) {
    Optional<Entry> entry = lookup(normalise(path), true);
    Set<String> capabilities = entry.map(Entry::capabilities).orElse(Set.of());
    return capabilities.isEmpty() || capabilities.contains("deny") ? Set.of("deny") : Set.copyOf(capabilities);
  }

  /** Whether the token has {@code capability} on {@code path}, and which rule decided. */
  public VaultDecision decide(String path, String capability) {
    Objects.requireNonNull(capability, "capability");
    if (capability.equals("deny") || !VaultAclRule.CAPABILITIES.contains(capability)) {
      throw new IllegalArgumentException("not a capability to ask for: " + capability);
    }
    boolean listing = capability.equals("list") || capability.equals("scan");
    Optional<Entry> entry = lookup(normalise(path), listing);
    Set<String> capabilities = entry.map(Entry::capabilities).orElse(Set.of());
    boolean allowed = !capabilities.contains("deny") && capabilities.contains(capability);
    return new VaultDecision(path, capability, allowed, entry.map(Entry::pattern), capabilities,
        entry.map(Entry::policies).orElse(List.of()));
  }

  private static String normalise(String path) {
    Objects.requireNonNull(path, "path");
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }

  // acl.go AllowOperation: exact, (list: exact without the trailing /), non-exact, (list: non-exact without it)
  private Optional<Entry> lookup(String path, boolean listing) {
    Entry found = exact.get(path);
    if (found == null && listing) {
      found = exact.get(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }
    if (found == null) {
      found = nonExact(path);
    }
    if (found == null && listing && path.endsWith("/")) {
      found = nonExact(path.substring(0, path.length() - 1));
    }
    return Optional.ofNullable(found);
  }

  /** One candidate of CheckAllowedFromNonExactPaths. */
  private record Candidate(int firstWildcard, boolean isPrefix, int wildcards, byte[] path, Entry entry) {}

  // in ascending priority, as acl.go's less: first wildcard later, not a prefix, fewer +, longer, lexically greater
  private static final Comparator<Candidate> PRIORITY = Comparator.comparingInt(Candidate::firstWildcard)
      .thenComparing(c -> !c.isPrefix())
      .thenComparing(Comparator.comparingInt(Candidate::wildcards).reversed())
      .thenComparingInt(c -> c.path().length)
      .thenComparing(Candidate::path, Arrays::compareUnsigned);

  private Entry nonExact(String path) {
    List<Candidate> candidates = new ArrayList<>();
    String longest = null;
    for (String key : prefix.keySet()) {
      if (path.startsWith(key) && (longest == null || key.length() > longest.length())) {
        longest = key;
      }
    }
    if (longest != null) {
      if (segment.isEmpty()) {
        return prefix.get(longest);
      }
      candidates.add(new Candidate(utf8(longest).length, true, 0, utf8(longest), prefix.get(longest)));
    }
    String[] parts = path.split("/", -1);
    for (Map.Entry<String, Entry> e : segment.entrySet()) {
      String full = e.getKey();
      if (full.isEmpty()) {
        continue;
      }
      boolean isPrefix = full.endsWith("*");
      String wc = isPrefix ? full.substring(0, full.length() - 1) : full;
      String[] acl = wc.split("/", -1);
      if (parts.length < acl.length || (!isPrefix && acl.length != parts.length)) {
        continue;
      }
      int wildcards = 0;
      boolean matches = true;
      for (int i = 0; i < acl.length && matches; i++) {
        if (acl[i].equals("+")) {
          wildcards++;
        } else if (!acl[i].equals(parts[i])
            && !(isPrefix && i == acl.length - 1 && parts[i].startsWith(acl[i]))) {
          matches = false;
        }
      }
      if (matches) {
        int first = utf8(full.substring(0, full.indexOf('+'))).length;
        candidates.add(new Candidate(first, isPrefix, wildcards, utf8(wc), e.getValue()));
      }
    }
    return candidates.stream().max(PRIORITY).map(Candidate::entry).orElse(null);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The policies' patterns, for reports: every stanza key with the capabilities it ends up with. */
  public Map<String, Set<String>> rules() {
    Map<String, Set<String>> rules = new LinkedHashMap<>();
    for (Map<String, Entry> tree : List.of(exact, prefix, segment)) {
      tree.values().forEach(e -> rules.put(e.pattern(), new LinkedHashSet<>(e.capabilities())));
    }
    return rules;
  }
}

package dev.kesgen.live;

import dev.kesgen.access.AccessModelException;
import dev.kesgen.access.VaultAcl;
import dev.kesgen.access.VaultAclPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two ACL policies compared by what they mean, not how they are written: each is read into its rules as Vault files
 * them (a path and its capabilities, stanzas of the same path merged, {@code deny} alone where it is listed, comments,
 * order and layout ignored), and they are equal when the rules are. A capability added or a path widened
 * ({@code kms/alpha/*} to {@code kms/*}) is a difference.
 *
 * <p>A live policy outside the HCL subset {@link VaultAclPolicy} reads (parameters, templated paths, ...) cannot be
 * compared by meaning: it is compared line by line, ignoring blank lines, comments and indentation, and said so.
 *
 * @param equal whether they mean the same
 * @param changes the differences, sorted by path: {@code - path "p" { capabilities = [..] }} only live,
 *     {@code + path ...} only the topology's, {@code ~ path "p": [live] -> [topology]} both with other capabilities
 * @param note why the comparison was textual, if it was
 */
public record PolicyComparison(boolean equal, List<String> changes, List<String> note) {
  public PolicyComparison {
    changes = List.copyOf(changes);
    note = List.copyOf(note);
  }

  /** Compares the policy the topology generates with the live one. */
  public static PolicyComparison of(String name, String generated, String live) {
    SortedMap<String, Set<String>> want;
    SortedMap<String, Set<String>> have;
    try {
      want = rules(name, generated);
    } catch (AccessModelException e) {
      return textual(generated, live, "the generated policy is not in the HCL subset kesgen models (" + e.getMessage()
          + "), so it is compared line by line");
    }
    try {
      have = rules(name, live);
    } catch (AccessModelException e) {
      return textual(generated, live, "the live policy is not in the HCL subset kesgen models (" + e.getMessage()
          + "), so it is compared line by line");
    }
    List<String> changes = new ArrayList<>();
    Set<String> paths = new TreeSet<>(want.keySet());
    paths.addAll(have.keySet());
    for (String path : paths) {
      Set<String> w = want.get(path);
      Set<String> h = have.get(path);
      if (w == null) {
        changes.add("- " + stanza(path, h));
      } else if (h == null) {
        changes.add("+ " + stanza(path, w));
      } else if (!w.equals(h)) {
        changes.add("~ path " + quote(path) + ": " + list(h) + " -> " + list(w));
      }
    }
    return new PolicyComparison(changes.isEmpty(), changes, List.of());
  }

  /** The rules of a policy by pattern, each with its merged, sorted capabilities. */
  static SortedMap<String, Set<String>> rules(String name, String hcl) {
    SortedMap<String, Set<String>> rules = new TreeMap<>();
    for (Map.Entry<String, Set<String>> e : VaultAcl.of(List.of(VaultAclPolicy.parse(name, hcl))).rules().entrySet()) {
      rules.put(e.getKey(), new TreeSet<>(e.getValue()));
    }
    return rules;
  }

  private static PolicyComparison textual(String generated, String live, String note) {
    List<String> want = meaningful(generated);
    List<String> have = meaningful(live);
    if (want.equals(have)) {
      return new PolicyComparison(true, List.of(), List.of());
    }
    List<String> changes = new ArrayList<>();
    Set<String> wanted = new LinkedHashSet<>(want);
    Set<String> had = new LinkedHashSet<>(have);
    had.stream().filter(l -> !wanted.contains(l)).forEach(l -> changes.add("- " + l));
    wanted.stream().filter(l -> !had.contains(l)).forEach(l -> changes.add("+ " + l));
    if (changes.isEmpty()) {
      changes.add("~ the same lines in another order");
    }
    return new PolicyComparison(false, changes, List.of(note));
  }

  /** The lines that are not blank or a {@code #} or {@code //} comment, trimmed. */
  private static List<String> meaningful(String hcl) {
    return hcl.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("//")).toList();
  }

  static String stanza(String path, Set<String> capabilities) {
    return "path " + quote(path) + " { capabilities = " + list(capabilities) + " }";
  }

  private static String list(Set<String> capabilities) {
    List<String> quoted = new ArrayList<>();
    new TreeSet<>(capabilities).forEach(c -> quoted.add(quote(c)));
    return "[" + String.join(", ", quoted) + "]";
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}

package dev.kesgen.access;

import dev.kesgen.kes.KesDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the admin identity and the policies of a KES configuration with the keys one release reads. */
final class KesConfigReader {
  private final KesDialect dialect;
  private Optional<String> admin = Optional.empty();
  private final List<KesAccessPolicy> policies = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> ignoredFields = new ArrayList<>();

  KesConfigReader(KesDialect dialect) {
    this.dialect = dialect;
  }

  void read(String text) {
    Node root = YamlTree.compose(text);
    readAdmin(root);
    Node policy = YamlTree.child(root, "policy", "the configuration").orElse(null);
    for (Map.Entry<String, Node> entry : YamlTree.entries(policy, "policy").entrySet()) {
      readPolicy(entry.getKey(), entry.getValue());
    }
  }

  private void readAdmin(Node root) {
    String value;
    if (dialect.adminStyle() == KesDialect.AdminStyle.ROOT) {
      // K@v0.13.4:cmd/kes/config.go:31 (yaml "root")
      value = YamlTree.child(root, "root", "the configuration").map(n -> YamlTree.scalar(n, "root")).orElse("");
    } else {
      // K@v0.17.2:cmd/kes/config.go:33-36; K@2023-11-09T17-35-47Z:kesconf/config.go (admin.identity)
      value = YamlTree.child(root, "admin", "the configuration")
          .flatMap(a -> YamlTree.child(a, "identity", "admin"))
          .map(n -> YamlTree.scalar(n, "admin.identity")).orElse("");
    }
    if (value.isBlank()) {
      // K@v0.13.4:cmd/kes/config.go:189-190; K@v0.17.2:cmd/kes/config.go:240-242;
      // K@2023-10-24T20-26-51Z:edge/server-config-yml.go:242-243
      problems.add(dialect.adminStyle() == KesDialect.AdminStyle.ROOT
          ? "no root identity: 'root' is required (K@v0.13.4:cmd/kes/config.go:189-190)"
          : "no admin identity: 'admin.identity' is required (K@v0.17.2:cmd/kes/config.go:240-242)");
    } else {
      admin = Optional.of(value);
    }
  }

  private void readPolicy(String name, Node node) {
    String where = "policy." + name;
    Map<String, Node> fields = YamlTree.entries(node, where);
    boolean paths = dialect.policyRuleKey().equals("paths");
    String identitiesKey = dialect.policyIdentitiesKey();
    Set<String> known = paths ? Set.of("paths", identitiesKey) : Set.of("allow", "deny", identitiesKey);
    for (String field : fields.keySet()) {
      if (known.contains(field)) {
        continue;
      }
      switch (dialect.unknownFields()) {
        // K@v0.13.0:cmd/kes/config.go:74 decoder.SetStrict(true)
        case REJECTED -> problems.add(where + "." + field + " is not a field this release knows, and it rejects "
            + "unknown fields (K@v0.13.0:cmd/kes/config.go:74)");
        // K@v0.13.6:cmd/kes/config.go:77-87: the strict parse fails and a legacy parse, which may drop sections,
        // takes over; the model does not guess what that parse keeps
        case STRICT_WITH_LEGACY_FALLBACK -> problems.add(where + "." + field + " is not a field this release knows: its "
            + "strict parse fails and a legacy parse takes over, which the model does not follow "
            + "(K@v0.13.6:cmd/kes/config.go:77-87)");
        // K@v0.17.3:internal/yml/config.go:146 plain yaml.Unmarshal
        case IGNORED -> ignoredFields.add(where + "." + field);
      }
    }
    List<String> allow = YamlTree.strings(fields.get(paths ? "paths" : "allow"), where + "." + dialect.policyRuleKey());
    List<String> deny = paths ? List.of() : YamlTree.strings(fields.get("deny"), where + ".deny");
    List<String> identities = YamlTree.strings(fields.get(identitiesKey), where + "." + identitiesKey);
    if (!paths) {
      // K@v0.15.0:policy.go:60-70 (Allow and Deny skip empty patterns); the prefix matcher never matches ""
      allow = allow.stream().filter(p -> !p.isEmpty()).toList();
      deny = deny.stream().filter(p -> !p.isEmpty()).toList();
    }
    policies.add(new KesAccessPolicy(name, allow, deny, identities));
  }

  Optional<String> admin() {
    return admin;
  }

  List<KesAccessPolicy> policies() {
    return policies;
  }

  List<String> problems() {
    return problems;
  }

  List<String> ignoredFields() {
    return ignoredFields;
  }
}

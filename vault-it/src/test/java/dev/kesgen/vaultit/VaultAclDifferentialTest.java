package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.access.VaultAcl;
import dev.kesgen.access.VaultAclPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Vault ACL model ({@link VaultAcl}) against a real server: every committed generated policy (the example and
 * every golden case) and a few thousand generated (policies, path) cases are written into OpenBao's dev server (or
 * VAULT_BIN), and {@code sys/capabilities} for a token holding those policies must give exactly the capability set
 * the model gives. Paths are batched, one capabilities call per token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultAclDifferentialTest {
  private static final String[] SEGMENTS = {"secret", "kes", "dev", "prod", "gecko", "gecko-x", "data", "metadata",
    "a", "b", ""};
  private static final String[] CAPABILITIES = {"create", "read", "update", "delete", "list", "sudo", "patch", "deny"};

  Path work;
  VaultServer server;
  VaultHttp root;
  final Map<String, String> written = new LinkedHashMap<>();
  int compared;
  int granted;

  @BeforeAll
  void start() throws Exception {
    work = Files.createTempDirectory("kesgen-vault-acl-");
    server = VaultServer.start(work);
    root = new VaultHttp(server.address, server.rootToken);
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (work != null) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void everyCommittedPolicyAgrees() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(Path.of("../examples/molgenis/generated/vault/policies"),
        Path.of("../generator-core/src/test/resources/golden"))) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().endsWith(".hcl")).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(10);
    Random random = new Random(7);
    for (int i = 0; i < files.size(); i++) {
      String hcl = Files.readString(files.get(i));
      String name = "committed-" + i;
      write(name, hcl);
      VaultAclPolicy policy = VaultAclPolicy.parse(name, hcl);
      // the instance's own prefix, its neighbours, other mounts and the adversarial names next to its keys
      List<String> paths = new ArrayList<>();
      for (var rule : policy.rules()) {
        if (rule.kind() != dev.kesgen.access.VaultAclRule.Kind.PREFIX) {
          paths.addAll(List.of(rule.pattern(), rule.pattern() + "/", rule.pattern() + "x"));
          continue;
        }
        String base = rule.pattern().substring(0, rule.pattern().length() - 1);
        for (String suffix : List.of("gecko", "gecko/x", "", "x/y/z")) {
          paths.add(base + suffix);
        }
        String parent = base.substring(0, base.length() - 1);
        paths.addAll(List.of(parent, parent + "/", parent + "x/gecko", parent + "-x/gecko"));
      }
      for (int j = 0; j < 20; j++) {
        paths.add(randomPath(random));
      }
      compare(List.of(name), paths, false);
      // with the default policy, on the paths the assumed default rules cover and the KV paths
      List<String> withDefault = new ArrayList<>(paths);
      withDefault.addAll(List.of("auth/token/renew-self", "auth/token/lookup-self"));
      compare(List.of("default", name), withDefault, true);
    }
  }

  @Test
  void generatedPoliciesAgree() {
    Random random = new Random(20250312L);
    compared = 0;
    granted = 0;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String name = "generated-" + i;
      write(name, randomPolicy(random));
      names.add(name);
    }
    for (int t = 0; t < 160; t++) {
      List<String> policies = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        policies.add(names.get(random.nextInt(names.size())));
      }
      List<String> paths = new ArrayList<>();
      List<String> patterns = new ArrayList<>();
      policies.forEach(p -> VaultAclPolicy.parse(p, written.get(p)).rules().forEach(r -> patterns.add(r.pattern())));
      for (int i = 0; i < 30; i++) {
        // half near a rule of the token's policies, so that many cases reach a rule
        paths.add(i % 2 == 0 ? randomPath(random) : near(random, patterns.get(random.nextInt(patterns.size()))));
      }
      compare(policies, paths, false);
    }
    assertThat(compared).isGreaterThan(4000);
    // not only "deny": the cases reach rules that grant
    assertThat(granted).isGreaterThan(1000);
  }

  @Test
  void theDefaultPolicyGrantsWhatKesgenAssumes() {
    Map<String, Set<String>> real = capabilities(token(List.of("default"), true),
        List.of("auth/token/renew-self", "auth/token/lookup-self"));
    assertThat(real.get("auth/token/renew-self")).contains("update");
    assertThat(real.get("auth/token/lookup-self")).contains("read");
  }

  private void write(String name, String hcl) {
    root.ok(root.put("sys/policies/acl/" + name, Map.of("policy", hcl)));
    written.put(name, hcl);
  }

  private void compare(List<String> policies, List<String> paths, boolean withDefault) {
    List<VaultAclPolicy> model = new ArrayList<>();
    for (String name : policies) {
      model.add(name.equals("default") ? VaultAclPolicy.assumedDefault() : VaultAclPolicy.parse(name, written.get(name)));
    }
    VaultAcl acl = VaultAcl.of(model);
    List<String> distinct = paths.stream().filter(p -> !p.isEmpty()).distinct().toList();
    Map<String, Set<String>> real = capabilities(token(policies.stream().filter(p -> !p.equals("default")).toList(),
        withDefault), distinct);
    List<String> disagreements = new ArrayList<>();
    for (String path : distinct) {
      Set<String> expected = new TreeSet<>(acl.capabilities(path));
      if (!expected.equals(real.get(path))) {
        disagreements.add(path + ": server " + real.get(path) + ", model " + expected);
      }
      compared++;
      if (!expected.equals(Set.of("deny"))) {
        granted++;
      }
    }
    StringBuilder policyText = new StringBuilder();
    policies.forEach(p -> policyText.append("\n--- ").append(p).append("\n").append(written.getOrDefault(p, "(built in)")));
    assertThat(disagreements).as("policies %s:%s", policies, policyText).isEmpty();
  }

  private String token(List<String> policies, boolean withDefault) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policies", policies.isEmpty() ? List.of("default") : policies);
    body.put("no_default_policy", !withDefault);
    body.put("ttl", "10m");
    return root.ok(root.post("auth/token/create", body)).body().path("auth").path("client_token").asText();
  }

  private Map<String, Set<String>> capabilities(String token, List<String> paths) {
    JsonNode body = root.ok(root.post("sys/capabilities", Map.of("token", token, "paths", paths))).body();
    Map<String, Set<String>> result = new LinkedHashMap<>();
    for (String path : paths) {
      JsonNode caps = body.has("data") && body.path("data").has(path) ? body.path("data").path(path) : body.path(path);
      if (caps.isMissingNode()) {
        throw new AssertionError("sys/capabilities did not answer for " + path + ": " + body);
      }
      Set<String> set = new TreeSet<>();
      caps.forEach(c -> set.add(c.asText()));
      result.put(path, set);
    }
    return result;
  }

  private static String randomPath(Random random) {
    StringBuilder path = new StringBuilder();
    int segments = 1 + random.nextInt(5);
    for (int i = 0; i < segments; i++) {
      if (i > 0) {
        path.append('/');
      }
      String segment = SEGMENTS[random.nextInt(SEGMENTS.length - 1)];
      path.append(random.nextInt(6) == 0 ? segment.substring(0, random.nextInt(segment.length() + 1)) : segment);
    }
    if (random.nextInt(8) == 0) {
      path.append('/');
    }
    // the server refuses an empty path in sys/capabilities ("missing path")
    return path.isEmpty() ? "secret" : path.toString();
  }

  /** A path a pattern could match, or nearly: + and * filled in, sometimes a segment added or cut. */
  private static String near(Random random, String pattern) {
    StringBuilder path = new StringBuilder();
    for (String segment : pattern.split("/", -1)) {
      if (path.length() > 0 || pattern.startsWith("/")) {
        path.append('/');
      }
      path.append(segment.equals("+") ? SEGMENTS[random.nextInt(SEGMENTS.length - 1)] : segment);
    }
    String text = path.toString();
    if (text.endsWith("*")) {
      text = text.substring(0, text.length() - 1) + List.of("", "x", "/gecko", "-x/y").get(random.nextInt(4));
    }
    if (random.nextInt(5) == 0) {
      text += "/" + SEGMENTS[random.nextInt(SEGMENTS.length - 1)];
    }
    if (random.nextInt(8) == 0) {
      text += "/";
    }
    return text.isEmpty() ? "secret" : text;
  }

  private static String randomPolicy(Random random) {
    StringBuilder hcl = new StringBuilder("# generated\n");
    int stanzas = 1 + random.nextInt(6);
    for (int s = 0; s < stanzas; s++) {
      StringBuilder pattern = new StringBuilder();
      int segments = 1 + random.nextInt(4);
      for (int i = 0; i < segments; i++) {
        if (i > 0) {
          pattern.append('/');
        }
        int kind = random.nextInt(10);
        String segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
        pattern.append(kind < 2 && i > 0 ? "+" : kind == 2 ? segment.substring(0, random.nextInt(segment.length() + 1))
            : segment);
      }
      if (pattern.isEmpty()) {
        pattern.append("secret");
      }
      if (random.nextInt(2) == 0 && pattern.charAt(pattern.length() - 1) != '+') {
        pattern.append('*');
      }
      Set<String> caps = new TreeSet<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        caps.add(CAPABILITIES[random.nextInt(CAPABILITIES.length)]);
      }
      hcl.append("path \"").append(pattern).append("\" {\n  capabilities = [");
      hcl.append(String.join(", ", caps.stream().map(c -> "\"" + c + "\"").toList())).append("]\n}\n");
    }
    return hcl.toString();
  }
}

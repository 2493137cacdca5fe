package dev.kesgen.vaultit;

import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A topology's generated Vault output and what the tests expect of it, written down here independently of kesgen's
 * code: a widened policy must differ from this.
 *
 * @param project the directory in which the README's commands run ({@code sh generated/vault/apply.sh})
 * @param mount the KV mount
 * @param kvVersion 1 or 2
 * @param pathPrefix {@code vault.pathPrefix}
 * @param approleMount the AppRole auth mount
 * @param instances the instance names
 * @param tokenPeriod {@code token_period} in seconds
 * @param secretIdTtl {@code secret_id_ttl} in seconds
 * @param allowKeyDeletion {@code vault.allowKeyDeletion}
 */
record Deployment(Path project, String mount, int kvVersion, String pathPrefix, String approleMount,
    List<String> instances, long tokenPeriod, long secretIdTtl, boolean allowKeyDeletion) {

  /** The MOLGENIS example's committed output: KV v1, no deletion, token period 24 h, secret ids never expire. */
  static Deployment molgenis() {
    return new Deployment(Path.of("../examples/molgenis"), "secret", 1, "kes", "approle",
        List.of("dev", "accept", "prod"), 86_400, 0, false);
  }

  /** {@code kv2/topology.yaml}, generated into {@code dir}: KV v2, three instances, deletion allowed. */
  static Deployment kv2(Path dir, Path templates) throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    try (var in = Deployment.class.getResourceAsStream("kv2/topology.yaml")) {
      Files.write(project.resolve("topology.yaml"), in.readAllBytes());
    }
    generate(project, templates);
    return new Deployment(project, "kes-keys", 2, "minio", "kes-approle", List.of("alpha", "beta", "gamma"),
        7_200, 2_592_000, true);
  }

  /** Runs kesgen on {@code project/topology.yaml} into {@code project/generated}. */
  static void generate(Path project, Path templates) throws Exception {
    GenerateRequest request = GenerateRequest.of(project.resolve("topology.yaml"))
        .withOutputDirectory(project.resolve("generated")).withSecretsDirectory(project.resolve("secrets"))
        .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
    if (templates != null) {
      request = request.withTemplateDirectory(templates);
    }
    Kesgen.generate(request);
  }

  String location(String instance) {
    return pathPrefix.isEmpty() ? instance : pathPrefix + "/" + instance;
  }

  Path script(String name) {
    return project.resolve("generated/vault/" + name);
  }

  /**
   * Every path worth asking {@code sys/capabilities-self} about for {@code instance}, with the capability set KES
   * needs there and nothing more ("deny" where it needs nothing). KES reads and creates keys (create only where the
   * key is absent: Vault's {@code create}, never {@code update}), lists its prefix (a list is checked on the folder
   * with a trailing slash, and in v2 on {@code metadata/}), deletes only with allowKeyDeletion (v2: all versions, on
   * {@code metadata/}), and needs nothing else on the mount.
   */
  Map<String, TreeSet<String>> expectedCapabilities(String instance) {
    Map<String, TreeSet<String>> expected = new LinkedHashMap<>();
    String own = location(instance);
    String deletion = allowKeyDeletion ? "delete" : null;
    if (kvVersion == 1) {
      TreeSet<String> keys = set("create", "read", "list", deletion);
      expected.put(mount + "/" + own + "/gecko", keys);
      expected.put(mount + "/" + own + "/", keys);
    } else {
      expected.put(mount + "/data/" + own + "/gecko", set("create", "read"));
      expected.put(mount + "/metadata/" + own + "/gecko", set("list", deletion));
      expected.put(mount + "/metadata/" + own + "/", set("list", deletion));
      for (String other : List.of("delete", "undelete", "destroy")) {
        expected.put(mount + "/" + other + "/" + own + "/gecko", set("deny"));
      }
      expected.put(mount + "/config", set("deny"));
      expected.put(mount + "/data/" + own, set("deny"));
      expected.put(mount + "/metadata/" + own, set("deny"));
    }
    expected.put(mount + "/" + own, set("deny"));
    expected.put(mount + "/gecko", set("deny"));
    expected.put(mount + "/", set("deny"));
    if (!pathPrefix.isEmpty()) {
      expected.put(mount + "/" + pathPrefix + "/", set("deny"));
      expected.put(mount + "/" + pathPrefix + "/gecko", set("deny"));
    }
    for (String other : instances) {
      if (!other.equals(instance)) {
        String theirs = location(other);
        for (String p : kvVersion == 1 ? List.of(mount + "/" + theirs + "/gecko", mount + "/" + theirs + "/")
            : List.of(mount + "/data/" + theirs + "/gecko", mount + "/metadata/" + theirs + "/gecko",
                mount + "/metadata/" + theirs + "/")) {
          expected.put(p, set("deny"));
        }
      }
    }
    // what the policy must not reach beyond the KV mount: only renewal of the own token (KES's RenewSelf), no default
    // policy (lookup-self, cubbyhole, sys/capabilities-self of Vault's default are not granted)
    expected.put("auth/token/lookup-self", set("deny"));
    expected.put("cubbyhole/kes", set("deny"));
    expected.put("sys/policies/acl/kes-" + instance, set("deny"));
    expected.put("sys/mounts/" + mount, set("deny"));
    expected.put("auth/" + approleMount + "/role/kes-" + instance + "/secret-id", set("deny"));
    expected.put("auth/" + approleMount + "/role/kes-" + instance + "/role-id", set("deny"));
    expected.put("auth/token/renew-self", set("update"));
    return expected;
  }

  static TreeSet<String> set(String... capabilities) {
    TreeSet<String> set = new TreeSet<>();
    for (String c : capabilities) {
      if (c != null) {
        set.add(c);
      }
    }
    return set;
  }
}

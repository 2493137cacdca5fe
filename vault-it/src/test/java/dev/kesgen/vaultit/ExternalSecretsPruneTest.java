package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.vaultit.Scripts.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code external-secrets/apply.sh --prune} against a real OpenBao, KV v1 and v2, run with a token of only the
 * generated writer policy: after a tenant's certificate is rotated, the run without {@code --prune} writes the new
 * entry, keeps the old one and says how many wait; {@code --prune} deletes the old one (and a superseded AppRole
 * login entry), leaves the current entries resolvable by the reader, and touches nothing outside its path: not a
 * neighbouring path, not a KES key, not the current login (which the writer policy forbids it to delete at all). A
 * tenant removed from the topology has its entry pruned the same way. Killed by a signal, the script removes its
 * work directory, and destroys a secret id it created and had not stored yet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalSecretsPruneTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String ALPHA = "generated/tenants/dev/alpha/secret.external-secret.yaml";
  private static final String BETA = "generated/tenants/dev/beta/secret.external-secret.yaml";
  private static final String LOGIN = "generated/kes/dev/approle.external-secret.yaml";
  Path work;
  VaultServer server;
  VaultHttp root;

  @BeforeAll
  void start() throws Exception {
    work = Files.createTempDirectory("kesgen-vault-it-prune-");
    server = VaultServer.start(work);
    root = new VaultHttp(server.address, server.rootToken);
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
      assertThat(server.alive()).isFalse();
    }
    if (work != null) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static GenerateRequest request(Path project) {
    return GenerateRequest.of(project.resolve("topology.yaml")).withOutputDirectory(project.resolve("generated"))
        .withSecretsDirectory(project.resolve("secrets"))
        .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void pruneDeletesWhatNoExternalSecretNamesAndNothingElse(int kv) throws Exception {
    Path project = Files.createDirectories(work.resolve("kv" + kv + "/project"));
    Files.writeString(project.resolve("topology.yaml"), ExternalSecretsVaultTest.topology(kv, server.address));
    Kesgen.generate(request(project));
    Scripts scripts = new Scripts(server, work.resolve("kv" + kv));
    String mount = kv == 2 ? "kv2-secrets" : "kv1-secrets";
    Run apply = scripts.sh(project, Map.of(), "generated/vault/apply.sh");
    assertThat(apply.exit()).as(apply.output()).isZero();
    root.ok(root.put("sys/policies/acl/eso-writer-" + kv, Map.of("policy",
        Files.readString(project.resolve("generated/external-secrets/policies/kesgen-external-secrets-writer.hcl")))));
    String writer = root.ok(root.post("auth/token/create", Map.of("policies", List.of("eso-writer-" + kv),
        "no_default_policy", true, "ttl", "10m"))).body().path("auth").path("client_token").asText();
    Map<String, String> env = Map.of("BAO_ADDR", server.address, "BAO_TOKEN", writer);
    Run first = scripts.sh(project, env, "generated/external-secrets/apply.sh");
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).doesNotContain("stale", "deleted");

    // what is not the script's: a neighbouring path of the mount, a KES key, and a superseded login entry (a moved
    // AppRole role's: same Secret, another fingerprint), which is the script's and no ExternalSecret names
    String neighbour = "kesgen-other/minio-alpha/kes-dev-alpha-client/0000000000000000";
    String kesKey = "kes/dev/alpha-key";
    String oldLogin = "kesgen/kes-dev/kes-dev-approle/0000000000000000";
    for (String key : List.of(neighbour, kesKey, oldLogin)) {
      root.ok(root.put(data(mount, kv, key), body(kv, Map.of("bytes", "x"))));
    }
    String loginKey = remoteKey(project.resolve(LOGIN));
    String alphaBefore = remoteKey(project.resolve(ALPHA));

    // renewal by rotation: a new certificate is a new entry; without --prune the old one stays and is counted
    Kesgen.generate(request(project).withRotate(Set.of("dev/alpha")));
    String alphaAfter = remoteKey(project.resolve(ALPHA));
    assertThat(alphaAfter).isNotEqualTo(alphaBefore).startsWith("kesgen/minio-alpha/kes-dev-alpha-client/");
    Run written = scripts.sh(project, env, "generated/external-secrets/apply.sh");
    assertThat(written.exit()).as(written.output()).isZero();
    assertThat(written.output()).contains(mount + "/" + alphaAfter + ": written",
        "stale entries under " + mount + "/kesgen/ that no committed ExternalSecret names: 2;", "--prune")
        .doesNotContain("deleted");
    assertThat(exists(mount, kv, alphaBefore)).as("kept until --prune").isTrue();
    assertThat(exists(mount, kv, oldLogin)).isTrue();

    // --prune deletes exactly the two, and says so; a second run has nothing left to do
    Run pruned = scripts.sh(project, env, "generated/external-secrets/apply.sh", "--prune");
    assertThat(pruned.exit()).as(pruned.output()).isZero();
    assertThat(pruned.output()).contains(mount + "/" + alphaBefore + ": deleted\n",
        mount + "/" + oldLogin + ": deleted (an old AppRole login")
        .doesNotContain(mount + "/" + alphaAfter + ": deleted", "stale entries", "left alone");
    assertThat(pruned.output().lines().filter(l -> l.contains(": deleted"))).hasSize(2);
    assertThat(exists(mount, kv, alphaBefore)).as("the old key's entry").isFalse();
    assertThat(exists(mount, kv, oldLogin)).isFalse();
    if (kv == 2) {
      assertThat(root.get(mount + "/metadata/" + alphaBefore).status()).as("every version and the metadata")
          .isEqualTo(404);
    }
    assertThat(exists(mount, kv, neighbour)).as("outside the path").isTrue();
    assertThat(exists(mount, kv, kesKey)).as("a KES key").isTrue();
    assertThat(exists(mount, kv, loginKey)).as("the current login").isTrue();
    Run again = scripts.sh(project, env, "generated/external-secrets/apply.sh", "--prune");
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).contains("no changes").doesNotContain("deleted", "stale");

    // every current ExternalSecret still resolves, with the reader's login, to what the repository and the
    // secrets directory hold; the login still logs in
    VaultHttp reader = reader(scripts, project);
    JsonNode store = YAML.readTree(project.resolve("generated/external-secrets/cluster-secret-store.yaml").toFile());
    Map<String, String> alpha = resolveAll(reader, store, project.resolve(ALPHA));
    assertThat(alpha.get("tls.crt")).isEqualTo(Files.readString(project.resolve("generated/tenants/dev/alpha/client.crt")));
    assertThat(alpha.get("tls.key")).isEqualTo(Files.readString(project.resolve("secrets/tenants/dev/alpha/client.key")));
    assertThat(resolveAll(reader, store, project.resolve(BETA))).containsKey("config.env");
    try (Stream<Path> walk = Files.walk(project.resolve("generated"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".external-secret.yaml")).toList()) {
        assertThat(resolveAll(reader, store, file)).as(file.toString()).isNotEmpty();
      }
    }
    Map<String, String> login = resolveAll(reader, store, project.resolve(LOGIN));
    root.ok(KesClient.login(root, "approle", login.get("role-id"), login.get("secret-id")));
    String everything = first.output() + written.output() + pruned.output() + again.output() + scripts.commands();
    assertThat(everything).doesNotContain(login.get("secret-id"), "PRIVATE KEY", "kes:v1:");

    // the writer policy itself: delete under the path, not on the current login, not on a KES key or outside
    VaultHttp asWriter = root.withToken(writer);
    assertThat(asWriter.delete(kv == 2 ? mount + "/metadata/" + loginKey : mount + "/" + loginKey).status())
        .as("the current login, even by hand").isEqualTo(403);
    assertThat(asWriter.delete(kv == 2 ? mount + "/metadata/" + kesKey : mount + "/" + kesKey).status()).isEqualTo(403);
    assertThat(asWriter.delete(kv == 2 ? mount + "/metadata/" + neighbour : mount + "/" + neighbour).status())
        .isEqualTo(403);
    assertThat(exists(mount, kv, loginKey)).isTrue();

    // a tenant removed from the topology: its entry is stale, and --prune (with a rotation in the same run) deletes it
    String betaKey = remoteKey(project.resolve(BETA));
    String topology = Files.readString(project.resolve("topology.yaml"));
    int at = topology.indexOf("      - name: beta\n");
    Files.writeString(project.resolve("topology.yaml"), topology.substring(0, at));
    Kesgen.generate(request(project));
    assertThat(project.resolve(BETA)).doesNotExist();
    Run removed = scripts.sh(project, env, "generated/external-secrets/apply.sh");
    assertThat(removed.exit()).as(removed.output()).isZero();
    assertThat(removed.output()).contains("no committed ExternalSecret names: 1;");
    assertThat(exists(mount, kv, betaKey)).isTrue();
    Run both = scripts.sh(project, env, "generated/external-secrets/apply.sh", "--prune", "--rotate-secret-id", "dev");
    assertThat(both.exit()).as(both.output()).isZero();
    assertThat(both.output()).contains(mount + "/" + betaKey + ": deleted\n", "older secret ids of auth/approle/role/kes-dev destroyed");
    assertThat(exists(mount, kv, betaKey)).isFalse();
    assertThat(exists(mount, kv, loginKey)).isTrue();
    Map<String, String> rotated = resolveAll(reader, store, project.resolve(LOGIN));
    assertThat(rotated.get("secret-id")).isNotEqualTo(login.get("secret-id"));
    root.ok(KesClient.login(root, "approle", rotated.get("role-id"), rotated.get("secret-id")));
    assertThat(exists(mount, kv, kesKey)).isTrue();
    assertThat(exists(mount, kv, neighbour)).isTrue();
    Run twice = scripts.sh(project, env, "generated/external-secrets/apply.sh", "--rotate-secret-id", "dev",
        "--rotate-secret-id", "dev");
    assertThat(twice.exit()).as(twice.output()).isEqualTo(2);
    assertThat(twice.output()).contains("usage:");
    Run unknown = scripts.sh(project, env, "generated/external-secrets/apply.sh", "--purge");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.output()).contains("usage:", "[--prune] [--rotate-secret-id <instance>]");
  }

  /** Ctrl-C, kill or a closed terminal: the script ends through its EXIT trap, so its work directory goes. */
  @Test
  void aSignalEndsTheScriptWithoutLeavingItsWorkDirectory() throws Exception {
    Path project = Files.createDirectories(work.resolve("signal/project"));
    Files.writeString(project.resolve("topology.yaml"), ExternalSecretsVaultTest.topology(2, server.address)
        .replace("kv2-secrets", "kv2-signal"));
    Kesgen.generate(request(project));
    Scripts scripts = new Scripts(server, work.resolve("signal"));
    Run apply = scripts.sh(project, Map.of(), "generated/vault/apply.sh");
    assertThat(apply.exit()).as(apply.output()).isZero();
    for (String signal : List.of("TERM", "INT", "HUP")) {
      // the CLI as a user's terminal would see it: the signal reaches the script while it writes a key
      Path cli = scripts.bin.resolve("signalling-" + signal);
      Files.writeString(cli, "#!/bin/sh\ncase \"$1 $2\" in\n  'kv put') kill -" + signal + " \"$PPID\" ;;\nesac\n"
          + "exec '" + scripts.bin.resolve(server.flavour) + "' \"$@\"\n");
      Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwx------"));
      Path tmp = Files.createDirectories(work.resolve("signal/tmp-" + signal));
      Run run = scripts.sh(project, Map.of("BAO_ADDR", server.address, "BAO_TOKEN", server.rootToken,
          "KESGEN_VAULT_CLI", cli.toString(), "TMPDIR", tmp.toString()), "generated/external-secrets/apply.sh");
      assertThat(run.exit()).as(run.output()).isEqualTo(Map.of("HUP", 129, "INT", 130, "TERM", 143).get(signal));
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left).as("the work directory, after %s", signal).isEmpty();
      }
      // each run wrote one entry before the signal ended it, so the next run's first kv put is the next entry
    }
  }

  /**
   * A signal right after a secret id was created and before it is stored (the reader's in the cluster, a KES
   * instance's login in KV): the EXIT trap destroys it, so no secret id is left that nobody holds, and the next run
   * creates and stores one. Run with a token of only the writer policy, which must allow the listing and destroying.
   */
  @ParameterizedTest
  @ValueSource(strings = {"auth/approle/role/kesgen-external-secrets", "auth/approle/role/kes-dev"})
  void aSignalBetweenCreatingASecretIdAndStoringItDestroysIt(String role) throws Exception {
    String name = role.substring(role.lastIndexOf('/') + 1);
    Path dir = work.resolve("abandon-" + name);
    Path project = Files.createDirectories(dir.resolve("project"));
    String mount = "kv2-abandon-" + name;
    Files.writeString(project.resolve("topology.yaml"), ExternalSecretsVaultTest.topology(2, server.address)
        .replace("kv2-secrets", mount));
    Kesgen.generate(request(project));
    Scripts scripts = new Scripts(server, dir);
    Run apply = scripts.sh(project, Map.of(), "generated/vault/apply.sh");
    assertThat(apply.exit()).as(apply.output()).isZero();
    root.ok(root.put("sys/policies/acl/eso-writer-" + mount, Map.of("policy",
        Files.readString(project.resolve("generated/external-secrets/policies/kesgen-external-secrets-writer.hcl")))));
    String writer = root.ok(root.post("auth/token/create", Map.of("policies", List.of("eso-writer-" + mount),
        "no_default_policy", true, "ttl", "10m"))).body().path("auth").path("client_token").asText();
    // the CLI as a user's terminal would see it: the secret id is created, then TERM reaches the script
    Path cli = scripts.bin.resolve("interrupting");
    String real = scripts.bin.resolve(server.flavour).toString();
    Files.writeString(cli, "#!/bin/sh\nif [ \"$1\" = write ] && [ \"$4\" = '" + role + "/secret-id' ]; then\n"
        + "  '" + real + "' \"$@\"\n  kesgen_rc=$?\n  kill -TERM \"$PPID\"\n  exit \"$kesgen_rc\"\nfi\n"
        + "exec '" + real + "' \"$@\"\n");
    Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwx------"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Map<String, String> env = Map.of("BAO_ADDR", server.address, "BAO_TOKEN", writer, "TMPDIR", tmp.toString());

    Set<String> before = Set.copyOf(accessors(role));
    Map<String, String> interrupting = new TreeMap<>(env);
    interrupting.put("KESGEN_VAULT_CLI", cli.toString());
    Run run = scripts.sh(project, interrupting, "generated/external-secrets/apply.sh");
    assertThat(run.exit()).as(run.output()).isEqualTo(143);
    assertThat(run.output()).contains("the run ended before the new secret id of " + role
        + " was stored: it was destroyed");
    assertThat(scripts.commands()).as("it was created").contains("write -f -field=secret_id " + role + "/secret-id");
    assertThat(Set.copyOf(accessors(role))).as("the secret ids of %s", role).isEqualTo(before);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("the work directory").isEmpty();
    }
    if (name.equals("kesgen-external-secrets")) {
      assertThat(scripts.appliedSecret()).as("the reader's credentials Secret").isEmpty();
    } else {
      assertThat(exists(mount, 2, remoteKey(project.resolve(LOGIN)))).as("the login entry").isFalse();
    }

    // the next run creates one and stores it
    Run again = scripts.sh(project, env, "generated/external-secrets/apply.sh");
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).doesNotContain("the run ended");
    Set<String> after = new java.util.HashSet<>(accessors(role));
    assertThat(after).containsAll(before).hasSize(before.size() + 1);
    if (name.equals("kesgen-external-secrets")) {
      assertThat(scripts.appliedSecret()).containsOnlyKeys("role-id", "secret-id");
    } else {
      assertThat(exists(mount, 2, remoteKey(project.resolve(LOGIN)))).isTrue();
    }
  }

  private List<String> accessors(String role) {
    List<String> keys = new java.util.ArrayList<>();
    root.call("LIST", role + "/secret-id", null).data().path("keys").forEach(k -> keys.add(k.asText()));
    return keys;
  }

  private boolean exists(String mount, int kv, String key) {
    int status = root.get(data(mount, kv, key)).status();
    assertThat(status).isIn(200, 404);
    return status == 200;
  }

  private static String data(String mount, int kv, String key) {
    return kv == 2 ? mount + "/data/" + key : mount + "/" + key;
  }

  private static Object body(int kv, Map<String, String> values) {
    return kv == 2 ? Map.of("data", values) : values;
  }

  /** The KV key the first {@code data} entry of an ExternalSecret names. */
  private static String remoteKey(Path externalSecret) throws Exception {
    return YAML.readTree(externalSecret.toFile()).path("spec").path("data").get(0).path("remoteRef").path("key")
        .asText();
  }

  /** The reader's token, from the role id and secret id the script stored in the (stand-in) cluster. */
  private VaultHttp reader(Scripts scripts, Path project) throws Exception {
    Map<String, String> credentials = new TreeMap<>();
    for (String line : Files.readAllLines(scripts.state.resolve("applied.yaml"))) {
      if (line.startsWith("  role-id: ") || line.startsWith("  secret-id: ")) {
        String[] pair = line.trim().split(": ", 2);
        credentials.put(pair[0], new String(Base64.getDecoder().decode(pair[1]), StandardCharsets.UTF_8));
      }
    }
    return root.withToken(root.ok(KesClient.login(root, "approle", credentials.get("role-id"),
        credentials.get("secret-id"))).body().path("auth").path("client_token").asText());
  }

  private static Map<String, String> resolveAll(VaultHttp vault, JsonNode store, Path externalSecret) throws Exception {
    Map<String, String> resolved = new TreeMap<>();
    for (JsonNode data : YAML.readTree(externalSecret.toFile()).path("spec").path("data")) {
      resolved.put(data.path("secretKey").asText(), EsoRemoteRef.resolve(vault, store, data.path("remoteRef"))
          .orElseThrow(() -> new AssertionError("unresolved: " + data)));
    }
    return resolved;
  }
}

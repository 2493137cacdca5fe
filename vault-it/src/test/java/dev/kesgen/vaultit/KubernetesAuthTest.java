package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.vaultit.Scripts.Run;
import dev.kesgen.vaultit.VaultHttp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Vault's kubernetes auth method as kesgen configures it, against a real OpenBao's own {@code kubernetes} method: the
 * generated {@code apply.sh}, run with a token of the generated {@code kesgen-operator} policy only, enables it and
 * writes its configuration ({@code disable_local_ca_jwt=true},
 * {@code kubernetes_ca_cert}, {@code kubernetes_host} pointing at a TokenReview stand-in on loopback) and each
 * instance's role; then KES's exact login with a signed ServiceAccount JWT. The right account of the right namespace
 * gets a token with exactly its instance's policy, which creates and reads that instance's keys and renews; another
 * account, another namespace, a token the cluster did not sign, an expired one, and the other instance's keys are
 * refused.
 *
 * <p>Not proven here, for want of a cluster: the kubelet's rotation of a projected token, KES's own reading of the
 * token file (read from its source, docs/design/kubernetes-auth.md §2.3–2.4), and the {@code system:auth-delegator}
 * binding a real API server would demand of the reviewing token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesAuthTest {
  private static final String ALPHA_UID = "0d6bd8a4-6b51-4c49-9a0b-7f4a2b3c1d01";
  private static final String BETA_UID = "5c2e1a77-2f0e-4a8c-8d3b-1e9f0a6b7c02";
  private final Clock clock = Clock.systemUTC(); // OpenBao checks exp against its own clock

  Path work;
  Path project;
  KeyPair cluster;
  TokenReviewStandIn standIn;
  VaultServer server;
  VaultHttp root;
  Run firstApply;
  Run secondApply;

  @BeforeAll
  void generateApplyAndStart() throws Exception {
    work = Files.createTempDirectory("kesgen-vault-it-k8s-");
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    cluster = rsa.generateKeyPair();
    standIn = TokenReviewStandIn.start(cluster.getPublic());
    project = Files.createDirectories(work.resolve("project"));
    Files.writeString(project.resolve("k8s-ca.pem"), standIn.caPem);
    String topology;
    try (var in = KubernetesAuthTest.class.getResourceAsStream("kubernetes/topology.yaml")) {
      topology = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Files.writeString(project.resolve("topology.yaml"), topology.replace("${STAND_IN}", standIn.host));
    Deployment.generate(project, null);

    server = VaultServer.start(work);
    root = new VaultHttp(server.address, server.rootToken);
    root.ok(root.delete("sys/mounts/secret")); // apply.sh enables the KV v2 mount itself
    Scripts scripts = new Scripts(server, work);
    // apply.sh runs with a token of the generated kesgen-operator policy only, as a person or pipeline would
    String policy = Files.readString(project.resolve("generated/vault/policies/kesgen-operator.hcl"));
    root.ok(root.put("sys/policies/acl/kesgen-operator", Map.of("policy", policy)));
    String operator = root.ok(root.post("auth/token/create", Map.of("policies", List.of("kesgen-operator"),
        "no_default_policy", true, "ttl", "1h"))).body().path("auth").path("client_token").asText();
    Map<String, String> env = Map.of("BAO_ADDR", server.address, "BAO_TOKEN", operator);
    firstApply = scripts.sh(project, env, "generated/vault/apply.sh");
    secondApply = scripts.sh(project, env, "generated/vault/apply.sh");
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (standIn != null) {
        standIn.close();
      }
    } finally {
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
  }

  @BeforeEach
  void forgetReviews() {
    standIn.takeRequests();
  }

  @Test
  void applyConfiguresTheMethodAndTheRolesAndIsIdempotent() throws Exception {
    assertThat(firstApply.exit()).as(firstApply.output()).isZero();
    assertThat(firstApply.output()).contains("auth/kubernetes/config: written", "role auth/kubernetes/role/kes-alpha");
    assertThat(secondApply.exit()).as(secondApply.output()).isZero();
    assertThat(secondApply.output()).contains("no changes");
    assertThat(root.ok(root.get("sys/auth")).data().path("kubernetes/").path("type").asText()).isEqualTo("kubernetes");
    assertThat(root.ok(root.get("sys/auth")).data().has("approle/")).as("no AppRole for Kubernetes instances").isFalse();

    JsonNode config = root.ok(root.get("auth/kubernetes/config")).data();
    assertThat(config.path("kubernetes_host").asText()).isEqualTo(standIn.host);
    assertThat(config.path("disable_local_ca_jwt").asBoolean()).isTrue();
    assertThat(config.path("kubernetes_ca_cert").asText()).isEqualTo(standIn.caPem);

    JsonNode role = root.ok(root.get("auth/kubernetes/role/kes-alpha")).data();
    assertThat(role.path("bound_service_account_names").toString()).isEqualTo("[\"kes-alpha\"]");
    assertThat(role.path("bound_service_account_namespaces").toString()).isEqualTo("[\"kes-alpha\"]");
    assertThat(role.path("token_policies").toString()).isEqualTo("[\"kes-alpha\"]");
    assertThat(role.path("token_no_default_policy").asBoolean()).isTrue();
    assertThat(role.path("token_period").asLong()).isEqualTo(3600);
    assertThat(role.path("audience").asText()).isEqualTo("vault");
    assertThat(Files.exists(project.resolve("generated/vault/bootstrap-alpha.sh"))).isFalse();
    assertThat(Files.exists(project.resolve("generated/vault/approles"))).isFalse();
  }

  @Test
  void theRightAccountGetsExactlyItsPolicyAndUsesItsOwnKeys() throws Exception {
    String jwt = ServiceAccountJwt.projected(cluster.getPrivate(), clock, "kes-alpha", "kes-alpha", ALPHA_UID, "vault");
    Response login = KesClient.kubernetesLogin(root, "kubernetes", "kes-alpha", jwt);

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    JsonNode auth = login.body().path("auth");
    assertThat(auth.path("policies").toString()).isEqualTo("[\"kes-alpha\"]");
    assertThat(auth.path("token_policies").toString()).isEqualTo("[\"kes-alpha\"]");
    assertThat(auth.path("metadata").path("service_account_name").asText()).isEqualTo("kes-alpha");
    assertThat(auth.path("lease_duration").asLong()).isEqualTo(3600);
    List<TokenReviewStandIn.Request> reviews = standIn.takeRequests();
    assertThat(reviews).hasSize(1);
    assertThat(reviews.get(0).method()).isEqualTo("POST");
    assertThat(reviews.get(0).authorization()).isEqualTo("Bearer " + jwt);
    assertThat(reviews.get(0).body().path("spec").path("token").asText()).isEqualTo(jwt);
    assertThat(reviews.get(0).body().path("spec").path("audiences").toString()).isEqualTo("[\"vault\"]");

    VaultHttp token = root.withToken(auth.path("client_token").asText());
    KesClient alpha = new KesClient(token, "secret", "kes/alpha", 2);
    assertThat(alpha.create("gecko", "c2VjcmV0")).isEqualTo("created");
    assertThat(alpha.create("gecko", "c2VjcmV0")).isEqualTo("exists");
    Response read = alpha.read("gecko");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(KesClient.value(read, "gecko", 2)).isEqualTo("c2VjcmV0");
    assertThat(alpha.list().status()).isEqualTo(200);
    assertThat(alpha.renew(0).status()).isEqualTo(200);

    // the other instance's keys: not even a read
    KesClient intoBeta = new KesClient(token, "secret", "kes/beta", 2);
    assertThat(intoBeta.read("lizard").status()).isEqualTo(403);
    assertThat(intoBeta.write("lizard", "c2VjcmV0").status()).isEqualTo(403);
    assertThat(intoBeta.list().status()).isEqualTo(403);
    assertThat(token.get("auth/token/lookup-self").status()).as("no default policy").isEqualTo(403);
  }

  @Test
  void anotherInstancesRoleRefusesTheAccount() throws Exception {
    String jwt = ServiceAccountJwt.projected(cluster.getPrivate(), clock, "kes-alpha", "kes-alpha", ALPHA_UID, "vault");
    Response login = KesClient.kubernetesLogin(root, "kubernetes", "kes-beta", jwt);

    assertThat(login.status()).as(login.toString()).isEqualTo(403);
    assertThat(login.body().toString()).contains("service account name not authorized");
  }

  @Test
  void anotherAccountOfTheNamespaceIsRefused() throws Exception {
    String jwt = ServiceAccountJwt.projected(cluster.getPrivate(), clock, "kes-alpha", "default", ALPHA_UID, "vault");
    Response login = KesClient.kubernetesLogin(root, "kubernetes", "kes-alpha", jwt);

    assertThat(login.status()).as(login.toString()).isEqualTo(403);
    assertThat(login.body().toString()).contains("service account name not authorized");
    assertThat(standIn.takeRequests()).as("refused before any review").isEmpty();
  }

  @Test
  void theAccountNameInAnotherNamespaceIsRefused() throws Exception {
    String jwt = ServiceAccountJwt.projected(cluster.getPrivate(), clock, "other", "kes-alpha", ALPHA_UID, "vault");
    Response login = KesClient.kubernetesLogin(root, "kubernetes", "kes-alpha", jwt);

    assertThat(login.status()).as(login.toString()).isEqualTo(403);
    assertThat(login.body().toString()).contains("namespace not authorized");
  }

  @Test
  void aTokenTheClusterDidNotSignIsRefusedByTheReview() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String forged = ServiceAccountJwt.projected(rsa.generateKeyPair().getPrivate(), clock, "kes-alpha", "kes-alpha",
        ALPHA_UID, "vault");
    Response login = KesClient.kubernetesLogin(root, "kubernetes", "kes-alpha", forged);

    assertThat(login.status()).as(login.toString()).isEqualTo(403);
    assertThat(standIn.takeRequests()).as("OpenBao leaves the signature to the review").hasSize(1);
  }

  @Test
  void anExpiredTokenIsRefusedWithoutAReview() throws Exception {
    String jwt = ServiceAccountJwt.expired(cluster.getPrivate(), clock, "kes-alpha", "kes-alpha", ALPHA_UID, "vault");
    Response login = KesClient.kubernetesLogin(root, "kubernetes", "kes-alpha", jwt);

    assertThat(login.status()).as(login.toString()).isEqualTo(403);
    assertThat(standIn.takeRequests()).isEmpty();
  }

  @Test
  void theTokenPathThatV0_22_0SendsIsNoLogin() throws Exception {
    // minio/kes#318: v0.22.0 – v0.22.2 send the jwt setting itself, the path; kesgen refuses those releases
    Response login = KesClient.kubernetesLogin(root, "kubernetes", "kes-alpha", "/var/run/secrets/kes/vault/token");

    assertThat(login.status()).as(login.toString()).isIn(400, 403);
  }

  @Test
  void aLongLivedTokenSecretLogsInWhereKesReadsItsTokenOnce() throws Exception {
    // beta runs a KES that reads its token once: a kubernetes.io/service-account-token Secret, whose JWT has no aud
    String jwt = ServiceAccountJwt.legacy(cluster.getPrivate(), "kes-beta", "kes-beta", BETA_UID);
    Response login = KesClient.kubernetesLogin(root, "kubernetes", "kes-beta", jwt);

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.body().path("auth").path("policies").toString()).isEqualTo("[\"kes-beta\"]");
    VaultHttp token = root.withToken(login.body().path("auth").path("client_token").asText());
    assertThat(new KesClient(token, "secret", "kes/beta", 2).create("lizard", "c2VjcmV0")).isEqualTo("created");
    assertThat(new KesClient(token, "secret", "kes/alpha", 2).read("gecko").status()).isEqualTo(403);
    // and alpha's role, which expects the projected token's audience, does not take it for alpha's account either
    String alphaLegacy = ServiceAccountJwt.legacy(cluster.getPrivate(), "kes-alpha", "kes-alpha", ALPHA_UID);
    assertThat(KesClient.kubernetesLogin(root, "kubernetes", "kes-alpha", alphaLegacy).status()).isEqualTo(403);
  }

  @Test
  void vaultPlanWithTheGeneratedReadOnlyPolicyComparesTheKubernetesMountAndRolesAndFindsAStray() throws Exception {
    String policy = Files.readString(project.resolve("generated/vault/policies/kesgen-vault-plan.hcl"));
    root.ok(root.put("sys/policies/acl/kesgen-vault-plan", Map.of("policy", policy)));
    String token = root.ok(root.post("auth/token/create", Map.of("policies", List.of("kesgen-vault-plan"),
        "no_default_policy", true, "ttl", "10m"))).body().path("auth").path("client_token").asText();
    dev.kesgen.GenerateRequest request = dev.kesgen.GenerateRequest.of(project.resolve("topology.yaml"))
        .withOutputDirectory(project.resolve("generated")).withSecretsDirectory(project.resolve("secrets"))
        .withClock(Clock.fixed(java.time.Instant.parse("2026-06-01T00:00:00Z"), java.time.ZoneOffset.UTC));
    Map<String, String> env = Map.of("BAO_ADDR", server.address, "BAO_TOKEN", token);

    dev.kesgen.live.LivePlan inSync = dev.kesgen.Kesgen.vaultPlan(request, env, dev.kesgen.KesgenListener.NONE);
    assertThat(inSync.lines()).as(String.join("\n", inSync.lines())).containsExactly(
        "Vault " + server.address + ":",
        "  = kv mount secret/: in sync",
        "  = auth mount kubernetes/: in sync",
        "  = policy kes-alpha: in sync",
        "  = kubernetes auth role kes-alpha: in sync",
        "  = policy kes-beta: in sync",
        "  = kubernetes auth role kes-beta: in sync",
        "Vault plan: 6 in sync, 0 will change, 0 missing, 0 not managed, 0 unreadable.");

    root.ok(root.post("auth/kubernetes/role/kes-old", Map.of("bound_service_account_names", List.of("kes-old"),
        "bound_service_account_namespaces", List.of("kes-old"), "token_policies", List.of("kes-old"))));
    root.ok(root.post("auth/kubernetes/role/kes-alpha", Map.of("token_policies", List.of("kes-alpha", "admin"))));
    try {
      dev.kesgen.live.LivePlan drift = dev.kesgen.Kesgen.vaultPlan(request, env, dev.kesgen.KesgenListener.NONE);
      assertThat(drift.lines()).as(String.join("\n", drift.lines())).contains(
          "  ~ kubernetes auth role kes-alpha: will change",
          "      ~ token_policies: [\"admin\", \"kes-alpha\"] -> [\"kes-alpha\"]",
          "  - kubernetes auth role kes-old: not managed");
      assertThat(drift.exitCode()).isEqualTo(1);
    } finally {
      root.ok(root.delete("auth/kubernetes/role/kes-old"));
      root.ok(root.post("auth/kubernetes/role/kes-alpha", VaultHttp.JSON.readValue(
          Files.readString(project.resolve("generated/vault/kubernetes/kes-alpha.json")), Map.class)));
    }
  }
}

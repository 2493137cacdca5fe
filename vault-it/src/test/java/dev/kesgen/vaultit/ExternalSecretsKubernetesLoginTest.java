package dev.kesgen.vaultit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kesgen.vaultit.Scripts.Run;
import dev.kesgen.vaultit.VaultHttp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The externalSecrets sink with {@code auth: kubernetes} against a real OpenBao and the TokenReview stand-in: one
 * KES instance and External Secrets Operator share the kubernetes auth method at {@code vault.kubernetes.mount}
 * ({@code k8s/eso} here, not the default), which {@code vault/apply.sh} (with a token of the generated
 * {@code kesgen-operator} policy only) enables and configures once; {@code external-secrets/apply.sh} (with the
 * writer policy only) writes the reader's role. Then ESO's login, as its vault provider sends it: {@code {"role",
 * "jwt"}} to {@code auth/<mountPath>/login} (external-secrets/external-secrets@v0.16.2:pkg/provider/vault/auth_kubernetes.go:54-69,
 * through hashicorp/vault@api/auth/kubernetes/v0.9.0:api/auth/kubernetes/kubernetes.go:70-77), with the JWT of a
 * TokenRequest for the store's {@code serviceAccountRef} (auth_kubernetes.go:71-86; pkg/provider/vault/auth.go:118-149:
 * ten minutes, no audience, the ref's namespace for a ClusterSecretStore and the store's own for a SecretStore). That
 * token reads, through every ExternalSecret's {@code remoteRef} ({@link EsoRemoteRef}), the bytes the run committed
 * and left in the secrets directory; it is refused on KES keys (and a SecretStore's on another namespace's entries);
 * another account, the same account in another namespace, and the KES instance's account are refused by the
 * reader's role, and ESO's account by the KES role.
 *
 * <p>Not proven here, for want of a cluster: the TokenRequest itself, which the API server answers (ESO's chart
 * grants {@code create} on {@code serviceaccounts/token}: external-secrets/external-secrets@v0.16.2:deploy/charts/external-secrets/templates/rbac.yaml:144-149).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalSecretsKubernetesLoginTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** The audience of a TokenRequest without audiences: the API server's own (its --api-audiences default). */
  private static final String API_AUDIENCE = "https://kubernetes.default.svc.cluster.local";
  private static final String MOUNT = "k8s/eso";
  private final Clock clock = Clock.systemUTC(); // OpenBao checks exp against its own clock

  Path work;
  KeyPair cluster;
  TokenReviewStandIn standIn;

  @BeforeAll
  void start() throws Exception {
    work = Files.createTempDirectory("kesgen-vault-it-eso-k8s-");
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    cluster = rsa.generateKeyPair();
    standIn = TokenReviewStandIn.start(cluster.getPublic());
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (standIn != null) {
        standIn.close();
      }
    } finally {
      if (work != null) {
        try (var files = Files.walk(work)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  static String topology(int kv, String storeKind, String endpoint, String host) {
    return """
        version: 1
        vault:
          endpoint: %s
          allowPlaintextHttp: true
          kv: { mount: %s, version: %d }
          auth: kubernetes
          kubernetes: { mount: %s, host: "%s", caCertificate: k8s-ca.pem }
        secrets:
          sink: externalSecrets
          externalSecrets:
            path: kesgen
            store: { kind: %s, name: kesgen }
            auth: kubernetes
        %s
        defaults:
          kes: { version: 2025-03-12T09-35-18Z }
          tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }
        instances:
          - name: dev
            namespace: kes-dev
            tenants:
              - name: alpha
                namespace: minio-alpha
                keys: [alpha-key, alpha-archive]
              - name: beta
                namespace: minio-beta
                keys: [beta-key]
        """.formatted(endpoint, kv == 2 ? "kv2-secrets" : "kv1-secrets", kv, MOUNT, host, storeKind,
        storeKind.equals("ClusterSecretStore") ? "    serviceAccount: { name: eso-reader, namespace: eso }" : "");
  }

  /** One store as committed, and the ServiceAccount ESO sends a token of when it logs in for it. */
  record Store(Path file, JsonNode manifest, String namespace, String account, String role, String mountPath) {}

  @ParameterizedTest(name = "KV v{0}, {1}")
  @CsvSource({"1, ClusterSecretStore", "2, ClusterSecretStore", "2, SecretStore"})
  void esoLogsInAsItsServiceAccountAndReadsWhatTheScriptWrote(int kv, String storeKind) throws Exception {
    Path dir = Files.createDirectories(work.resolve("kv" + kv + "-" + storeKind));
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("k8s-ca.pem"), standIn.caPem);
    try (VaultServer server = VaultServer.start(dir)) {
      VaultHttp root = new VaultHttp(server.address, server.rootToken);
      Files.writeString(project.resolve("topology.yaml"), topology(kv, storeKind, server.address, standIn.host));
      Deployment.generate(project, null);
      Scripts scripts = new Scripts(server, dir);
      String mount = kv == 2 ? "kv2-secrets" : "kv1-secrets";

      // vault/apply.sh with the operator policy only: the one method, enabled and configured once, for KES and ESO
      String operator = token(root, "kesgen-operator", project.resolve("generated/vault/policies/kesgen-operator.hcl"));
      Run apply = scripts.sh(project, Map.of("BAO_ADDR", server.address, "BAO_TOKEN", operator), "generated/vault/apply.sh");
      assertThat(apply.exit()).as(apply.output()).isZero();
      assertThat(apply.output().split("auth/" + MOUNT + "/config: written", -1)).as(apply.output()).hasSize(2);
      JsonNode config = root.ok(root.get("auth/" + MOUNT + "/config")).data();
      assertThat(config.path("kubernetes_host").asText()).isEqualTo(standIn.host);

      // external-secrets/apply.sh with the writer policy only, twice
      String writer = token(root, "eso-writer",
          project.resolve("generated/external-secrets/policies/kesgen-external-secrets-writer.hcl"));
      Map<String, String> env = Map.of("BAO_ADDR", server.address, "BAO_TOKEN", writer);
      Run first = scripts.sh(project, env, "generated/external-secrets/apply.sh");
      assertThat(first.exit()).as(first.output()).isZero();
      assertThat(first.output()).contains("role auth/" + MOUNT + "/role/kesgen-external-secrets")
          .doesNotContain("Secret kesgen-external-secrets written");
      Run second = scripts.sh(project, env, "generated/external-secrets/apply.sh");
      assertThat(second.exit()).as(second.output()).isZero();
      assertThat(second.output()).contains("no changes");

      // vault plan, with the generated read-only policy alone: every reader's policy and kubernetes role in sync
      String planner = token(root, "kesgen-vault-plan", project.resolve("generated/vault/policies/kesgen-vault-plan.hcl"));
      dev.kesgen.live.LivePlan plan = dev.kesgen.Kesgen.vaultPlan(dev.kesgen.GenerateRequest.of(
              project.resolve("topology.yaml")).withOutputDirectory(project.resolve("generated"))
              .withSecretsDirectory(project.resolve("secrets")),
          Map.of("BAO_ADDR", server.address, "BAO_TOKEN", planner), dev.kesgen.KesgenListener.NONE);
      assertThat(plan.inSync()).as(String.join("\n", plan.lines())).isTrue();
      assertThat(plan.lines()).as(String.join("\n", plan.lines()))
          .filteredOn(l -> l.startsWith("  = kubernetes auth role kesgen-external-secrets"))
          .hasSize(storeKind.equals("ClusterSecretStore") ? 1 : 3);

      String kesKey = kv == 2 ? mount + "/data/kes/dev/alpha-key" : mount + "/kes/dev/alpha-key";
      root.ok(root.put(kesKey, kv == 2 ? Map.of("data", Map.of("bytes", "x")) : Map.of("bytes", "x")));
      List<Store> stores = stores(project, storeKind);
      assertThat(stores).hasSize(storeKind.equals("ClusterSecretStore") ? 1 : 3);
      int read = 0;
      for (Store store : stores) {
        assertThat(store.mountPath()).isEqualTo(MOUNT);
        String jwt = ServiceAccountJwt.projected(cluster.getPrivate(), clock, store.namespace(), store.account(),
            java.util.UUID.nameUUIDFromBytes((store.namespace() + "/" + store.account()).getBytes()).toString(),
            API_AUDIENCE);
        standIn.takeRequests();
        Response login = KesClient.kubernetesLogin(root, store.mountPath(), store.role(), jwt);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        JsonNode auth = login.body().path("auth");
        assertThat(auth.path("token_policies").toString()).isEqualTo("[\"" + store.role() + "\"]");
        assertThat(standIn.takeRequests()).extracting(TokenReviewStandIn.Request::authorization)
            .containsExactly("Bearer " + jwt);
        VaultHttp reader = root.withToken(auth.path("client_token").asText());

        // what each ExternalSecret of the store asks for is what the script wrote
        String someEntry = null;
        for (Path file : externalSecrets(project)) {
          JsonNode es = YAML.readTree(file.toFile());
          boolean served = store.manifest().path("kind").asText().equals("ClusterSecretStore")
              || es.path("metadata").path("namespace").asText().equals(store.namespace());
          Map<String, String> expected = expected(project, file);
          Map<String, String> resolved = new TreeMap<>();
          for (JsonNode data : es.path("spec").path("data")) {
            resolved.put(data.path("secretKey").asText(),
                EsoRemoteRef.resolve(reader, store.manifest(), data.path("remoteRef")).orElse(null));
            String entry = EsoRemoteRef.buildPath(Optional.of(mount), "v" + kv, data.path("remoteRef").path("key").asText());
            if (served) {
              someEntry = entry;
            } else {
              assertThat(reader.get(entry).status()).as("another namespace's entry " + entry).isEqualTo(403);
            }
          }
          if (served) {
            assertThat(resolved).as(file.toString()).isEqualTo(expected);
            read++;
          }
        }
        assertThat(someEntry).isNotNull();
        // never a KES key; and the token is the reader's only
        assertThat(reader.get(kesKey).status()).isEqualTo(403);
        assertThat(root.capabilitiesOf(reader, List.of(kesKey, someEntry)))
            .containsEntry(kesKey, new java.util.TreeSet<>(List.of("deny")))
            .containsEntry(someEntry, new java.util.TreeSet<>(List.of("read")));

        // the role binds exactly this account of this namespace
        String otherAccount = ServiceAccountJwt.projected(cluster.getPrivate(), clock, store.namespace(), "default",
            "0d6bd8a4-6b51-4c49-9a0b-7f4a2b3c1d03", API_AUDIENCE);
        Response refused = KesClient.kubernetesLogin(root, store.mountPath(), store.role(), otherAccount);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.body().toString()).contains("service account name not authorized");
        String otherNamespace = ServiceAccountJwt.projected(cluster.getPrivate(), clock, "minio-other", store.account(),
            "0d6bd8a4-6b51-4c49-9a0b-7f4a2b3c1d04", API_AUDIENCE);
        refused = KesClient.kubernetesLogin(root, store.mountPath(), store.role(), otherNamespace);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.body().toString()).contains("namespace not authorized");
        // one method, two roles: KES's account is no reader, and ESO's account gets no KES policy
        String kes = ServiceAccountJwt.projected(cluster.getPrivate(), clock, "kes-dev", "kes-dev",
            "0d6bd8a4-6b51-4c49-9a0b-7f4a2b3c1d05", "vault");
        assertThat(KesClient.kubernetesLogin(root, store.mountPath(), store.role(), kes).status()).isEqualTo(403);
        assertThat(KesClient.kubernetesLogin(root, MOUNT, "kes-dev", jwt).status()).isEqualTo(403);
        assertThat(KesClient.kubernetesLogin(root, MOUNT, "kes-dev", kes).status()).as("KES itself may").isEqualTo(200);
      }
      assertThat(read).as("every ExternalSecret read through its store").isEqualTo(4);
    }
  }

  private static String token(VaultHttp root, String name, Path policy) throws Exception {
    root.ok(root.put("sys/policies/acl/" + name, Map.of("policy", Files.readString(policy))));
    return root.ok(root.post("auth/token/create", Map.of("policies", List.of(name), "no_default_policy", true,
        "ttl", "10m"))).body().path("auth").path("client_token").asText();
  }

  /** The committed stores, each with the account ESO logs in as for it (auth.go:139-142). */
  private static List<Store> stores(Path project, String storeKind) throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(project.resolve("generated/external-secrets"))) {
      walk.filter(p -> p.getFileName().toString().endsWith("secret-store.yaml")).sorted().forEach(files::add);
    }
    List<Store> stores = new ArrayList<>();
    for (Path file : files) {
      JsonNode manifest = YAML.readTree(file.toFile());
      assertThat(manifest.path("kind").asText()).isEqualTo(storeKind);
      JsonNode kubernetes = manifest.path("spec").path("provider").path("vault").path("auth").path("kubernetes");
      JsonNode ref = kubernetes.path("serviceAccountRef");
      String namespace = storeKind.equals("ClusterSecretStore") ? ref.path("namespace").asText()
          : manifest.path("metadata").path("namespace").asText();
      assertThat(namespace).isNotEmpty();
      if (storeKind.equals("ClusterSecretStore")) {
        assertThat(ref.path("name").asText() + "/" + namespace).isEqualTo("eso-reader/eso");
      } else {
        assertThat(ref.has("namespace")).as("a SecretStore's account is of its own namespace").isFalse();
      }
      stores.add(new Store(file, manifest, namespace, ref.path("name").asText(), kubernetes.path("role").asText(),
          kubernetes.path("mountPath").asText()));
    }
    return stores;
  }

  private static List<Path> externalSecrets(Path project) throws Exception {
    try (Stream<Path> walk = Files.walk(project.resolve("generated"))) {
      return walk.filter(p -> p.toString().endsWith(".external-secret.yaml")).sorted().toList();
    }
  }

  /** What the Secret of an ExternalSecret must hold: the committed certificate, the run's key, the server's as ca.crt. */
  private static Map<String, String> expected(Path project, Path file) throws Exception {
    Path relative = project.resolve("generated").relativize(file);
    String base = relative.getFileName().toString().startsWith("provisioner") ? "provisioner"
        : relative.startsWith("kes") ? "server" : "client";
    Map<String, String> expected = new TreeMap<>();
    expected.put("tls.crt", Files.readString(project.resolve("generated").resolve(relative.resolveSibling(base + ".crt"))));
    expected.put("tls.key", Files.readString(project.resolve("secrets").resolve(relative.resolveSibling(base + ".key"))));
    if (!base.equals("server")) {
      expected.put("ca.crt", Files.readString(project.resolve("generated/kes/dev/server.crt")));
    }
    return expected;
  }
}

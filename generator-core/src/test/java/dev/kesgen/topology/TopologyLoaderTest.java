package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyLoaderTest {
  static final Path EXAMPLE = Path.of("../examples/molgenis/topology.yaml");

  static final String MINIMAL = """
      version: 1
      vault:
        endpoint: https://vault.example.org:8200
      defaults:
        kes: { version: v0.13.4 }
        tenant: { minioVersion: RELEASE.2020-10-09T22-55-05Z }
      instances:
        - name: dev
          namespace: kes-dev
          tenants:
            - name: gecko
              namespace: armadillo-gecko
      """;

  private static List<String> problems(String text) {
    return catchThrowableOfType(TopologyException.class, () -> TopologyLoader.parse(text, Path.of("topology.yaml")))
        .problems().stream().map(Problem::toString).toList();
  }

  @Test
  void kvVersion2NeedsKesV0150() {
    String text = MINIMAL.replace("endpoint: https://vault.example.org:8200",
        "endpoint: https://vault.example.org:8200\n  kv: { version: 2 }").replace("v0.13.4", "v0.14.0");

    assertThat(problems(text)).singleElement().asString().contains("instances[0].kes.version", "v0.15.0");
  }

  @Test
  void aKeySharedByTwoTenantsIsRejected() {
    String text = MINIMAL + """
                keys: [k]
              - name: zebra
                namespace: zebra
                keys: [k]
        """;

    assertThat(problems(text)).singleElement().asString().contains("instances[0].tenants[1].keys[0]",
        "already used by instances[0].tenants[0]");
  }

  @Test
  void aKeyNameNoKesReleaseAcceptsIsRejectedForEveryRelease() {
    String text = MINIMAL + "        keys: [gecko.key]\n";

    assertThat(problems(text)).singleElement().asString().contains("gecko.key");
  }

  @Test
  void aLaterProblemIsReportedAtItsOwnInstanceWhenAnEarlierInstanceFailedToRead() {
    String text = MINIMAL.replace("endpoint: https://vault.example.org:8200",
        "endpoint: https://vault.example.org:8200\n  kv: { version: 2 }").replace("v0.13.4", "v0.15.0") + """
          - name: Broken
            namespace: kes-broken
            tenants: [ { name: a, namespace: a } ]
          - name: old
            namespace: kes-old
            kes: { version: v0.14.0 }
            tenants: [ { name: b, namespace: b } ]
        """;

    assertThat(problems(text)).anySatisfy(p -> assertThat(p).contains("instances[2].kes.version", "v0.15.0"))
        .noneSatisfy(p -> assertThat(p).contains("instances[1].kes.version"));
  }

  @Test
  void loadsTheMolgenisExample() throws Exception {
    Topology topology = TopologyLoader.load(EXAMPLE);

    assertThat(topology.instances()).extracting(Instance::name).containsExactly("dev", "accept", "prod");
    Instance accept = topology.instance("accept").orElseThrow();
    assertThat(accept.kes().version()).isEqualTo(KesVersion.of("v0.13.4"));
    assertThat(accept.tenant("gecko").orElseThrow().keys()).containsExactly("gecko");
    assertThat(accept.tenant("gecko").orElseThrow().chart()).isEqualTo(ChartLayout.ARMADILLO);
    assertThat(topology.instance("prod").orElseThrow().kes().replicas()).isEqualTo(2);
    assertThat(topology.instance("dev").orElseThrow().kes().replicas()).isEqualTo(1);
  }

  @Test
  void resolvesEveryDefault() throws Exception {
    Topology topology = TopologyLoader.parse(MINIMAL, Path.of("topology.yaml"));

    Vault vault = topology.vault();
    assertThat(vault.endpoint()).isEqualTo(URI.create("https://vault.example.org:8200"));
    assertThat(vault.namespace()).isEmpty();
    assertThat(vault.kv()).isEqualTo(new Vault.Kv("secret", 1));
    assertThat(vault.pathPrefix()).isEqualTo("kes");
    assertThat(vault.approle().mount()).isEqualTo("approle");
    assertThat(vault.approle().tokenPeriod()).hasToString("24h");
    assertThat(vault.approle().secretIdTtl()).hasToString("0s");
    assertThat(vault.caCertificate()).isEmpty();
    assertThat(vault.allowKeyDeletion()).isFalse();

    KesSettings kes = topology.instances().get(0).kes();
    assertThat(kes.image()).isEmpty();
    assertThat(kes.service()).isEqualTo("kes");
    assertThat(kes.port()).isEqualTo(7373);
    assertThat(kes.replicas()).isEqualTo(1);
    assertThat(kes.adminIdentity()).isEqualTo("disabled");
    assertThat(kes.certificate()).isEqualTo(new CertificateSpec(KeyType.ECDSA_P256,
        GoDuration.parse("365d").orElseThrow(), GoDuration.parse("30d").orElseThrow(), List.of(), List.of()));

    Tenant gecko = topology.instances().get(0).tenants().get(0);
    assertThat(gecko.keys()).containsExactly("gecko");
    assertThat(gecko.chart()).isEqualTo(ChartLayout.ARMADILLO);
    assertThat(gecko.autoEncryption()).isTrue();
    assertThat(gecko.certificate().keyType()).isEqualTo(KeyType.ED25519);
  }

  @Test
  void instanceOverridesOneCertificateFieldAndKeepsTheOthersFromDefaults() throws Exception {
    String text = """
        version: 1
        vault: { endpoint: https://vault.example.org }
        defaults:
          kes:
            version: v0.13.4
            certificate: { keyType: rsa-2048, validity: 90d, dnsNames: [kes.example.org] }
          tenant: { minioVersion: RELEASE.2020-10-09T22-55-05Z, chart: minio }
        instances:
          - name: dev
            namespace: kes-dev
            kes:
              version: 2024-03-13T17-52-13Z
              certificate: { validity: 60d }
            tenants:
              - { name: gecko, namespace: gecko, chart: minio-legacy, keys: [a, b] }
              - { name: lizard, namespace: lizard }
        """;
    Instance dev = TopologyLoader.parse(text, Path.of("t.yaml")).instances().get(0);

    assertThat(dev.kes().version()).hasToString("2024-03-13T17-52-13Z");
    assertThat(dev.kes().certificate().keyType()).isEqualTo(KeyType.RSA_2048);
    assertThat(dev.kes().certificate().validity()).hasToString("60d");
    assertThat(dev.kes().certificate().dnsNames()).containsExactly("kes.example.org");
    assertThat(dev.tenants().get(0).chart()).isEqualTo(ChartLayout.MINIO_LEGACY);
    assertThat(dev.tenants().get(0).defaultKey()).isEqualTo("a");
    assertThat(dev.tenants().get(1).chart()).isEqualTo(ChartLayout.MINIO);
  }

  @Test
  void caCertificateIsResolvedAgainstTheTopologyFile(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("src/test/resources/topology/valid/vault-ca.pem"), dir.resolve("vault-ca.pem"));
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, MINIMAL.replace("endpoint: https://vault.example.org:8200",
        "endpoint: https://vault.example.org:8200\n  caCertificate: vault-ca.pem"));

    Optional<Path> ca = TopologyLoader.load(file).vault().caCertificate().map(Vault.CaCertificate::file);

    assertThat(ca).contains(dir.resolve("vault-ca.pem"));
  }

  @Test
  void aMissingFileIsOneProblem(@TempDir Path dir) {
    TopologyException e = catchThrowableOfType(TopologyException.class,
        () -> TopologyLoader.load(dir.resolve("topology.yaml")));

    assertThat(e.problems()).singleElement().extracting(Problem::toShortString)
        .isEqualTo("topology.yaml:1:1: the topology file does not exist (create it, or point kesgen at another file)");
  }

  @Test
  void theExceptionMessageListsEveryProblemWithItsFile() {
    TopologyException e = catchThrowableOfType(TopologyException.class,
        () -> TopologyLoader.parse("version: 1\nvault: {}\ninstances: []\n", Path.of("dir/topology.yaml")));

    assertThat(e.getMessage()).startsWith("2 problems in the topology:\n")
        .contains(Path.of("dir/topology.yaml") + ":2:8: vault.endpoint: is required")
        .contains(Path.of("dir/topology.yaml") + ":3:12: instances: is empty");
  }

  @Test
  void invalidUtf8IsReported(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("topology.yaml");
    Files.write(file, new byte[] {'v', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

    TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));

    assertThat(e.problems()).singleElement().extracting(Problem::message).asString().contains("not valid UTF-8");
  }
}

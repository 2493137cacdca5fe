package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.Kesgen;
import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.KeySource;
import dev.kesgen.pki.SecretDelivery;
import dev.kesgen.pki.SecretSink;
import dev.kesgen.pki.StoredSecrets;
import dev.kesgen.topology.Topology;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link SecretSink} seam is real: the engine generates with a sink that is not the secrets directory (a map in
 * memory, written here in one small type), the private keys land there and nowhere on disk, and a second run keeps
 * every certificate with the keys the sink gives back.
 */
class InMemorySinkTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String TOPOLOGY = """
      version: 1
      vault:
        endpoint: https://vault.example.org:8200
      defaults:
        kes: { version: 2025-03-12T09-35-18Z }
        tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }
      instances:
        - name: dev
          namespace: kes-dev
          tenants:
            - name: alpha
              namespace: minio-alpha
              keys: [alpha-key]
      """;

  @TempDir Path dir;

  /** Keys by secrets-relative key path, Secrets by manifest path; nothing on disk. */
  static final class InMemorySink implements SecretSink {
    final Map<String, String> keys = new TreeMap<>();
    final Map<String, String> secrets = new TreeMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public KeySource keys() {
      return target -> Optional.ofNullable(keys.get(target.keyPath()));
    }

    @Override
    public SortedMap<String, String> committedFiles(List<SecretDelivery> deliveries, Map<String, String> problems) {
      calls.add("committedFiles " + deliveries.size());
      return new TreeMap<>();
    }

    @Override
    public void prepare(CertificateOutcome outcome) {
      calls.add("prepare " + outcome.target().name());
    }

    @Override
    public StoredSecrets store(SecretDelivery delivery) {
      calls.add("store " + delivery.target().name());
      Path key = Path.of("memory", delivery.target().keyPath());
      Path manifest = Path.of("memory", delivery.target().secretPath());
      if (delivery.secret().isEmpty()) {
        return new StoredSecrets(key, false, manifest, StoredSecrets.Manifest.NOT_WRITTEN_KEY_ABSENT);
      }
      boolean newKey = delivery.outcome().hasNewKey();
      if (newKey) {
        keys.put(delivery.target().keyPath(), delivery.secret().get().privateKeyPem());
      }
      secrets.put(delivery.target().secretPath(), delivery.secret().get().toYaml());
      return new StoredSecrets(key, newKey, manifest, StoredSecrets.Manifest.WRITTEN);
    }

    @Override
    public void finish(java.util.Collection<CertificateOutcome> outcomes) {
      calls.add("finish " + outcomes.size());
    }
  }

  @Test
  void privateKeysLandInTheSinkAndNowhereOnDisk() throws Exception {
    Path topologyFile = dir.resolve("topology.yaml");
    Files.writeString(topologyFile, TOPOLOGY);
    Topology topology = Kesgen.load(topologyFile);
    Path output = dir.resolve("generated");
    Path secretsDirectory = dir.resolve("secrets");
    RunSettings settings = new RunSettings(output, secretsDirectory, Optional.empty(), CLOCK, Set.of());
    InMemorySink sink = new InMemorySink();

    PlannedRun run = Engine.plan(topology, settings, sink, List.of(), EngineListener.NONE);
    Engine.write(run, EngineListener.NONE);

    assertThat(sink.keys).containsOnlyKeys("kes/dev/server.key", "tenants/dev/alpha/client.key");
    assertThat(sink.keys.values()).allMatch(k -> k.startsWith("-----BEGIN PRIVATE KEY-----"));
    assertThat(sink.secrets).containsOnlyKeys("kes/dev/secret.yaml", "tenants/dev/alpha/secret.yaml");
    assertThat(sink.calls).containsExactly("committedFiles 2", "prepare kes/dev", "prepare tenants/dev/alpha",
        "store kes/dev", "store tenants/dev/alpha", "finish 2");
    assertThat(secretsDirectory).as("the secrets directory is not the sink here").doesNotExist();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Leaks.in(bytes)).as(output.relativize(file).toString()).isEmpty();
        for (String key : sink.keys.values()) {
          assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(key.lines()
              .skip(1).findFirst().orElseThrow());
        }
      }
    }

    // a second run reads the keys back from the sink: every certificate is kept, no key is new
    PlannedRun again = Engine.plan(topology, settings, sink, List.of(), EngineListener.NONE);
    assertThat(again.certificates().outcomes()).extracting(CertificateOutcome::action)
        .containsOnly(CertificateOutcome.Action.KEPT);
    assertThat(again.files()).isEqualTo(run.files());
  }
}

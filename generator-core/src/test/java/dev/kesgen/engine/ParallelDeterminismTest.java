package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates are maintained on every core: events and output must be those of a loop, whatever the scheduling. */
class ParallelDeterminismTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void certificateEventsComeInTopologyOrderAndRepeatedRunsWriteTheSameBytes() throws Exception {
    StringBuilder yaml = new StringBuilder("""
        version: 1
        vault: { endpoint: "https://vault.example.org:8200" }
        defaults:
          kes: { version: 2024-03-13T17-52-13Z }
          tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z, chart: minio, certificate: { keyType: ecdsa-p256 } }
        instances:
        """);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      yaml.append("  - { name: i").append(i).append(", namespace: kes-i").append(i).append(", tenants: [\n");
      expected.add("kes/i" + i);
      for (int t = 0; t < 60; t++) {
        yaml.append("      { name: t").append(t).append(", namespace: minio-t").append(t).append(" },\n");
        expected.add("tenants/i" + i + "/t" + t);
      }
      yaml.append("    ] }\n");
    }
    Files.writeString(dir.resolve("topology.yaml"), yaml);
    GenerateRequest request = GenerateRequest.of(dir.resolve("topology.yaml")).withClock(CLOCK);

    List<String> order = new ArrayList<>();
    Kesgen.generate(request, e -> {
      if (e instanceof KesgenEvent.CertificateDecided d) {
        order.add(d.certificate().name());
      }
    });
    assertThat(order).containsExactlyElementsOf(expected);

    Map<String, byte[]> first = files(dir.resolve("generated"));
    // drop everything but the certificates and the manifest: the next run renders it all again from kept certificates
    for (String path : first.keySet()) {
      if (!path.endsWith(".crt") && !path.equals(".kesgen-manifest")) {
        Files.delete(dir.resolve("generated").resolve(path));
      }
    }
    for (int run = 0; run < 2; run++) {
      Kesgen.generate(request);
      assertThat(files(dir.resolve("generated"))).containsOnlyKeys(first.keySet())
          .allSatisfy((path, bytes) -> assertThat(bytes).as(path).isEqualTo(first.get(path)));
    }
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}

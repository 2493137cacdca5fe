package dev.kesgen.bench;

import dev.kesgen.GenerateRequest;
import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long kesgen takes for a large topology: a first run (every certificate issued, every file written) and a
 * no-op run (everything kept). Run with
 * {@code mvn -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class GenerateBenchmark {
  /** A topology of {@code instances} KES instances with {@code tenantsPerInstance} tenants each, in a new folder. */
  @State(Scope.Benchmark)
  public static class Fresh {
    @Param({"10", "100"})
    int instances;

    @Param({"20"})
    int tenantsPerInstance;

    Path dir;
    GenerateRequest request;

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
      dir = Files.createTempDirectory("kesgen-bench");
      StringBuilder yaml = new StringBuilder("""
          version: 1
          vault: { endpoint: "https://vault.example.org:8200" }
          defaults:
            kes: { version: 2024-03-13T17-52-13Z }
            tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z, chart: minio }
          instances:
          """);
      for (int i = 0; i < instances; i++) {
        yaml.append("  - name: i").append(i).append("\n    namespace: kes-i").append(i).append("\n    tenants:\n");
        for (int t = 0; t < tenantsPerInstance; t++) {
          yaml.append("      - { name: t").append(t).append(", namespace: minio-t").append(t).append(" }\n");
        }
      }
      Files.writeString(dir.resolve("topology.yaml"), yaml);
      request = GenerateRequest.of(dir.resolve("topology.yaml"))
          .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** The same topology, generated once already. */
  @State(Scope.Benchmark)
  public static class Generated extends Fresh {
    @Override
    @Setup(Level.Iteration)
    public void setUp() throws Exception {
      super.setUp();
      Kesgen.generate(request);
    }
  }

  /** Everything new: every certificate issued and every file written. */
  @Benchmark
  public GenerateResult firstRun(Fresh state) throws Exception {
    return Kesgen.generate(state.request);
  }

  /** Nothing changed since the last run: nothing is written or issued. */
  @Benchmark
  public GenerateResult noOpRun(Generated state) throws Exception {
    return Kesgen.generate(state.request);
  }
}

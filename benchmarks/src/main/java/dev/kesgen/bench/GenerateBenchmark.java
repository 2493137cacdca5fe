package dev.kesgen.bench;

import dev.kesgen.CheckResult;
import dev.kesgen.GenerateRequest;
import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
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
 * How long kesgen takes in-process for the benchmark topologies ({@link Topologies}: 10 instances, ECDSA P-256): a
 * first run (every certificate issued, every file written), a no-op run (everything kept) and a check.
 * {@code benchmarks/run.sh} runs it with {@code -p tenants=...}; by hand:
 * {@code java -jar benchmarks/target/benchmarks.jar -p tenants=1000}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class GenerateBenchmark {
  /**
   * A benchmark topology of {@code tenants} tenants in a new folder, nothing generated yet. Each iteration gets a
   * never-used folder, and the trees are deleted only after the trial: deleting the previous tree right before a
   * fresh run made each run slower than the last (the file system's discards of 40,000 deleted files).
   */
  @State(Scope.Benchmark)
  public static class Fresh {
    @Param({"1000"})
    int tenants;

    Path dir;
    GenerateRequest request;
    final java.util.List<Path> used = new java.util.ArrayList<>();

    @Setup(Level.Iteration)
    public void setUp() throws Exception {
      dir = Files.createTempDirectory("kesgen-bench");
      Files.writeString(dir.resolve("topology.yaml"), Topologies.yaml(Math.min(10, tenants), tenants));
      request = GenerateRequest.of(dir.resolve("topology.yaml")).withClock(Run.CLOCK);
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
      used.add(dir);
    }

    @TearDown(Level.Trial)
    public void deleteAll() throws IOException {
      for (Path p : used) {
        delete(p);
      }
      used.clear();
    }
  }

  /** The same topology, generated once for the whole trial: every iteration then finds nothing to do. */
  @State(Scope.Benchmark)
  public static class Generated {
    @Param({"1000"})
    int tenants;

    Path dir;
    GenerateRequest request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      dir = Files.createTempDirectory("kesgen-bench");
      Files.writeString(dir.resolve("topology.yaml"), Topologies.yaml(Math.min(10, tenants), tenants));
      request = GenerateRequest.of(dir.resolve("topology.yaml")).withClock(Run.CLOCK);
      Kesgen.generate(request);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      delete(dir);
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

  /** A check of up-to-date output. */
  @Benchmark
  public CheckResult check(Generated state) throws Exception {
    return Kesgen.check(state.request, Optional.empty());
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

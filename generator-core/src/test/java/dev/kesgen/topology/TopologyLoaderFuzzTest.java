package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Whatever the bytes, the loader either returns a topology or throws {@link TopologyException} with positioned
 * problems; it never crashes with another exception. {@code mvn verify} runs the seed inputs (regression mode,
 * under {@code src/test/resources/dev/kesgen/topology/TopologyLoaderFuzzTestInputs/}); run
 * {@code JAZZER_FUZZ=1 mvn -pl generator-core test -Dtest=TopologyLoaderFuzzTest} to fuzz for real.
 */
class TopologyLoaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void loadsOrReportsProblems(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    try {
      Topology topology = TopologyLoader.parse(text, Path.of("fuzz.yaml"));
      assertThat(topology.instances()).isNotEmpty();
    } catch (TopologyException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.line()).isPositive();
        assertThat(p.column()).isPositive();
        assertThat(p.message()).isNotBlank();
      });
    }
  }
}

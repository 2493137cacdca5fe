package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.engine.Finding;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The API's finding kinds are the engine's, one for one and by the same name (their documented spelling). */
class FindingKindTest {
  @Test
  void everyEngineKindBecomesTheApiKindOfTheSameName() {
    for (Finding.Kind kind : Finding.Kind.values()) {
      assertThat(Kesgen.kind(kind).name()).as(kind.name()).isEqualTo(kind.name());
    }
  }

  @Test
  void everyApiKindIsOneTheEngineReports() {
    assertThat(Arrays.stream(Finding.Kind.values()).map(Kesgen::kind))
        .containsExactlyInAnyOrder(CheckResult.Kind.values());
  }
}

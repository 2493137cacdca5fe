package dev.kesgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class DurationParameterTest {
  private static final String P = "kesgen.failOnExpiringWithin";

  @Test
  void unsetIsEmpty() throws MojoFailureException {
    assertThat(DurationParameter.parse(P, null)).isEmpty();
    assertThat(DurationParameter.parse(P, " ")).isEmpty();
  }

  @Test
  void readsEachUnit() throws MojoFailureException {
    assertThat(DurationParameter.parse(P, "45s")).contains(Duration.ofSeconds(45));
    assertThat(DurationParameter.parse(P, "90m")).contains(Duration.ofMinutes(90));
    assertThat(DurationParameter.parse(P, "12h")).contains(Duration.ofHours(12));
    assertThat(DurationParameter.parse(P, "30d")).contains(Duration.ofDays(30));
  }

  @Test
  void toleratesSurroundingWhitespace() throws MojoFailureException {
    assertThat(DurationParameter.parse(P, " 7d ")).contains(Duration.ofDays(7));
  }

  @Test
  void rejectsAMissingUnitNamingTheParameter() {
    assertThatThrownBy(() -> DurationParameter.parse(P, "30"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(P)
        .hasMessageContaining("'30'");
  }

  @Test
  void rejectsUnknownUnitsNegativeNumbersAndGoSyntax() {
    for (String bad : new String[] {"30w", "-1d", "1h30m", "d", "1.5d", "720H"}) {
      assertThatThrownBy(() -> DurationParameter.parse(P, bad)).as(bad).isInstanceOf(MojoFailureException.class);
    }
  }
}

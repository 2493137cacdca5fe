package dev.kesgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.KesgenEvent;
import dev.kesgen.Kesgen;
import dev.kesgen.topology.Instance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line: silent for the first second, then one line rewritten in place, cleared at the end. */
class ProgressTest {
  private final StringWriter err = new StringWriter();
  private long now;
  private final Progress progress = new Progress(new PrintWriter(err), () -> now, 2, 3);

  @Test
  void nothingIsDrawnDuringTheFirstSecond() throws Exception {
    now = TimeUnit.MILLISECONDS.toNanos(900);
    progress.on(planned(0));
    progress.clear();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void afterASecondOneLineIsRewrittenAndClearedAtTheEnd() throws Exception {
    now = TimeUnit.MILLISECONDS.toNanos(1100);
    progress.on(planned(0));
    now += TimeUnit.MILLISECONDS.toNanos(200);
    progress.on(planned(1));
    progress.clear();

    String line1 = "kesgen: planning: instances 1/2, tenants 2/3";
    String line2 = "kesgen: planning: instances 2/2, tenants 4/3".replace("4/3", "3/3");
    assertThat(err.toString()).isEqualTo("\r" + line1 + "\r" + line2 + "\r" + " ".repeat(line2.length()) + "\r");
    assertThat(err.toString()).doesNotContain("\n");
  }

  @Test
  void linesAreNotRedrawnMoreThanTenTimesASecond() throws Exception {
    now = TimeUnit.MILLISECONDS.toNanos(1100);
    progress.on(planned(0));
    now += TimeUnit.MILLISECONDS.toNanos(10);
    progress.on(planned(1));

    assertThat(err.toString()).isEqualTo("\rkesgen: planning: instances 1/2, tenants 2/3");
  }

  private static KesgenEvent planned(int index) throws Exception {
    Instance instance = Kesgen.load("""
        version: 1
        vault: { endpoint: https://vault.example.org:8200 }
        defaults:
          kes: { version: v0.13.4 }
          tenant: { minioVersion: RELEASE.2020-10-09T22-55-05Z }
        instances:
          - name: dev
            namespace: kes-dev
            tenants:
              - { name: a, namespace: a }
              - { name: b, namespace: b }
        """, "topology.yaml").instances().get(0);
    return new KesgenEvent.InstancePlanned(instance, index, 2);
  }
}

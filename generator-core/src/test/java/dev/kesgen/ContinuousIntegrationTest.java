package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generate in CI: compares, writes nothing, fails on stale committed output. */
class ContinuousIntegrationTest {
  @TempDir Path dir;

  @Test
  void ciIsDetectedFromTheVariableEveryCiServiceSets() {
    assertThat(ContinuousIntegration.detected(Map.of("CI", "true"))).isTrue();
    assertThat(ContinuousIntegration.detected(Map.of("CI", "1"))).isTrue();
    assertThat(ContinuousIntegration.detected(Map.of("CI", "woodpecker"))).isTrue();
    assertThat(ContinuousIntegration.detected(Map.of())).isFalse();
    assertThat(ContinuousIntegration.detected(Map.of("CI", ""))).isFalse();
    assertThat(ContinuousIntegration.detected(Map.of("CI", "false"))).isFalse();
    assertThat(ContinuousIntegration.detected(Map.of("CI", " FALSE "))).isFalse();
    assertThat(ContinuousIntegration.detected(Map.of("CI", "0"))).isFalse();
  }

  @Test
  void aTopologyEditWithoutRegeneratingFailsAndWritesNothing() throws Exception {
    Path topology = project();
    Kesgen.generate(request(topology));
    Map<String, String> output = snapshot(dir.resolve("generated"));
    Map<String, String> secrets = snapshot(dir.resolve("secrets"));
    // the edit: one more tenant, committed without regenerating
    Files.writeString(topology, Files.readString(topology)
        + "      - name: newt\n        namespace: minio-newt\n        keys: [newt]\n");

    assertThatThrownBy(() -> ContinuousIntegration.compare(request(topology), "-Dkesgen.writeInCi=true",
        KesgenListener.NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("The committed output is stale; run generate locally and commit the result. CI is "
            + "set, so generate compared instead of writing (to generate in CI on purpose, add "
            + "-Dkesgen.writeInCi=true). ")
        .hasMessageContaining("\n  generated/tenants/dev/newt/client.crt: ");

    assertThat(snapshot(dir.resolve("generated"))).isEqualTo(output);
    assertThat(snapshot(dir.resolve("secrets"))).as("no key was issued for the new tenant").isEqualTo(secrets);
  }

  @Test
  void upToDateOutputPassesAndIsNotTouched() throws Exception {
    Path topology = project();
    Kesgen.generate(request(topology));
    Map<String, String> output = snapshot(dir.resolve("generated"));

    CheckResult result = ContinuousIntegration.compare(request(topology), "--write-in-ci", KesgenListener.NONE);

    assertThat(result.passed()).isTrue();
    assertThat(snapshot(dir.resolve("generated"))).isEqualTo(output);
  }

  @Test
  void noCommittedOutputAtAllFailsToo() throws Exception {
    Path topology = project();

    assertThatThrownBy(() -> ContinuousIntegration.compare(request(topology), "--write-in-ci", KesgenListener.NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("(to generate in CI on purpose, add --write-in-ci)")
        .hasMessageContaining("SUMMARY.md: ");
    assertThat(dir.resolve("generated")).doesNotExist();
    assertThat(dir.resolve("secrets")).doesNotExist();
  }

  private Path project() throws IOException {
    Files.copy(GeneratorTest.TOPOLOGY.resolveSibling("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    return Files.copy(GeneratorTest.TOPOLOGY, dir.resolve("topology.yaml"));
  }

  private GenerateRequest request(Path topology) {
    return GenerateRequest.of(topology).withClock(Golden.CLOCK);
  }

  /** Every file under a directory with its content and modification time. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(),
            Files.getLastModifiedTime(p) + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
      }
    }
    return files;
  }
}

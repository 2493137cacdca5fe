package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --strict} from the jar: warnings the topology does not acknowledge fail generate (which writes nothing),
 * validate, check and plan with exit 1; an acknowledged warning is still shown, marked, and passes; warnings are in
 * the JSON document and not on standard error besides. The test topology gives two warnings: its AppRoles are bound
 * to no network ({@code network-unbound}) and its KES image is on Docker Hub ({@code kes-image-docker-hub}).
 */
class StrictIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACKNOWLEDGE = """

      acknowledge:
        - id: network-unbound
          reason: a test cluster without a pod network to bind to
        - id: kes-image-docker-hub
          instance: dev
          reason: mirrored by the test registry
      """;

  @TempDir
  Path dir;

  @BeforeEach
  void project() {
    Jar.project(dir);
  }

  private void acknowledge(String text) throws IOException {
    Files.writeString(dir.resolve("topology.yaml"), text, StandardOpenOption.APPEND);
  }

  @Test
  void everyCommandFailsOnUnacknowledgedWarningsWithStrictAndGenerateWritesNothing() {
    for (String command : new String[] {"generate", "validate", "plan"}) {
      Jar.Run run = Jar.run(dir, command, "--strict", "--clock", CLOCK);

      assertThat(run.exit()).as(command + ": " + run).isEqualTo(1);
      assertThat(run.stderr()).as(command).contains("warning: [network-unbound] The AppRoles are bound to no network",
          "warning: [kes-image-docker-hub] instance dev: KES v0.13.4 was published to Docker Hub only",
          "error: 2 warning(s) not acknowledged, and --strict makes warnings fail:\n  [network-unbound] ");
    }
    assertThat(dir.resolve("generated")).doesNotExist();
    assertThat(dir.resolve("secrets")).doesNotExist();
  }

  @Test
  void withoutStrictTheWarningsAreShownAndTheCommandsPass() {
    Jar.Run generate = Jar.run(dir, "generate", "--clock", CLOCK);
    Jar.Run check = Jar.run(dir, "check", "--clock", CLOCK);
    Jar.Run strictCheck = Jar.run(dir, "check", "--strict", "--clock", CLOCK);

    assertThat(generate.exit()).as(generate.toString()).isZero();
    assertThat(generate.stderr()).contains("warning: [network-unbound] ", "warning: [kes-image-docker-hub] ");
    assertThat(check.exit()).as(check.toString()).isZero();
    assertThat(check.stdout()).isEqualTo("kesgen check passed\n");
    assertThat(strictCheck.exit()).as(strictCheck.toString()).isEqualTo(1);
    assertThat(strictCheck.stdout()).isEmpty();
    assertThat(strictCheck.stderr()).contains("error: 2 warning(s) not acknowledged, and --strict makes warnings fail");
  }

  @Test
  void acknowledgedWarningsAreShownMarkedAndPassStrictRuns() throws IOException {
    acknowledge(ACKNOWLEDGE);

    Jar.Run generate = Jar.run(dir, "generate", "--strict", "--clock", CLOCK);
    Jar.Run validate = Jar.run(dir, "validate", "--strict", "--clock", CLOCK);
    Jar.Run check = Jar.run(dir, "check", "--strict", "--clock", CLOCK);
    Jar.Run plan = Jar.run(dir, "plan", "--strict", "--clock", CLOCK);

    for (Jar.Run run : new Jar.Run[] {generate, validate, check, plan}) {
      assertThat(run.exit()).as(run.toString()).isZero();
    }
    assertThat(generate.stderr()).contains("warning: [network-unbound] The AppRoles are bound to no network",
        "(acknowledged: a test cluster without a pod network to bind to)\n",
        "warning: [kes-image-docker-hub] instance dev: ", "(acknowledged: mirrored by the test registry)\n");
    assertThat(Files.readString(dir.resolve("generated/SUMMARY.md")))
        .contains(". Acknowledged: a test cluster without a pod network to bind to.\n",
            ". Acknowledged: mirrored by the test registry.\n");
  }

  @Test
  void generateInCiFailsOnUnacknowledgedWarningsWithStrict() {
    Jar.run(dir, "generate", "--clock", CLOCK);

    Jar.Run run = Jar.runInCi(dir, "generate", "--strict", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr()).contains("error: 2 warning(s) not acknowledged, and --strict makes warnings fail");
  }

  @Test
  void inJsonTheWarningsAreInTheDocumentOnlyAndStrictMakesItFail() throws IOException {
    acknowledge("""

        acknowledge:
          - { id: network-unbound, reason: a test cluster }
        """);
    Jar.run(dir, "generate", "--clock", CLOCK);

    Jar.Run check = Jar.run(dir, "check", "--format", "json", "--clock", CLOCK);
    Jar.Run strict = Jar.run(dir, "check", "--format", "json", "--strict", "--clock", CLOCK);
    Jar.Run validate = Jar.run(dir, "validate", "--format", "json", "--clock", CLOCK);
    Jar.Run plan = Jar.run(dir, "plan", "--format", "json", "--clock", CLOCK);

    for (Jar.Run run : new Jar.Run[] {check, strict, validate, plan}) {
      assertThat(run.stderr()).as(run.toString()).doesNotContain("[network-unbound]", "[kes-image-docker-hub]");
      JsonNode warnings = JSON.readTree(run.stdout()).get("warnings");
      assertThat(warnings.findValuesAsText("id")).as(run.toString())
          .containsExactly("network-unbound", "kes-image-docker-hub");
      assertThat(warnings.get(0).get("acknowledged").asText()).isEqualTo("a test cluster");
      assertThat(warnings.get(1).has("acknowledged")).isFalse();
      assertThat(warnings.get(1).get("instance").asText()).isEqualTo("dev");
      assertThat(warnings.get(1).get("message").asText()).startsWith("instance dev: KES v0.13.4 was published");
    }
    assertThat(check.exit()).as(check.toString()).isZero();
    assertThat(JSON.readTree(check.stdout()).get("ok").asBoolean()).isTrue();
    assertThat(strict.exit()).as(strict.toString()).isEqualTo(1);
    JsonNode refused = JSON.readTree(strict.stdout());
    assertThat(refused.get("ok").asBoolean()).isFalse();
    assertThat(refused.get("error").asText()).startsWith("1 warning(s) not acknowledged, and --strict makes"
        + " warnings fail:\n  [kes-image-docker-hub] ");
  }

  @Test
  void aBadAcknowledgementIsATopologyProblemWithItsPlace() throws IOException {
    acknowledge("""

        acknowledge:
          - { id: network-unbond, reason: typo }
        """);

    Jar.Run run = Jar.run(dir, "validate");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr()).contains("topology.yaml:34:11: acknowledge[0].id: unknown warning id \"network-unbond\""
        + " (did you mean \"network-unbound\"?)");
  }
}

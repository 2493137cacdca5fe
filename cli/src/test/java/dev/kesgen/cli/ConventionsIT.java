package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's conventions (issue 22, items 6 and 8): next steps after generate and rotate, JSON for them too,
 * kebab-case options in the usage, --format as the help spells it, exit 3 for a topology that cannot be read.
 */
class ConventionsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void generatePrintsTheNextStepsWithPathsFromTheWorkingDirectory() {
    Jar.project(dir);

    Jar.Run run = Jar.run(dir, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("Next steps, from the project directory")
        .contains("\n  kubectl apply --server-side -f secrets/tenants/dev/gecko/secret.yaml\n")
        .contains("\n  sh generated/vault/apply.sh\n")
        .contains("\n  helm upgrade --install kes-dev charts/kes --namespace kes-dev -f generated/kes/dev/values.yaml\n")
        .contains("\n  helm upgrade --install gecko molgenis-armadillo --repo https://helm.molgenis.org/ --no-hooks"
            + " --namespace armadillo-gecko -f generated/tenants/dev/gecko/values.yaml\n");
    // a second run changes nothing, so it has nothing to do
    Jar.Run again = Jar.run(dir, "generate", "--clock", CLOCK);
    assertThat(again.stdout()).doesNotContain("Next steps");
  }

  @Test
  void theValuesHeadersCarryTheirOwnPasteableInstallLine() throws IOException {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK, "--output-directory", "infra/out").exit()).isZero();

    assertThat(Files.readString(dir.resolve("infra/out/tenants/dev/lynx/values.yaml")))
        .contains("\n#   helm upgrade --install lynx molgenis-armadillo --repo https://helm.molgenis.org/ --no-hooks"
            + " --namespace armadillo-lynx -f infra/out/tenants/dev/lynx/values.yaml\n");
    assertThat(Files.readString(dir.resolve("infra/out/kes/dev/values.yaml")))
        .contains("\n#   helm upgrade --install kes-dev charts/kes --namespace kes-dev -f infra/out/kes/dev/values.yaml\n");
  }

  @Test
  void rotatePrintsThePlanTheIdentityAndTheNextSteps() {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();

    Jar.Run run = Jar.run(dir, "rotate", "dev/gecko", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("the identity of tenant dev/gecko changes")
        .contains("Identity changed: tenants/dev/gecko: ")
        .contains("\n  kubectl apply --server-side -f secrets/tenants/dev/gecko/secret.yaml\n")
        .contains("\n  helm upgrade --install kes-dev charts/kes --namespace kes-dev -f generated/kes/dev/values.yaml\n")
        .contains("\n  kubectl rollout restart deployment,statefulset --namespace armadillo-gecko"
            + " -l app=minio,release=gecko\n")
        .doesNotContain("armadillo-lynx -l");
  }

  @Test
  void generateAndRotateAsJsonPrintOneDocumentAndNothingElse() throws IOException {
    Jar.project(dir);

    Jar.Run generate = Jar.run(dir, "generate", "--clock", CLOCK, "--format", "json");
    Jar.Run rotate = Jar.run(dir, "rotate", "dev", "--clock", CLOCK, "--format", "json");

    assertThat(generate.exit()).as(generate.toString()).isZero();
    JsonNode first = JSON.readTree(generate.stdout());
    assertThat(first.get("ok").asBoolean()).isTrue();
    assertThat(first.get("plan").get("add").asInt()).isEqualTo(first.get("written").size());
    assertThat(first.get("certificates").findValuesAsText("action")).containsOnly("issued");
    assertThat(first.get("nextSteps").toString()).contains("sh generated/vault/apply.sh");
    assertThat(generate.stdout().trim().lines()).hasSize(1);
    assertThat(rotate.exit()).as(rotate.toString()).isZero();
    JsonNode rotated = JSON.readTree(rotate.stdout());
    JsonNode server = rotated.get("certificates").get(0);
    assertThat(server.get("name").asText()).isEqualTo("kes/dev");
    assertThat(server.get("identityChanged").asBoolean()).isTrue();
    assertThat(server.get("previousIdentity").asText()).isNotEqualTo(server.get("identity").asText());
    assertThat(rotated.get("nextSteps").toString()).contains("kubectl rollout restart");
    assertThat(rotated.get("plan").get("changes").findValuesAsText("kind")).contains("server_certificate_changed");
  }

  @Test
  void aTopologyProblemAsJsonIsAFinding() throws IOException {
    Files.writeString(dir.resolve("topology.yaml"), "version: 1\nvault: {}\n");

    Jar.Run run = Jar.run(dir, "generate", "--format", "json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.stdout());
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.get("findings").get(0).get("kind").asText()).isEqualTo("topology");
  }

  @Test
  void theUsageShowsKebabCaseOptionsAndTheCamelCaseOnesStillWork() {
    for (String command : new String[] {"generate", "check", "validate", "plan", "rotate", "chart"}) {
      Jar.Run help = Jar.run(dir, command, "--help");
      assertThat(help.exit()).as(help.toString()).isZero();
      assertThat(help.stdout()).as(command).doesNotContainPattern("--[a-z]+[A-Z]");
    }
    assertThat(Jar.run(dir, "generate", "--help").stdout()).contains("--output-directory=DIR")
        .contains("--secrets-directory=DIR").contains("--write-in-ci").contains("--fail-on-destructive");
    Jar.project(dir);
    Jar.Run camel = Jar.run(dir, "generate", "--clock", CLOCK, "--outputDirectory", "out", "--secretsDirectory",
        "keys", "--writeInCi");
    assertThat(camel.exit()).as(camel.toString()).isZero();
    assertThat(dir.resolve("out/SUMMARY.md")).isRegularFile();
    assertThat(dir.resolve("keys/tenants/dev/gecko/client.key")).isRegularFile();
  }

  @Test
  void formatTakesTheValuesTheHelpNames() {
    Jar.project(dir);
    assertThat(Jar.run(dir, "check", "--help").stdout()).contains("text").contains("json");

    Jar.Run wrong = Jar.run(dir, "check", "--format", "xml");

    assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(2);
    assertThat(wrong.stderr()).contains("'xml' is not a format: write text or json").doesNotContain("TEXT");
  }

  @Test
  void aMissingTopologyIsExit3WithTheSameMessageForEveryCommand() throws IOException {
    for (String command : new String[] {"generate", "check", "validate", "plan", "rotate"}) {
      Jar.Run run = command.equals("rotate") ? Jar.run(dir, command, "all", "--topology", "nope.yaml")
          : Jar.run(dir, command, "--topology", "nope.yaml");
      assertThat(run.exit()).as(command + ": " + run).isEqualTo(3);
      assertThat(run.stderr()).as(command)
          .contains("nope.yaml:1:1: the topology file does not exist (create it, or point kesgen at another file)");
    }
    Jar.Run json = Jar.run(dir, "check", "--topology", "nope.yaml", "--format", "json");
    assertThat(json.exit()).isEqualTo(3);
    assertThat(JSON.readTree(json.stdout()).get("error").asText()).contains("the topology file does not exist");
  }

  @Test
  void noMessageNamesAJavaExceptionClass() throws IOException {
    Jar.project(dir);
    Files.writeString(dir.resolve("generated"), "a file where the output directory should be");

    Jar.Run run = Jar.run(dir, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).doesNotContainPattern("(java|javax|sun)\\.[a-z]+\\.[A-Za-z.]*Exception")
        .doesNotContainPattern("[A-Z][A-Za-z]*Exception");
  }
}

package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21's attacks on committed output: a hand-edited AppRole, NetworkPolicy, apply script or SUMMARY.md is
 * reported by check (the template overrides of the same attacks are the hostile corpus, {@link HostileCorpusTest});
 * and an override that would print a secret leaves existing output exactly as it was.
 */
class GrantRulesTest {
  static final String TOKEN = "hvs." + "CAESIJlWh0kVtQ1bqWcmzGyr8Hx5Hq3UuGZ2Bq9y";

  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(GeneratorTest.TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  private void edit(String file, String from, String to) throws Exception {
    Path path = dir.resolve("generated").resolve(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  private List<String> access() throws Exception {
    return Kesgen.check(request(), Optional.empty()).findings().stream()
        .filter(f -> f.kind() == CheckResult.Kind.ACCESS).map(CheckResult.Finding::toString).toList();
  }

  @Test
  void checkReportsACommittedAppRoleAttachingAnotherPolicy() throws Exception {
    Kesgen.generate(request());
    edit("vault/approles/kes-dev.json", "[\"kes-dev\"]", "[\"kes-dev\", \"root\"]");

    assertThat(access()).containsExactly("vault/approles/kes-dev.json: instance dev, AppRole kes-dev: token_policies"
        + " is [\"kes-dev\", \"root\"], but must be [\"kes-dev\"] (the instance's policy only, the one file kesgen"
        + " proves)");
  }

  @Test
  void checkReportsACommittedAppRoleWithTheDefaultPolicy() throws Exception {
    Kesgen.generate(request());
    edit("vault/approles/kes-dev.json", "\"token_no_default_policy\": true", "\"token_no_default_policy\": false");

    assertThat(access()).containsExactly("vault/approles/kes-dev.json: instance dev, AppRole kes-dev:"
        + " token_no_default_policy is false, but must be true (else Vault attaches the default policy, which kesgen"
        + " does not prove)");
  }

  @Test
  void checkReportsCommittedValuesTurningTheNetworkPolicyOff() throws Exception {
    Kesgen.generate(request());
    edit("kes/dev/values.yaml", "networkPolicy:\n  enabled: true", "networkPolicy:\n  enabled: false");

    assertThat(access()).containsExactly("kes/dev/values.yaml: instance dev, NetworkPolicy of the KES chart:"
        + " networkPolicy.enabled is false, but must be true (else any pod may reach KES and KES may reach any"
        + " address)");
  }

  @Test
  void checkReportsCommittedValuesWithoutANetworkPolicy() throws Exception {
    Kesgen.generate(request());
    Path values = dir.resolve("generated/kes/dev/values.yaml");
    String text = Files.readString(values);
    Files.writeString(values, text.substring(0, text.indexOf("networkPolicy:")));

    assertThat(access()).containsExactly("kes/dev/values.yaml: instance dev, NetworkPolicy of the KES chart:"
        + " networkPolicy is missing; kesgen writes {enabled: true, ingressNamespaces: [\"minio-gecko\","
        + " \"minio-lizard\"], vault: {port: 8200, cidrs: []}}");
  }

  @Test
  void checkReportsACommittedApplyScriptWritingAnotherPolicy() throws Exception {
    Kesgen.generate(request());
    edit("vault/apply.sh", "policy write 'kes-dev' 'policies/kes-dev.hcl'", "policy write 'root' 'policies/kes-dev.hcl'");

    assertThat(access()).containsExactly(
        "vault/apply.sh: line 70: writes the policy root from policies/kes-dev.hcl; it may write only an instance's"
            + " policy kes-<instance> from its file policies/kes-<instance>.hcl, which kesgen proves",
        "vault/apply.sh: does not write the policy kes-dev from policies/kes-dev.hcl (instance dev)");
  }

  @Test
  void checkStillReportsATokenInACommittedSummary() throws Exception {
    Kesgen.generate(request());
    Files.writeString(dir.resolve("generated/SUMMARY.md"), "\nVAULT_TOKEN=" + TOKEN + "\n",
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(Kesgen.check(request(), Optional.empty()).findings()).extracting(CheckResult.Finding::toString)
        .containsExactly("SUMMARY.md: differs from what generate writes (edited by hand, or the topology changed);"
            + " run generate", "SUMMARY.md: holds what looks like a Vault or OpenBao token; remove it (and from"
            + " version control history) and revoke the token");
  }

  @Test
  void anOverridePrintingASecretLeavesTheOutputAsItWas() throws Exception {
    Kesgen.generate(request());
    Map<String, String> before = snapshot();
    Path template = dir.resolve("templates/kes/values.yaml.hbs");
    Files.createDirectories(template.getParent());
    Files.writeString(template, AccessRulesTest.embedded("kes/values.yaml.hbs")
        + "# -----BEGIN " + "EC PRIVATE KEY-----\n");
    GenerateRequest overridden = request().withTemplateDirectory(dir.resolve("templates"));

    assertThatThrownBy(() -> Kesgen.generate(overridden)).isInstanceOf(ConfigurationException.class)
        .hasMessage("the output would hold secrets, so nothing is written (fix the template overrides that print"
            + " them; secrets belong in the secrets directory or the cluster):\n  kes/dev/values.yaml: holds a private"
            + " key; remove it from the output directory (and from version control history) and rotate it");
    assertThatThrownBy(() -> Kesgen.plan(overridden, KesgenListener.NONE)).isInstanceOf(ConfigurationException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  /** Every file of the output and secrets directories with its content and modification time. */
  private Map<String, String> snapshot() throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve("templates"))).toList()) {
        FileTime time = Files.getLastModifiedTime(p);
        files.put(dir.relativize(p).toString(), time + " " + Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}

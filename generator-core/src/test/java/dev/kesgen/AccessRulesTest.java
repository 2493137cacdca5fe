package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access rules on every generate and check: template overrides that break isolation, completeness or Vault least
 * privilege fail generate, which writes nothing; check names the broken rule of hand-edited committed output. The
 * topology is the 2024-03-13 golden case (KES's prefix matcher; tenants gecko and lizard, KV v2).
 */
class AccessRulesTest {
  static final String SERVER_CONFIG = "kes/server-config.yaml.hbs";
  static final String POLICY = "vault/policy.hcl.hbs";
  static final String PATHS = "{{#each paths}}\n    - {{yaml this}}\n{{/each}}";

  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(GeneratorTest.TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  GenerateRequest overridden() {
    return request().withTemplateDirectory(dir.resolve("templates"));
  }

  static String embedded(String template) throws IOException {
    try (InputStream in = AccessRulesTest.class.getClassLoader()
        .getResourceAsStream("dev/kesgen/templates/" + template)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Writes an override of {@code template}: the embedded text with {@code from} replaced by {@code to}. */
  void override(String template, String from, String to) throws IOException {
    String text = embedded(template);
    assertThat(text).contains(from);
    Path file = dir.resolve("templates").resolve(template);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.replace(from, to));
  }

  void assertGenerateFailsWritingNothing(String... messages) {
    assertThatThrownBy(() -> Kesgen.generate(overridden())).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the output would break kesgen's access rules, so nothing is written")
        .hasMessageContainingAll(messages);
    // planning in memory, what the command line's validate does, refuses the same output
    assertThatThrownBy(() -> Kesgen.plan(overridden(), KesgenListener.NONE)).isInstanceOf(ConfigurationException.class)
        .hasMessageContainingAll(messages);
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  @Test
  void anOverrideGrantingEveryTenantsKeysFailsGenerateNamingTenantIdentityRequestAndPattern() throws Exception {
    override(SERVER_CONFIG, PATHS, PATHS + "\n    - \"/v1/key/decrypt/*\"");

    assertGenerateFailsWritingNothing("kes/dev/values.yaml: instance dev, tenant gecko, identity ",
        "…: may call /v1/key/decrypt/lizard, a key of tenant lizard (allowed by policy 'gecko' pattern"
            + " '/v1/key/decrypt/*')",
        "tenant lizard, identity ", "…: may call /v1/key/decrypt/gecko, a key of tenant gecko");
  }

  @Test
  void anOverrideWithATrailingWildcardOnItsOwnKeyReachesAdversarialNames() throws Exception {
    override(SERVER_CONFIG, PATHS, PATHS + "\n    - \"/v1/key/generate/{{name}}*\"");

    assertGenerateFailsWritingNothing(
        "…: may call /v1/key/generate/gecko-x, a key not its own (allowed by policy 'gecko' pattern"
            + " '/v1/key/generate/gecko*')",
        "may call /v1/key/generate/geckox, a key not its own");
  }

  @Test
  void anOverrideDroppingACallMinioMakesFailsGenerate() throws Exception {
    override(SERVER_CONFIG, PATHS, "{{#each paths}}\n{{#unless @first}}\n    - {{yaml this}}\n{{/unless}}\n{{/each}}");

    assertGenerateFailsWritingNothing("kes/dev/values.yaml: instance dev, tenant gecko, identity ",
        "…: cannot call /v1/key/create/gecko, which MinIO RELEASE.2024-05-10T01-41-38Z calls (denied: no allow"
            + " pattern of policy 'gecko' matches)");
  }

  @Test
  void anOverrideAddingAnAdminFailsGenerate() throws Exception {
    override(SERVER_CONFIG, "identity: {{yaml adminIdentity}}", "identity: \"" + "ab".repeat(32) + "\"");

    assertGenerateFailsWritingNothing("kes/dev/values.yaml: instance dev: the admin identity is " + "ab".repeat(32)
        + ", but the topology's kes.adminIdentity is disabled");
  }

  @Test
  void aVaultPolicyOverrideGrantingTheWholeMountFailsGenerate() throws Exception {
    override(POLICY, "}\n{{/each}}\n", "}\n{{/each}}\n\npath \"secret/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n");

    assertGenerateFailsWritingNothing("vault/policies/kes-dev.hcl: instance dev, Vault policy kes-dev: rule"
        + " \"secret/*\" grants [list, read] outside the instance's keys (secret/data/kes/dev/*,"
        + " secret/metadata/kes/dev/*)");
  }

  @Test
  void aVaultPolicyOverrideGrantingMoreOnTheInstancesKeysFailsGenerate() throws Exception {
    override(POLICY, "{{#each capabilities}}", "\"delete\", {{#each capabilities}}");

    assertGenerateFailsWritingNothing("vault/policies/kes-dev.hcl: instance dev, Vault policy kes-dev:"
        + " secret/data/kes/dev/gecko must have exactly [create, read] (the capabilities KES needs for a key):"
        + " delete allowed by rule \"secret/data/kes/dev/*\" of kes-dev [create, delete, read]",
        "auth/token/renew-self must have exactly [update] (KES renews its token there)");
  }

  @Test
  void checkNamesTheRuleAHandEditedCommittedKesConfigurationBreaks() throws Exception {
    Kesgen.generate(request());
    Path values = dir.resolve("generated/kes/dev/values.yaml");
    Files.writeString(values, Files.readString(values).replace("- \"/v1/key/decrypt/gecko\"",
        "- \"/v1/key/decrypt/*\""));

    CheckResult check = Kesgen.check(request(), Optional.empty());

    assertThat(check.findings()).extracting(CheckResult.Finding::kind)
        .contains(CheckResult.Kind.STALE, CheckResult.Kind.ACCESS);
    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.ACCESS)
        .extracting(CheckResult.Finding::toString)
        .allMatch(f -> f.startsWith("kes/dev/values.yaml: instance dev, tenant gecko, identity "))
        .anyMatch(f -> f.endsWith("…: may call /v1/key/decrypt/lizard, a key of tenant lizard (allowed by policy"
            + " 'gecko' pattern '/v1/key/decrypt/*')"))
        .anyMatch(f -> f.endsWith("…: may call /v1/key/decrypt/gecko-x, a key not its own (allowed by policy"
            + " 'gecko' pattern '/v1/key/decrypt/*')"));
  }

  @Test
  void checkNamesTheRuleAHandEditedCommittedVaultPolicyBreaks() throws Exception {
    Kesgen.generate(request());
    Path policy = dir.resolve("generated/vault/policies/kes-dev.hcl");
    Files.writeString(policy, Files.readString(policy).replace("\"secret/metadata/kes/dev/*\"", "\"secret/metadata/kes/*\""));

    CheckResult check = Kesgen.check(request(), Optional.empty());

    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.ACCESS)
        .extracting(CheckResult.Finding::toString).contains("vault/policies/kes-dev.hcl: instance dev, Vault policy"
            + " kes-dev: rule \"secret/metadata/kes/*\" grants [list] outside the instance's keys"
            + " (secret/data/kes/dev/*, secret/metadata/kes/dev/*)");
  }

  @Test
  void checkWithABrokenOverrideSaysWhatGenerateWouldRefuse() throws Exception {
    Kesgen.generate(request());
    override(SERVER_CONFIG, PATHS, PATHS + "\n    - \"/v1/key/decrypt/*\"");

    CheckResult check = Kesgen.check(overridden(), Optional.empty());

    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.ACCESS)
        .extracting(CheckResult.Finding::message)
        .anySatisfy(m -> assertThat(m).startsWith("as generate would write it (it would refuse to): instance dev,"
            + " tenant gecko, identity ").endsWith("a key of tenant lizard (allowed by policy 'gecko' pattern"
            + " '/v1/key/decrypt/*')"));
  }

  @Test
  void unchangedOutputPassesEveryAccessRule() throws Exception {
    Kesgen.generate(request());

    assertThat(Kesgen.check(request(), Optional.empty()).findings()).isEmpty();
  }
}

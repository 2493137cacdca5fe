package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML that Go's libraries read otherwise than the access model (issue 21): a {@code !!binary} pattern or key, a
 * duplicate or merge key. KES and Helm decode them, so each would hand every tenant every key while the model saw
 * isolation; generate refuses each (and writes nothing), check reports each in committed output. The topology is
 * the 2024-03-13 golden case (tenants gecko and lizard).
 */
class YamlReadingAttackTest {
  static final String VALUES = "kes/values.yaml.hbs";
  /** {@code /v1/key/decrypt/*} as yaml.v2, yaml.v3 and sigs.k8s.io/yaml decode it. */
  static final String BINARY_WILDCARD = "!!binary L3YxL2tleS9kZWNyeXB0Lyo=";
  /** {@code server} as they decode it. */
  static final String BINARY_SERVER = "!!binary c2VydmVy";
  static final String CANNOT_READ =
      "kes/dev/values.yaml: instance dev: the KES access model cannot read server.config: ";

  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(GeneratorTest.TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  GenerateRequest overridden() {
    return request().withTemplateDirectory(dir.resolve("templates"));
  }

  void override(String template, String from, String to) throws IOException {
    String text = AccessRulesTest.embedded(template);
    assertThat(text).contains(from);
    Path file = dir.resolve("templates").resolve(template);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.replace(from, to));
  }

  /** A second {@code server} whose config gives both tenants every key, after the values kesgen writes. */
  static String wildcardServer(String key) {
    return key + ":\n  config: |\n    admin:\n      identity: \"disabled\"\n    policy:\n      \"gecko\":\n"
        + "        allow: [\"/v1/key/*\"]\n        identities: [\"any\"]\n";
  }

  void assertGenerateFailsWritingNothing(String... messages) {
    assertThatThrownBy(() -> Kesgen.generate(overridden())).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the output would break kesgen's access rules, so nothing is written")
        .hasMessageContainingAll(messages);
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  void assertCheckReports(String from, String to, String message) throws Exception {
    Kesgen.generate(request());
    Path values = dir.resolve("generated/kes/dev/values.yaml");
    String text = Files.readString(values);
    assertThat(text).contains(from);
    Files.writeString(values, from.isEmpty() ? text + to : text.replace(from, to));

    CheckResult check = Kesgen.check(request(), Optional.empty());

    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.ACCESS)
        .extracting(CheckResult.Finding::toString).containsExactly(message);
  }

  @Test
  void anOverrideAddingABinaryWildcardToATenantPolicyFailsGenerate() throws Exception {
    override(AccessRulesTest.SERVER_CONFIG, AccessRulesTest.PATHS,
        AccessRulesTest.PATHS + "\n    - " + BINARY_WILDCARD);

    assertGenerateFailsWritingNothing(CANNOT_READ + "the chart values (server.config) line ",
        ", column 11: an explicit tag (!!binary); Go's YAML libraries read tagged values otherwise than the access"
            + " model (they decode !!binary as base64, for one), and kesgen never writes a tag: remove it and quote"
            + " the value");
  }

  @Test
  void anOverrideAddingABinaryServerKeyWithAWildcardConfigFailsGenerate() throws Exception {
    String text = AccessRulesTest.embedded(VALUES);
    override(VALUES, text, text + wildcardServer(BINARY_SERVER));

    assertGenerateFailsWritingNothing("kes/dev/values.yaml: instance dev: the KES access model cannot read"
        + " server.config: the chart values line ", ", column 1: an explicit tag (!!binary)");
  }

  @Test
  void anOverrideRepeatingTheServerKeyFailsGenerateQuotedOrNot() throws Exception {
    for (String key : new String[] {"server", "\"server\"", "\"ser\\x76er\""}) {
      String text = AccessRulesTest.embedded(VALUES);
      override(VALUES, text, text + wildcardServer(key));

      assertGenerateFailsWritingNothing("cannot read server.config: the chart values line ",
          ", column 1: the key 'server' is already in this mapping, 82 lines up; Helm and yaml.v2 (KES before"
              + " 2023-11) keep the last, so the two readings differ; remove one of them");
    }
  }

  @Test
  void anOverrideRepeatingAPolicyFieldFailsGenerate() throws Exception {
    override(AccessRulesTest.SERVER_CONFIG, "    {{../policyIdentitiesKey}}:\n",
        "    allow: [\"/v1/key/*\"]\n    {{../policyIdentitiesKey}}:\n");

    assertGenerateFailsWritingNothing(CANNOT_READ + "the chart values (server.config) line ",
        ": the key 'allow' is already in this mapping, ");
  }

  @Test
  void anOverrideMergingAWildcardIntoAPolicyFailsGenerate() throws Exception {
    override(AccessRulesTest.SERVER_CONFIG, "    {{../policyIdentitiesKey}}:\n",
        "    <<: {deny: []}\n    {{../policyIdentitiesKey}}:\n");

    assertGenerateFailsWritingNothing(CANNOT_READ + "the chart values (server.config) line ",
        ": a merge key '<<' copies another mapping's entries");
  }

  @Test
  void checkReportsABinaryWildcardHandEditedIntoCommittedOutput() throws Exception {
    assertCheckReports("        - \"/v1/key/decrypt/gecko\"\n",
        "        - \"/v1/key/decrypt/gecko\"\n        - " + BINARY_WILDCARD + "\n",
        CANNOT_READ + "the chart values (server.config) line 39, column 11: an explicit tag (!!binary); Go's YAML"
            + " libraries read tagged values otherwise than the access model (they decode !!binary as base64, for"
            + " one), and kesgen never writes a tag: remove it and quote the value");
  }

  @Test
  void checkReportsABinaryServerKeyHandEditedIntoCommittedOutput() throws Exception {
    assertCheckReports("", wildcardServer(BINARY_SERVER), CANNOT_READ + "the chart values line 94, column 1: an"
        + " explicit tag (!!binary); Go's YAML libraries read tagged values otherwise than the access model (they"
        + " decode !!binary as base64, for one), and kesgen never writes a tag: remove it and quote the value");
  }

  @Test
  void checkReportsAQuotedDuplicateServerKeyInCommittedOutput() throws Exception {
    assertCheckReports("", wildcardServer("\"server\""), CANNOT_READ + "the chart values line 94, column 1: the"
        + " key 'server' is already in this mapping, 82 lines up; Helm and yaml.v2 (KES before 2023-11) keep the last,"
        + " so the two readings differ; remove one of them");
  }
}

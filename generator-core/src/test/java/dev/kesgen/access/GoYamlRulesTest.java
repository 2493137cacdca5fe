package dev.kesgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.KesVersion;
import org.junit.jupiter.api.Test;

/**
 * What the access model refuses so that it reads YAML as KES and Helm read it (the corpus in
 * {@code yaml-corpus/} is checked against the Go libraries by {@code GoPeerYamlCorpusTest}).
 */
class GoYamlRulesTest {
  static final KesVersion V0_13_4 = KesVersion.of("v0.13.4");
  static final String ID = "ab".repeat(32);

  static String values(String config) {
    return "image:\n  tag: \"v0.13.4\"\nserver:\n  args: [\"server\"]\n  config: |\n    "
        + config.strip().replace("\n", "\n    ") + "\nnetworkPolicy:\n  enabled: true\n";
  }

  @Test
  void aProblemInServerConfigIsPlacedInTheValuesFile() {
    String config = "root: \"disabled\"\npolicy:\n  \"gecko\":\n    paths: [!!binary L3YxL2tleS8q]\n";

    // line 4, column 13 of server.config; the block starts on line 6 of the values, indented by 4
    assertThatThrownBy(() -> KesChartValues.access(values(config), V0_13_4)).isInstanceOf(AccessModelException.class)
        .hasMessageStartingWith("the chart values (server.config) line 9, column 17: an explicit tag (!!binary)");
    assertThatThrownBy(() -> KesAccess.of(config, V0_13_4))
        .hasMessageStartingWith("the KES configuration line 4, column 13: an explicit tag (!!binary)");
  }

  @Test
  void keysAreComparedByTheTextGoDecodes() {
    String config = "root: \"disabled\"\npolicy: {}\n\"p\\u006flicy\":\n  \"gecko\":\n    paths: [\"/v1/key/*\"]\n";

    assertThatThrownBy(() -> KesAccess.of(config, V0_13_4))
        .hasMessage("the KES configuration line 3, column 1: the key 'policy' is already in this mapping, 1 line up;"
            + " Helm and yaml.v2 (KES before 2023-11) keep the last, so the two readings differ; remove one of them");
  }

  @Test
  void aPlainKeyGoReadsAsABooleanIsRefusedAndAQuotedOneRead() {
    String plain = "root: \"disabled\"\npolicy:\n  on:\n    paths: [\"/v1/key/create/on\"]\n    identities: [\"" + ID
        + "\"]\n";

    assertThatThrownBy(() -> KesAccess.of(plain, V0_13_4)).hasMessage("the KES configuration line 3, column 3: the"
        + " key on is not text to Go's YAML libraries (a boolean, number or null; sigs.k8s.io/yaml turns it into a"
        + " JSON key that another may repeat); quote it: \"on\"");
    assertThat(KesAccess.of(plain.replace("  on:", "  \"on\":"), V0_13_4).policies())
        .extracting(KesAccessPolicy::name).containsExactly("on");
  }

  @Test
  void valuesTheModelUsesMustBeTextToGoAndNullIsEmpty() {
    assertThatThrownBy(() -> KesAccess.of("root: 0777\n", V0_13_4)).hasMessage("the KES configuration line 1,"
        + " column 7: root is 0777, which Go's YAML libraries may read as a boolean, number or timestamp rather than"
        + " text; quote it: \"0777\"");
    assertThat(KesAccess.of("root: \"0777\"\n", V0_13_4).admin()).contains("0777");
    // a Go string field keeps "" for null, so KES sees no root identity
    assertThat(KesAccess.of("root: ~\n", V0_13_4).problems()).singleElement().asString().startsWith("no root identity");
  }

  @Test
  void anAliasAnAnchorAndASecondDocumentAreRefused() {
    assertThatThrownBy(() -> KesAccess.of("root: &r \"disabled\"\n", V0_13_4))
        .hasMessageStartingWith("the KES configuration line 1, column 7: an anchor (&r)");
    assertThatThrownBy(() -> KesChartValues.serverConfig(values("root: \"disabled\"") + "---\nserver: {}\n"))
        .hasMessageStartingWith("the chart values line 9, column 1: a second YAML document");
  }
}

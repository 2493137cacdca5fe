package dev.kesgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.KesVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The KES access model at every release boundary where what it reads or how it matches changes. */
class KesAccessTest {
  static final String A = "a".repeat(64);
  static final String B = "b".repeat(64);
  static final String ADMIN = "c".repeat(64);

  /** A configuration with the admin and rule keys of a release written by hand. */
  static String config(String adminLines, String policyBody) {
    return adminLines + "\npolicy:\n" + policyBody.indent(2);
  }

  static String modern(String policyBody) {
    return config("admin:\n  identity: " + ADMIN, policyBody);
  }

  static KesDecision decide(String release, String config, String identity, String path) {
    return KesAccess.of(config, KesVersion.of(release)).decide(identity, path);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "v0.13.0, GO_PATH_MATCH", "v0.17.6, GO_PATH_MATCH", "v0.18.0, GO_PATH_MATCH", "2023-10-03T00-48-37Z, GO_PATH_MATCH",
    "2023-10-24T20-26-51Z, PREFIX_ARGUMENTS_SWAPPED", "2023-10-27T22-05-35Z, PREFIX_ARGUMENTS_SWAPPED",
    "2023-11-09T17-35-47Z, PREFIX", "v0.23.0, PREFIX", "v0.24.0, PREFIX", "2025-03-12T09-35-18Z, PREFIX",
  })
  void matcherFollowsTheRelease(String release, KesPatternMatcher expected) {
    assertThat(KesPatternMatcher.of(KesVersion.of(release))).isEqualTo(expected);
  }

  @Test
  void goPathMatchStarStopsAtSlashButCoversAdversarialSuffixes() {
    String config = modern("gecko:\n  allow: [\"/v1/key/generate/gecko*\"]\n  identities: [\"" + A + "\"]");
    String release = "2023-10-03T00-48-37Z";
    assertThat(decide(release, config, A, "/v1/key/generate/gecko-x").allowed()).isTrue();
    assertThat(decide(release, config, A, "/v1/key/generate/geckox").allowed()).isTrue();
    assertThat(decide(release, config, A, "/v1/key/generate/gecko/x").allowed()).isFalse();
    assertThat(decide(release, config, A, "/v1/key/generate/gecko"))
        .isEqualTo(new KesDecision.Allowed("gecko", "/v1/key/generate/gecko*"));
  }

  @Test
  void prefixMatcherCrossesSlash() {
    String config = modern("gecko:\n  allow: [\"/v1/key/generate/gecko*\"]\n  identities: [\"" + A + "\"]");
    assertThat(decide("2023-11-09T17-35-47Z", config, A, "/v1/key/generate/gecko/x").allowed()).isTrue();
    assertThat(decide("2023-11-09T17-35-47Z", config, A, "/v1/key/generate/geck").allowed()).isFalse();
  }

  @Test
  void swappedArgumentsLetAStarRequestThroughAnyPatternItPrefixes() {
    String config = modern("gecko:\n  allow: [\"/v1/key/list/gecko\", \"/v1/key/decrypt/gecko*\"]\n  identities: [\""
        + A + "\"]");
    String swapped = "2023-10-24T20-26-51Z";
    // a trailing * in a pattern is literal: only the path "/v1/key/decrypt/gecko*" itself is allowed
    assertThat(decide(swapped, config, A, "/v1/key/decrypt/gecko-x").allowed()).isFalse();
    assertThat(decide(swapped, config, A, "/v1/key/decrypt/gecko*").allowed()).isTrue();
    // and listing every key passes a policy that lists one
    assertThat(decide(swapped, config, A, "/v1/key/list/*"))
        .isEqualTo(new KesDecision.Allowed("gecko", "/v1/key/list/gecko"));
    assertThat(decide("2023-11-09T17-35-47Z", config, A, "/v1/key/list/*").allowed()).isFalse();
    assertThat(decide("2023-10-03T00-48-37Z", config, A, "/v1/key/list/*").allowed()).isFalse();
  }

  @Test
  void fromTheNameRulesOnKeyHandlersRefuseWhatIsNotAName() {
    String config = modern("gecko:\n  allow: [\"/v1/key/create/gecko\"]\n  identities: [\"" + A + "\"]");
    KesAccess swapped = KesAccess.of(config, KesVersion.of("2023-10-24T20-26-51Z"));
    assertThat(swapped.decide(A, "/v1/key/create/*").allowed()).isTrue();
    assertThat(swapped.refusesKeyName("/v1/key/create/*")).isTrue();
    assertThat(swapped.refusesKeyName("/v1/key/create/gecko")).isFalse();
    assertThat(swapped.refusesKeyName("/v1/key/list/*")).isFalse();
    assertThat(swapped.refusesKeyName("/v1/key/list/gecko*")).isFalse();
    assertThat(swapped.refusesKeyName("/v1/key/list/ge*cko")).isTrue();
    assertThat(swapped.refusesKeyName("/v1/key/list/-gecko")).isTrue();
    assertThat(KesAccess.of(config, KesVersion.of("2023-10-03T00-48-37Z")).refusesKeyName("/v1/key/create/*")).isFalse();
  }

  @Test
  void denyIsCheckedBeforeAllow() {
    String config = modern("gecko:\n  allow: [\"/v1/key/*\"]\n  deny: [\"/v1/key/delete/*\"]\n  identities: [\"" + A
        + "\"]");
    assertThat(decide("v0.15.0", config, A, "/v1/key/delete/gecko").allowed()).isFalse();
    assertThat(decide("2025-03-12T09-35-18Z", config, A, "/v1/key/delete/gecko"))
        .isEqualTo(new KesDecision.DeniedByPattern("gecko", "/v1/key/delete/*"));
    // path.Match's * stops at the first /, so /v1/key/* does not reach /v1/key/generate/gecko before 2023-10-24
    assertThat(decide("v0.22.3", config, A, "/v1/key/generate/gecko"))
        .isEqualTo(new KesDecision.NoAllowMatches("gecko"));
    assertThat(decide("2025-03-12T09-35-18Z", config, A, "/v1/key/generate/gecko").allowed()).isTrue();
  }

  @Test
  void pathsIsTheRuleKeyUpToV014AndUnknownFromV015() {
    String root = "root: " + ADMIN;
    String paths = config(root, "gecko:\n  paths: [\"/v1/key/create/gecko\"]\n  identities: [\"" + A + "\"]");
    assertThat(decide("v0.14.0", paths, A, "/v1/key/create/gecko").allowed()).isTrue();
    // v0.15.0 parses strictly first; an unknown field sends it to a legacy parse the model does not follow
    assertThat(decide("v0.15.0", paths, A, "/v1/key/create/gecko"))
        .isInstanceOf(KesDecision.InvalidConfiguration.class);
    // v0.13.4 rejects a field it does not know
    String deny = config(root, "gecko:\n  paths: [\"/v1/key/create/gecko\"]\n  deny: [\"/v1/key/create/*\"]\n"
        + "  identities: [\"" + A + "\"]");
    assertThat(KesAccess.of(deny, KesVersion.of("v0.13.4")).problems()).singleElement().asString()
        .contains("policy.gecko.deny").contains("K@v0.13.0:cmd/kes/config.go:74");
    // from v0.17.3 unknown fields are ignored: the paths are lost and nothing is allowed
    String admin = "admin:\n  identity: " + ADMIN;
    KesAccess ignored = KesAccess.of(config(admin, "gecko:\n  paths: [\"/v1/key/create/gecko\"]\n  identities: [\""
        + A + "\"]"), KesVersion.of("v0.19.4"));
    assertThat(ignored.ignoredFields()).containsExactly("policy.gecko.paths");
    assertThat(ignored.decide(A, "/v1/key/create/gecko")).isEqualTo(new KesDecision.NoAllowMatches("gecko"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v0.17.3", "v0.17.4", "v0.17.5"})
  void v0173ToV0175ReadIdentitiesUnderIdentity(String release) {
    String identities = modern("gecko:\n  allow: [\"/v1/key/create/gecko\"]\n  identities: [\"" + A + "\"]");
    String identity = modern("gecko:\n  allow: [\"/v1/key/create/gecko\"]\n  identity: [\"" + A + "\"]");
    assertThat(decide(release, identities, A, "/v1/key/create/gecko"))
        .isEqualTo(new KesDecision.UnknownIdentity(A));
    assertThat(KesAccess.of(identities, KesVersion.of(release)).ignoredFields())
        .containsExactly("policy.gecko.identities");
    assertThat(decide(release, identity, A, "/v1/key/create/gecko").allowed()).isTrue();
    assertThat(decide("v0.17.6", identity, A, "/v1/key/create/gecko")).isEqualTo(new KesDecision.UnknownIdentity(A));
    assertThat(decide("v0.17.6", identities, A, "/v1/key/create/gecko").allowed()).isTrue();
  }

  @Test
  void rootUpToV0171AdminIdentityFromV0172() {
    String root = config("root: " + ADMIN, "gecko:\n  allow: []\n  identities: [\"" + A + "\"]");
    assertThat(decide("v0.17.1", root, ADMIN, "/v1/key/delete/gecko")).isEqualTo(new KesDecision.Admin(ADMIN));
    assertThat(decide("v0.17.2", root, ADMIN, "/v1/key/delete/gecko"))
        .isInstanceOf(KesDecision.InvalidConfiguration.class);
    String admin = modern("gecko:\n  allow: []\n  identities: [\"" + A + "\"]");
    assertThat(decide("v0.17.2", admin, ADMIN, "/v1/key/delete/gecko")).isEqualTo(new KesDecision.Admin(ADMIN));
    assertThat(decide("2025-03-12T09-35-18Z", admin, ADMIN, "/v1/anything").allowed()).isTrue();
  }

  @Test
  void aDisabledAdminIsNoIdentityAndUnknownIdentitiesAreDenied() {
    String config = config("admin:\n  identity: disabled", "gecko:\n  allow: [\"/v1/key/create/gecko\"]\n"
        + "  identities: [\"" + A + "\"]");
    KesAccess access = KesAccess.of(config, KesVersion.of("2024-03-13T17-52-13Z"));
    assertThat(access.admin()).contains("disabled");
    assertThat(access.decide(B, "/v1/key/create/gecko")).isEqualTo(new KesDecision.UnknownIdentity(B));
    assertThat(access.decide(B, "/v1/key/create/gecko").reason()).isEqualTo("denied: no policy names this identity");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v0.13.4", "v0.17.6", "v0.18.0", "v0.22.3", "2023-04-03T16-41-28Z", "2023-10-24T20-26-51Z",
      "2025-03-12T09-35-18Z"})
  void anIdentityInTwoPoliciesStopsEveryRelease(String release) {
    KesVersion version = KesVersion.of(release);
    String admin = version.isAtLeast("v0.17.2") ? "admin:\n  identity: " + ADMIN : "root: " + ADMIN;
    String rule = version.isAtLeast("v0.15.0") ? "allow" : "paths";
    String config = config(admin, "gecko:\n  " + rule + ": [\"/v1/key/create/gecko\"]\n  identities: [\"" + A
        + "\"]\nlizard:\n  " + rule + ": [\"/v1/key/create/lizard\"]\n  identities: [\"" + A + "\"]");
    KesDecision decision = decide(release, config, A, "/v1/key/create/gecko");
    assertThat(decision).isInstanceOf(KesDecision.InvalidConfiguration.class);
    assertThat(decision.reason()).contains("identity " + A + " is in policy 'gecko' and again in 'lizard'")
        .contains("K@");
  }

  @Test
  void theAdminInAPolicyStopsTheServer() {
    String config = modern("gecko:\n  allow: [\"/v1/key/create/gecko\"]\n  identities: [\"" + ADMIN + "\"]");
    assertThat(KesAccess.of(config, KesVersion.of("2023-11-09T17-35-47Z")).problems()).singleElement().asString()
        .contains("names the admin identity").contains("kesconf/config.go");
  }

  @Test
  void malformedGlobsStopV017ButNeverMatchFromV018() {
    String config = modern("gecko:\n  allow: [\"/v1/key/create/[gecko\", \"/v1/key/create/gecko\"]\n"
        + "  identities: [\"" + A + "\"]");
    assertThat(KesAccess.of(config, KesVersion.of("v0.17.6")).problems()).singleElement().asString()
        .contains("malformed glob pattern '/v1/key/create/[gecko'");
    assertThat(decide("v0.18.0", config, A, "/v1/key/create/gecko"))
        .isEqualTo(new KesDecision.Allowed("gecko", "/v1/key/create/gecko"));
    assertThat(decide("v0.18.0", config, A, "/v1/key/create/[gecko").allowed()).isFalse();
  }

  @Test
  void emptyIdentitiesAreSkippedUntilNamesAreValidated() {
    String config = modern("gecko:\n  allow: [\"/v1/key/create/gecko\"]\n  identities: [\"\", \"" + A + "\"]");
    assertThat(KesAccess.of(config, KesVersion.of("2023-10-03T00-48-37Z")).problems()).isEmpty();
    assertThat(KesAccess.of(config, KesVersion.of("2023-10-24T20-26-51Z")).problems()).singleElement().asString()
        .contains("state.go:254");
  }

  @Test
  void policyNamesAreValidatedFrom20231024() {
    String config = modern("\"gecko.x\":\n  allow: [\"/v1/key/create/gecko\"]\n  identities: [\"" + A + "\"]");
    assertThat(KesAccess.of(config, KesVersion.of("2023-10-03T00-48-37Z")).problems()).isEmpty();
    assertThat(KesAccess.of(config, KesVersion.of("2023-10-24T20-26-51Z")).problems()).singleElement().asString()
        .contains("policy name 'gecko.x'");
  }

  @Test
  void malformedTextIsAnAccessModelException() {
    assertThatThrownBy(() -> KesAccess.of("policy: [", KesVersion.of("v0.13.4")))
        .isInstanceOf(AccessModelException.class).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> KesAccess.of("root: x\npolicy:\n  gecko:\n    paths: /v1/key/create/gecko\n",
        KesVersion.of("v0.13.4"))).isInstanceOf(AccessModelException.class).hasMessageContaining("policy.gecko.paths is not a list");
  }
}

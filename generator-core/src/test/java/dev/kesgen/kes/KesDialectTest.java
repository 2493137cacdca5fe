package dev.kesgen.kes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.KesVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KesDialectTest {
  private static KesDialect of(String tag) {
    return KesDialect.of(KesVersion.of(tag));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "v0.13.0, V0_13_0",
    "v0.13.1, V0_13_1",
    "v0.13.4, V0_13_1",
    "v0.13.5, V0_13_1",
    "v0.13.6, V0_13_6",
    "v0.14.0, V0_13_6",
    "v0.15.0, V0_15_0",
    "v0.17.1, V0_15_0",
    "v0.17.2, V0_17_2",
    "v0.17.3, V0_17_3",
    "v0.17.5, V0_17_3",
    "v0.17.6, V0_17_6",
    "v0.21.1, V0_17_6",
    "v0.22.0, V0_22_0",
    "v0.22.2, V0_22_0",
    "v0.22.3, V0_22_3",
    "2023-02-15T14-54-37Z, D2023_02_15",
    "2023-04-03T16-41-28Z, D2023_04_03",
    "2023-04-18T19-36-09Z, D2023_04_03",
    "2023-05-02T22-48-10Z, D2023_05_02",
    "2023-10-03T00-48-37Z, D2023_05_02",
    "2023-10-24T20-26-51Z, D2023_10_24",
    "2023-10-27T22-05-35Z, D2023_10_24",
    "2023-11-09T17-35-47Z, D2023_11_09",
    "2024-03-13T17-52-13Z, D2023_11_09",
    "2025-03-12T09-35-18Z, D2023_11_09",
    "v0.23.0, D2023_11_09",
    "v0.24.0, D2023_11_09"
  })
  void choosesTheDialectOnEachSideOfEveryBoundary(String tag, KesDialect expected) {
    assertThat(of(tag)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.12.1", "v0.25.0", "2025-03-12T09-35-19Z"})
  void rejectsReleasesOutsideTheKnownRange(String tag) {
    assertThatThrownBy(() -> of(tag)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported");
  }

  @Test
  void everyConstantIsChosenForItsOwnFirstRelease() {
    for (KesDialect d : KesDialect.values()) {
      assertThat(KesDialect.of(d.since())).isEqualTo(d);
    }
  }

  @ParameterizedTest
  @CsvSource({"v0.17.1, ROOT", "v0.17.2, ADMIN_IDENTITY"})
  void adminKeyChangesAtV0172(String tag, KesDialect.AdminStyle style) {
    assertThat(of(tag).adminStyle()).isEqualTo(style);
  }

  @ParameterizedTest
  @CsvSource({"v0.17.2, identities", "v0.17.3, identity", "v0.17.5, identity", "v0.17.6, identities", "2025-03-12T09-35-18Z, identities"})
  void policyIdentitiesKeyIsIdentityOnlyInV0173ToV0175(String tag, String key) {
    assertThat(of(tag).policyIdentitiesKey()).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"2023-02-15T14-54-37Z, off", "2023-04-03T16-41-28Z, on", "2023-04-17T23-01-06Z, on", "2023-04-18T19-36-09Z, on",
      "2023-05-02T22-48-10Z, off", "2025-03-12T09-35-18Z, off"})
  void auditIsSwitchedOffWithOnOnlyIn20230403To20230418(String tag, String value) {
    assertThat(of(tag).auditOffValue()).isEqualTo(value);
    assertThat(of(tag).invertsAuditSwitch()).isEqualTo(value.equals("on"));
  }

  @ParameterizedTest
  @CsvSource({"v0.14.0, paths", "v0.15.0, allow"})
  void policyRuleKeyChangesAtV0150(String tag, String key) {
    assertThat(of(tag).policyRuleKey()).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"v0.13.5, KEYS_MAP, false", "v0.13.6, KEYSTORE, true"})
  void backendMovesAndKeysListAppearsAtV0136(String tag, KesDialect.BackendSection section, boolean keysList) {
    assertThat(of(tag).backendSection()).isEqualTo(section);
    assertThat(of(tag).hasKeysList()).isEqualTo(keysList);
  }

  @ParameterizedTest
  @CsvSource({
    "v0.13.5, false", "v0.13.6, true", "2023-10-03T00-48-37Z, true", "2023-10-24T20-26-51Z, false", "2025-03-12T09-35-18Z, false"
  })
  void kesCreatesListedKeysOnlyFromV0136UntilBefore20231024(String tag, boolean creates) {
    assertThat(of(tag).createsListedKeys()).isEqualTo(creates);
  }

  @ParameterizedTest
  @CsvSource({"v0.14.0, false", "v0.15.0, true"})
  void vaultVersionExistsFromV0150(String tag, boolean exists) {
    assertThat(of(tag).hasVaultVersion()).isEqualTo(exists);
  }

  @ParameterizedTest
  @CsvSource({"v0.21.1, false", "v0.22.0, false", "v0.22.2, false", "v0.22.3, true", "2025-03-12T09-35-18Z, true"})
  void topLevelVersionFromV0223(String tag, boolean allowed) {
    assertThat(of(tag).acceptsTopLevelVersion()).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({
    "2023-10-03T00-48-37Z, FLAG", "2023-10-24T20-26-51Z, NEVER_VERIFIED", "2023-10-27T22-05-35Z, NEVER_VERIFIED",
    "2023-11-09T17-35-47Z, CONFIG_FIELD"
  })
  void clientAuthMovesFromFlagToConfigField(String tag, KesDialect.ClientAuth auth) {
    assertThat(of(tag).clientAuth()).isEqualTo(auth);
  }

  @ParameterizedTest
  @CsvSource({"2023-02-15T14-54-37Z, true", "2023-04-03T16-41-28Z, false"})
  void appRoleRetryGoneWithTheEdgeParser(String tag, boolean exists) {
    assertThat(of(tag).hasAppRoleRetry()).isEqualTo(exists);
  }

  @ParameterizedTest
  @CsvSource({"v0.13.0, false", "v0.13.1, true"})
  void vaultCaFromConfigBrokenOnlyInV0130(String tag, boolean read) {
    assertThat(of(tag).readsVaultCaFromConfig()).isEqualTo(read);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.13.0", "v0.13.4", "v0.17.2", "v0.22.3", "2023-10-03T00-48-37Z"})
  void flagReleasesTurnClientVerificationOffOnTheCommandLine(String tag) {
    assertThat(of(tag).serverArgs("/c.yaml", 7373)).containsExactly("server", "--config=/c.yaml", "--auth=off");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-10-24T20-26-51Z", "2023-10-27T22-05-35Z"})
  void releasesWithTheAddrBugGetAddr(String tag) {
    assertThat(of(tag).serverArgs("/c.yaml", 7000)).containsExactly("server", "--config=/c.yaml", "--addr=0.0.0.0:7000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-11-09T17-35-47Z", "2025-03-12T09-35-18Z"})
  void configFieldReleasesNeedOnlyTheConfig(String tag) {
    assertThat(of(tag).serverArgs("/c.yaml", 7373)).containsExactly("server", "--config=/c.yaml");
  }

  @ParameterizedTest
  @CsvSource({
    "v0.13.5, REJECTED", "v0.13.6, STRICT_WITH_LEGACY_FALLBACK", "v0.17.2, STRICT_WITH_LEGACY_FALLBACK", "v0.17.3, IGNORED"
  })
  void unknownFieldHandling(String tag, KesDialect.UnknownFields fields) {
    assertThat(of(tag).unknownFields()).isEqualTo(fields);
  }

  @ParameterizedTest
  @CsvSource({"v0.17.2, GO_FLAG", "v0.17.3, GO_FLAG_OR_PFLAG", "v0.22.0, PFLAG"})
  void flagParser(String tag, KesDialect.FlagParser parser) {
    assertThat(of(tag).flagParser()).isEqualTo(parser);
  }

  @Test
  void noReleaseGetsMlock() {
    for (KesDialect d : KesDialect.values()) {
      assertThat(d.serverArgs("/c.yaml", 7373)).as(d.name()).noneMatch(a -> a.contains("mlock"));
    }
  }
}

package dev.kesgen.access;

import dev.kesgen.kes.KesDialect;
import dev.kesgen.topology.KesVersion;

/**
 * The ranges of KES releases whose policy check and start-up rules differ, with where each was read
 * ({@code K@tag:file:line} in github.com/minio/kes). A new {@link KesDialect} is a compile error in {@link #of}.
 */
enum AuthRange {
  /** v0.13.0 – v0.17.x: {@code auth.Roles}, path.Match, malformed patterns fatal. */
  ROLES(KesPatternMatcher.GO_PATH_MATCH, true, false,
      "K@v0.13.4:cmd/kes/server.go:197-199 with internal/auth/policy.go:129-132",
      "K@v0.13.4:cmd/kes/server.go:197-199"),
  /** v0.18.0 – 2023-02-15: identity sets built in cmd/kes, path.Match, malformed patterns never match. */
  IDENTITY_SET(KesPatternMatcher.GO_PATH_MATCH, false, false, "K@v0.18.0:cmd/kes/config.go:347-349",
      "K@v0.18.0:cmd/kes/config.go:350-352; K@v0.22.3:cmd/kes/gateway.go:516-518"),
  /** 2023-04-03 – 2023-10-03: the edge parser, path.Match. */
  EDGE(KesPatternMatcher.GO_PATH_MATCH, false, false, "K@2023-04-03T16-41-28Z:edge/server-config-yml.go:239-243",
      "K@2023-04-03T16-41-28Z:cmd/kes/gateway.go:308-310"),
  /** 2023-10-24 – 2023-10-27: kes-go v0.2.0's matcher with swapped arguments; names validated. */
  SWAPPED(KesPatternMatcher.PREFIX_ARGUMENTS_SWAPPED, false, true,
      "K@2023-10-24T20-26-51Z:edge/server-config-yml.go:259-262", "K@2023-10-24T20-26-51Z:state.go:257-258"),
  /** 2023-11-09 – 2025-03-12: kesconf, the prefix matcher; names validated. */
  KESCONF(KesPatternMatcher.PREFIX, false, true, "K@2023-11-09T17-35-47Z:kesconf/config.go:269-273",
      "K@2023-11-09T17-35-47Z:state.go:257-258; K@2025-03-12T09-35-18Z:state.go:265-266");

  final KesPatternMatcher matcher;
  /** K@v0.13.4:cmd/kes/server.go:187-190 with policy.go:21-24; K@v0.17.6:cmd/kes/server.go:183-188, policy.go:60-88. */
  final boolean rejectsMalformedPatterns;
  /** Policy, identity and key names {@code [0-9A-Za-z_-]} (K@2023-10-24T20-26-51Z:auth.go:113-133, state.go:244,254). */
  final boolean validatesNames;
  final String adminInPolicySource;
  final String duplicateIdentitySource;

  AuthRange(KesPatternMatcher matcher, boolean rejectsMalformedPatterns, boolean validatesNames,
      String adminInPolicySource, String duplicateIdentitySource) {
    this.matcher = matcher;
    this.rejectsMalformedPatterns = rejectsMalformedPatterns;
    this.validatesNames = validatesNames;
    this.adminInPolicySource = adminInPolicySource;
    this.duplicateIdentitySource = duplicateIdentitySource;
  }

  static AuthRange of(KesVersion version) {
    return switch (KesDialect.of(version)) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_3 -> ROLES;
      // V0_17_6 holds only v tags (v0.17.6 – v0.21.x), so the comparison with a v tag is exact
      case V0_17_6 -> version.isAtLeast("v0.18.0") ? IDENTITY_SET : ROLES;
      case V0_22_0, V0_22_3, D2023_02_15 -> IDENTITY_SET;
      case D2023_04_03, D2023_05_02 -> EDGE;
      case D2023_10_24 -> SWAPPED;
      case D2023_11_09 -> KESCONF;
    };
  }
}

package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionsTest {
  @Test
  void kesReleasesOrderSemverNumericallyThenDateTags() {
    List<KesVersion> sorted = List.of("2023-02-15T14-54-37Z", "v0.13.10", "v0.9.0", "v0.22.3", "v0.13.4",
        "2025-03-12T09-35-18Z").stream().map(KesVersion::of).sorted().toList();

    assertThat(sorted).extracting(KesVersion::tag).containsExactly("v0.9.0", "v0.13.4", "v0.13.10", "v0.22.3",
        "2023-02-15T14-54-37Z", "2025-03-12T09-35-18Z");
  }

  @Test
  void kesBoundaryIsInclusive() {
    assertThat(KesVersion.of("v0.13.6").isAtLeast("v0.13.6")).isTrue();
    assertThat(KesVersion.of("v0.13.5").isAtLeast("v0.13.6")).isFalse();
    assertThat(KesVersion.of("2023-10-24T20-26-51Z").isAtLeast("v0.22.3")).isTrue();
  }

  @Test
  void malformedTagsAreRefused() {
    assertThat(KesVersion.parse("0.13.4")).isEmpty();
    assertThat(KesVersion.parse("v0.13")).isEmpty();
    assertThat(KesVersion.parse("2023-13-01T00-00-00Z")).isEmpty();
    assertThat(MinioVersion.parse("RELEASE.2020-10-09")).isEmpty();
    assertThatThrownBy(() -> MinioVersion.of("latest")).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The tags are parsed without exceptions (their shape and field ranges are checked first) and each once; what a
   * tag is must stay what the formatter alone decides, checked here against it for every field out of range, every
   * day of the year, and malformed shapes, twice (the second time from the cache of parsed tags).
   */
  @Test
  void dateTagsAreReadAsTheFormatterReadsThemAlsoFromTheCache() {
    java.time.format.DateTimeFormatter kes = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'");
    java.time.format.DateTimeFormatter minio =
        java.time.format.DateTimeFormatter.ofPattern("'RELEASE.'uuuu-MM-dd'T'HH-mm-ss'Z'");
    List<String> tags = new java.util.ArrayList<>(List.of("2023-13-01T00-00-00Z", "2023-00-01T00-00-00Z",
        "2023-01-00T00-00-00Z", "2023-01-32T00-00-00Z", "2023-01-01T24-00-00Z", "2023-01-01T23-60-00Z",
        "2023-01-01T23-59-60Z", "2023-01-01T23-59-59Z", "2024-02-30T00-00-00Z", "2023-04-31T10-00-00Z",
        "0000-01-01T00-00-00Z", "9999-12-31T23-59-59Z", "2023-1-01T00-00-00Z", "2023-01-01T00:00:00Z",
        "2023-01-01T00-00-00", "2023-01-01t00-00-00Z", " 2023-01-01T00-00-00Z", "v0.13.4", "", "latest"));
    for (int day = 0; day < 366; day++) {
      tags.add(java.time.LocalDate.of(2024, 1, 1).plusDays(day) + "T12-34-56Z");
      tags.add(String.format("2023-%02d-%02dT00-00-00Z", day / 28 % 14, day % 33));
    }
    for (int round = 0; round < 2; round++) {
      for (String tag : tags) {
        assertThat(KesVersion.parse(tag).flatMap(KesVersion::date)).as(tag).isEqualTo(formatted(kes, tag));
        assertThat(MinioVersion.parse("RELEASE." + tag).map(MinioVersion::date)).as(tag)
            .isEqualTo(formatted(minio, "RELEASE." + tag));
      }
    }
    assertThat(KesVersion.parse("v0.13.4").orElseThrow().date()).isEmpty();
  }

  private static java.util.Optional<java.time.LocalDateTime> formatted(java.time.format.DateTimeFormatter f,
      String tag) {
    try {
      return java.util.Optional.of(java.time.LocalDateTime.parse(tag, f));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  @Test
  void onlyShippedReleasesAreSupported() {
    assertThat(KesVersion.releases()).hasSize(62).allMatch(KesVersion::isSupported);
    assertThat(KesVersion.of("v0.17.9").isSupported()).as("never released").isFalse();
    assertThat(KesVersion.of("v0.13.10").isSupported()).isFalse();
    assertThat(KesVersion.of("2024-02-30T00-00-00Z").isSupported()).as("no such day").isFalse();
    assertThat(KesVersion.of("2024-02-29T08-12-29Z").isSupported()).as("one second after a release").isFalse();
    assertThat(KesVersion.of("v0.12.1").isSupported()).isFalse();
    assertThat(KesVersion.of("2026-01-01T00-00-00Z").isSupported()).isFalse();
  }

  @Test
  void theNearestReleaseOfAVTagIsTheNewestNotNewerThanIt() {
    assertThat(KesVersion.of("v0.17.9").nearestRelease()).hasToString("v0.17.6");
    assertThat(KesVersion.of("v0.13.10").nearestRelease()).hasToString("v0.13.6");
    assertThat(KesVersion.of("v0.14.3").nearestRelease()).hasToString("v0.14.0");
    assertThat(KesVersion.of("v0.23.1").nearestRelease()).hasToString("v0.23.0");
    assertThat(KesVersion.of("v0.22.3").nearestRelease()).hasToString("v0.22.3");
  }

  @Test
  void theNearestReleaseOfADateTagIsTheNearestInTime() {
    assertThat(KesVersion.of("2024-02-30T00-00-00Z").nearestRelease()).hasToString("2024-02-29T08-12-28Z");
    assertThat(KesVersion.of("2024-03-13T17-52-14Z").nearestRelease()).hasToString("2024-03-13T17-52-13Z");
    assertThat(KesVersion.of("2023-01-01T00-00-00Z").nearestRelease()).hasToString("2023-02-15T14-54-37Z");
  }

  @Test
  void tagsBeyondTheLastReleaseAreNewerThanKnown() {
    assertThat(KesVersion.of("2025-03-12T09-35-19Z").isNewerThanKnown()).isTrue();
    assertThat(KesVersion.of("v0.25.0").isNewerThanKnown()).isTrue();
    assertThat(KesVersion.NEWEST.isNewerThanKnown()).isFalse();
    assertThat(KesVersion.of("v0.24.1").isNewerThanKnown()).isFalse();
  }

  @Test
  void minioReleasesOrderByDate() {
    assertThat(MinioVersion.of("RELEASE.2021-05-11T23-27-41Z").isAtLeast("RELEASE.2021-04-22T15-44-28Z")).isTrue();
    assertThat(MinioVersion.of("RELEASE.2020-10-09T22-55-05Z").isAtLeast("RELEASE.2021-05-16T05-32-34Z")).isFalse();
  }

  @Test
  void durationsKeepTheirSpellingAndConvertForGo() {
    GoDuration year = GoDuration.parse("365d").orElseThrow();

    assertThat(year).hasToString("365d");
    assertThat(year.toGoString()).isEqualTo("8760h");
    assertThat(year.seconds()).isEqualTo(365L * 24 * 3600);
    assertThat(GoDuration.parse("24h").orElseThrow().toGoString()).isEqualTo("24h");
    assertThat(GoDuration.parse("1.5h")).isEmpty();
    assertThat(GoDuration.parse("-1h")).isEmpty();
  }
}

package dev.kesgen.topology;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A MinIO server release, {@code RELEASE.YYYY-MM-DDTHH-MM-SSZ}; ordered by its date.
 *
 * @param tag the release tag as written
 */
public record MinioVersion(String tag) implements Comparable<MinioVersion> {
  /** Declared before any constant, which is parsed while the class is initialised. */
  private static final ReleaseDates DATES = new ReleaseDates("RELEASE.");

  public MinioVersion {
    Objects.requireNonNull(tag, "tag");
    if (parseDate(tag).isEmpty()) {
      throw new IllegalArgumentException("not a MinIO release tag: " + tag);
    }
  }

  /** The release with this tag; empty if it is not {@code RELEASE.YYYY-MM-DDTHH-MM-SSZ}. */
  public static Optional<MinioVersion> parse(String tag) {
    return tag == null || parseDate(tag).isEmpty() ? Optional.empty() : Optional.of(new MinioVersion(tag));
  }

  /** The release with this tag; throws {@link IllegalArgumentException} if malformed. */
  public static MinioVersion of(String tag) {
    return new MinioVersion(tag);
  }

  private static Optional<LocalDateTime> parseDate(String tag) {
    return DATES.parse(tag);
  }

  /** The release date and time. */
  public LocalDateTime date() {
    return parseDate(tag).orElseThrow();
  }

  /** Whether this release is {@code other} or newer. */
  public boolean isAtLeast(MinioVersion other) {
    return compareTo(other) >= 0;
  }

  /** Whether this release is {@code tag} (a full {@code RELEASE.} tag) or newer. */
  public boolean isAtLeast(String tag) {
    return isAtLeast(of(tag));
  }

  @Override
  public int compareTo(MinioVersion o) {
    return date().compareTo(o.date());
  }

  @Override
  public String toString() {
    return tag;
  }
}

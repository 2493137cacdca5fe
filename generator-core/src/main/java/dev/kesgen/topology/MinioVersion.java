package dev.kesgen.topology;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A MinIO server release, {@code RELEASE.YYYY-MM-DDTHH-MM-SSZ}; ordered by its date.
 *
 * @param tag the release tag as written
 */
public record MinioVersion(String tag) implements Comparable<MinioVersion> {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("'RELEASE.'uuuu-MM-dd'T'HH-mm-ss'Z'");
  /**
   * Parsed dates by tag: a topology names few releases, but a large one compares them for every tenant, and parsing
   * with a {@link DateTimeFormatter} was a visible share of a 10,000-tenant run. Malformed tags are not kept.
   * Declared before the constants below, which are parsed while the class is initialised.
   */
  private static final java.util.concurrent.ConcurrentMap<String, LocalDateTime> DATES =
      new java.util.concurrent.ConcurrentHashMap<>();


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
    LocalDateTime known = DATES.get(tag);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      LocalDateTime date = LocalDateTime.parse(tag, FORMAT);
      if (DATES.size() < 4096) {
        DATES.putIfAbsent(tag, date);
      }
      return Optional.of(date);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
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

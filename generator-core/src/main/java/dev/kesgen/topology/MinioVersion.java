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
   * with a {@link DateTimeFormatter} was a visible share of a 10,000-tenant run. Malformed tags are kept too (empty),
   * and refused without an exception. Bounded; beyond the bound a tag is parsed each time.
   * Declared before the constants below, which are parsed while the class is initialised.
   */
  private static final java.util.concurrent.ConcurrentMap<String, Optional<LocalDateTime>> DATES =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** The tag's shape; only a tag of this shape, with its fields in range, is given to {@link #FORMAT}. */
  private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(
      "RELEASE\\.([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2})-([0-9]{2})-([0-9]{2})Z");


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
    Optional<LocalDateTime> known = DATES.get(tag);
    if (known != null) {
      return known;
    }
    Optional<LocalDateTime> date = Optional.ofNullable(parseNow(tag));
    if (DATES.size() < 4096) {
      DATES.putIfAbsent(tag, date);
    }
    return date;
  }

  // the formatter's smart resolving reads 2024-02-30 as 2024-02-29, as before this check
  private static LocalDateTime parseNow(String tag) {
    java.util.regex.Matcher m = SHAPE.matcher(tag);
    if (!m.matches() || !in(m.group(2), 1, 12) || !in(m.group(3), 1, 31) || !in(m.group(4), 0, 24)
        || !in(m.group(5), 0, 59) || !in(m.group(6), 0, 59)) {
      return null;
    }
    try {
      return LocalDateTime.parse(tag, FORMAT);
    } catch (DateTimeParseException e) {
      return null; // hour 24 with minutes or seconds (24-00-00 is the next midnight): rare, and then cached
    }
  }

  private static boolean in(String digits, int min, int max) {
    int value = Integer.parseInt(digits);
    return value >= min && value <= max;
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

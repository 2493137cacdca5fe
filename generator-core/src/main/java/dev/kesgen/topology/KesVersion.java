package dev.kesgen.topology;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KES release: {@code vX.Y.Z} up to v0.22.x, then date tags {@code YYYY-MM-DDTHH-MM-SSZ} (from 2023-02-15).
 * Every date release orders after every {@code v} release.
 *
 * @param tag the image tag as written, for example {@code v0.13.4} or {@code 2024-03-13T17-52-13Z}
 */
public record KesVersion(String tag) implements Comparable<KesVersion> {
  private static final Pattern SEMVER = Pattern.compile("v(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");
  private static final DateTimeFormatter DATE_TAG = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'");
  /**
   * Parsed dates by tag: a topology names few releases, but a large one compares them for every tenant, and parsing
   * with a {@link DateTimeFormatter} was a visible share of a 10,000-tenant run. Malformed tags are not kept.
   * Declared before the constants below, which are parsed while the class is initialised.
   */
  private static final java.util.concurrent.ConcurrentMap<String, LocalDateTime> DATES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final Comparator<KesVersion> ORDER =
      Comparator.comparing((KesVersion v) -> v.date().isPresent())
          .thenComparing(v -> v.date().orElse(LocalDateTime.MIN))
          .thenComparingInt(v -> v.semver()[0])
          .thenComparingInt(v -> v.semver()[1])
          .thenComparingInt(v -> v.semver()[2]);

  /** The oldest release kesgen generates configuration for (declared after the patterns it is checked with). */
  public static final KesVersion OLDEST = new KesVersion("v0.13.0");

  /** The last KES release (upstream KES was deprecated in 2025-05); later tags are unknown to kesgen. */
  public static final KesVersion NEWEST = new KesVersion("2025-03-12T09-35-18Z");

  /** The first release that reads {@code keystore.vault.version}, and so can use KV version 2. */
  public static final KesVersion FIRST_WITH_KV_V2 = new KesVersion("v0.15.0");

  /**
   * Whether kesgen knows this release: v0.13.0 up to {@link #NEWEST}. The v0.23.0 and v0.24.0 tags are Go-module
   * tags of date releases (minio/kes), so v0.x tags are known up to v0.24.x.
   */
  public boolean isSupported() {
    if (!isAtLeast(OLDEST)) {
      return false;
    }
    return date().isPresent() ? compareTo(NEWEST) <= 0 : compareTo(new KesVersion("v0.25.0")) < 0;
  }

  public KesVersion {
    Objects.requireNonNull(tag, "tag");
    if (!SEMVER.matcher(tag).matches() && parseDate(tag).isEmpty()) {
      throw new IllegalArgumentException("not a KES release tag: " + tag);
    }
  }

  /** The release with this tag; empty if the tag has neither form. */
  public static Optional<KesVersion> parse(String tag) {
    if (tag == null || (!SEMVER.matcher(tag).matches() && parseDate(tag).isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new KesVersion(tag));
  }

  /** The release with this tag; throws {@link IllegalArgumentException} if it has neither form. */
  public static KesVersion of(String tag) {
    return new KesVersion(tag);
  }

  private static Optional<LocalDateTime> parseDate(String tag) {
    LocalDateTime known = DATES.get(tag);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      LocalDateTime date = LocalDateTime.parse(tag, DATE_TAG);
      if (DATES.size() < 4096) {
        DATES.putIfAbsent(tag, date);
      }
      return Optional.of(date);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The release date of a date tag; empty for a {@code v} tag. */
  public Optional<LocalDateTime> date() {
    return parseDate(tag);
  }

  private int[] semver() {
    Matcher m = SEMVER.matcher(tag);
    if (!m.matches()) {
      return new int[] {0, 0, 0};
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  /** Whether this release is {@code other} or newer. */
  public boolean isAtLeast(KesVersion other) {
    return compareTo(other) >= 0;
  }

  /** Whether this release is {@code tag} or newer. */
  public boolean isAtLeast(String tag) {
    return isAtLeast(of(tag));
  }

  @Override
  public int compareTo(KesVersion o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return tag;
  }
}

package dev.kesgen.topology;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of release tags {@code <prefix>YYYY-MM-DDTHH-MM-SSZ}, parsed once per tag: a topology names few
 * releases, but a large one compares them for every tenant, and parsing with a {@link DateTimeFormatter} (and
 * failing to, for every KES {@code v} tag) was a visible share of a 10,000-tenant run. Failed parses are kept too
 * (empty), and refused without an exception: only a tag of the date shape with its fields in range is given to the
 * formatter. At most {@value #KEPT} tags are kept; beyond the bound a tag is parsed each time.
 */
final class ReleaseDates {
  private static final int KEPT = 4096;

  private final DateTimeFormatter format;
  private final Pattern shape;
  private final ConcurrentMap<String, Optional<LocalDateTime>> dates = new ConcurrentHashMap<>();

  /** Tags of the date format after a literal {@code prefix} (empty for none). */
  ReleaseDates(String prefix) {
    this.format = DateTimeFormatter.ofPattern((prefix.isEmpty() ? "" : "'" + prefix + "'")
        + "uuuu-MM-dd'T'HH-mm-ss'Z'");
    this.shape = Pattern.compile((prefix.isEmpty() ? "" : Pattern.quote(prefix))
        + "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2})-([0-9]{2})-([0-9]{2})Z");
  }

  /** The date of this tag; empty if it does not have the format. */
  Optional<LocalDateTime> parse(String tag) {
    Optional<LocalDateTime> known = dates.get(tag);
    if (known != null) {
      return known;
    }
    Optional<LocalDateTime> date = Optional.ofNullable(parseNow(tag));
    if (dates.size() < KEPT) {
      dates.putIfAbsent(tag, date);
    }
    return date;
  }

  // the formatter's smart resolving reads 2024-02-30 as 2024-02-29, as before the shape check
  private LocalDateTime parseNow(String tag) {
    Matcher m = shape.matcher(tag);
    if (!m.matches() || !in(m.group(2), 1, 12) || !in(m.group(3), 1, 31) || !in(m.group(4), 0, 24)
        || !in(m.group(5), 0, 59) || !in(m.group(6), 0, 59)) {
      return null;
    }
    try {
      return LocalDateTime.parse(tag, format);
    } catch (DateTimeParseException e) {
      return null; // hour 24 with minutes or seconds (24-00-00 is the next midnight): rare, and then kept
    }
  }

  private static boolean in(String digits, int min, int max) {
    int value = Integer.parseInt(digits);
    return value >= min && value <= max;
  }
}

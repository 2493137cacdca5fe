package dev.kesgen.topology;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The dates of release tags in one format, parsed once per tag: a topology names few releases, but a large one
 * compares them for every tenant, and parsing with a {@link DateTimeFormatter} was a visible share of a
 * 10,000-tenant run. Malformed tags are not kept, and at most {@value #KEPT} tags are.
 */
final class ReleaseDates {
  private static final int KEPT = 4096;

  private final DateTimeFormatter format;
  private final ConcurrentMap<String, LocalDateTime> dates = new ConcurrentHashMap<>();

  ReleaseDates(String pattern) {
    this.format = DateTimeFormatter.ofPattern(pattern);
  }

  /** The date of this tag; empty if it does not have the format. */
  Optional<LocalDateTime> parse(String tag) {
    LocalDateTime known = dates.get(tag);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      LocalDateTime date = LocalDateTime.parse(tag, format);
      if (dates.size() < KEPT) {
        dates.putIfAbsent(tag, date);
      }
      return Optional.of(date);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

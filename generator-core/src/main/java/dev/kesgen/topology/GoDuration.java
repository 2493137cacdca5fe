package dev.kesgen.topology;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as written in the topology ({@code <n>s|m|h|d}), kept with its spelling so output can repeat it.
 *
 * @param amount the number, at least 0
 * @param unit one of {@code s m h d}
 */
public record GoDuration(long amount, char unit) {
  private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,9})([smhd])");

  public GoDuration {
    if (amount < 0) {
      throw new IllegalArgumentException("negative duration: " + amount);
    }
    if ("smhd".indexOf(unit) < 0) {
      throw new IllegalArgumentException("unit must be one of s, m, h, d: " + unit);
    }
  }

  /** Parses {@code <n>s|m|h|d}; empty if the text has another form. */
  public static java.util.Optional<GoDuration> parse(String text) {
    Matcher m = SYNTAX.matcher(Objects.requireNonNull(text, "text"));
    if (!m.matches()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new GoDuration(Long.parseLong(m.group(1)), m.group(2).charAt(0)));
  }

  /** The same span as a {@link Duration}. */
  public Duration toDuration() {
    return switch (unit) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** The span in whole seconds. */
  public long seconds() {
    return toDuration().getSeconds();
  }

  /**
   * The duration as Go's {@code time.ParseDuration} and Vault read it: days become hours, since Go knows no
   * {@code d}.
   */
  public String toGoString() {
    return unit == 'd' ? (amount * 24) + "h" : amount + String.valueOf(unit);
  }

  /** The topology spelling, for example {@code 365d}. */
  @Override
  public String toString() {
    return amount + String.valueOf(unit);
  }
}

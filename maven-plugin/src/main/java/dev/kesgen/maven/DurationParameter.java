package dev.kesgen.maven;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/** Reads a duration parameter written as {@code <n>s}, {@code <n>m}, {@code <n>h} or {@code <n>d}, like {@code 30d}. */
final class DurationParameter {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

  private DurationParameter() {}

  /** The duration, or empty when the parameter is not set. */
  static Optional<Duration> parse(String property, String value) throws MojoFailureException {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(value.trim());
    if (!m.matches()) {
      throw new MojoFailureException(property + " '" + value
          + "' is not a duration: write a whole number and a unit s, m, h or d, for example 30d or 12h");
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    });
  }
}

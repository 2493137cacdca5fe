package dev.kesgen.cli;

import java.util.Locale;
import picocli.CommandLine;

/** How check, validate, plan, generate and rotate report: lines for people, or one JSON document for CI. */
enum Format {
  TEXT,
  JSON;

  /** Reads {@code text} or {@code json}, as the help spells them, and says so when given anything else. */
  static final class Converter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "text" -> TEXT;
        case "json" -> JSON;
        default -> throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a format: write text or json");
      };
    }
  }
}

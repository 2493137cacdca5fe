package dev.kesgen.render;

import com.github.jknack.handlebars.Formatter;

/**
 * Decides what {@code {{value}}} may print: strings, integers, BigDecimal and booleans; a null
 * value, a map, a list, a record or a floating-point number is an error rather than a guess.
 */
final class PrintFormatter implements Formatter {
  @Override
  public Object format(Object value, Chain next) {
    if (value instanceof NullValue) {
      throw new TemplateFailure("is null; guard it with {{#if}}", 0, null);
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    try {
      return Quoting.scalar(value);
    } catch (IllegalArgumentException e) {
      throw new TemplateFailure("cannot be printed: " + e.getMessage(), 0, null);
    }
  }
}

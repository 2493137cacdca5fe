package dev.kesgen.render;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The helpers that make a value safe in the output language; see {@link Renderer} for the list.
 */
final class OutputHelpers {
  private static final Map<String, Function<Object, String>> QUOTES =
      Map.of("yaml", Quoting::jsonLiteral, "json", Quoting::jsonLiteral, "hcl", Quoting::hclLiteral,
          "sh", Quoting::shWord);

  private OutputHelpers() {}

  static Map<String, Helper<?>> all() {
    Map<String, Helper<?>> helpers = new TreeMap<>();
    QUOTES.forEach((name, quote) -> helpers.put(name, (Helper<Object>) (value, options) -> {
      arity(options, 1);
      return quote(quote, scalar(value, 1));
    }));
    helpers.put("indent", (Helper<Object>) OutputHelpers::indent);
    helpers.put("join", (Helper<Object>) OutputHelpers::join);
    helpers.put("mermaidId", (Helper<Object>) OutputHelpers::mermaidId);
    return helpers;
  }

  private static Object indent(Object value, Options options) {
    arity(options, 2);
    Object text = scalar(value, 1);
    if (!(text instanceof CharSequence)) {
      throw new TemplateFailure("must be a string to indent, found " + Quoting.describe(text), 1, null);
    }
    Object spaces = scalar(options.params[0], 2);
    if (!(spaces instanceof Integer count)) {
      throw new TemplateFailure("must be a whole number of spaces, found " + Quoting.describe(spaces), 2, null);
    }
    try {
      return Indent.indent(text.toString(), count);
    } catch (IllegalArgumentException e) {
      throw new TemplateFailure(e.getMessage(), 2, null);
    }
  }

  private static Object join(Object value, Options options) {
    arity(options, 2);
    StrictHelpers.requirePresent(value, 1);
    if (!(value instanceof Collection<?> items) || value instanceof NullValue) {
      throw new TemplateFailure("must be a list to join, found " + Quoting.describe(value), 1, null);
    }
    Object separator = scalar(options.params[0], 2);
    if (!(separator instanceof CharSequence)) {
      throw new TemplateFailure("must be a string separator, found " + Quoting.describe(separator), 2, null);
    }
    Function<Object, String> quote = quoteOption(options);
    StringJoiner joined = new StringJoiner(separator.toString());
    for (Object item : items) {
      if (item == null) {
        throw new TemplateFailure("contains null", 1, null);
      }
      joined.add(quote(quote, item));
    }
    return joined.toString();
  }

  /**
   * A Mermaid node id from one or more strings: joined with '_', every character but ASCII letters, digits and '_'
   * replaced by '_' ({@code {{mermaidId "t" instance tenant}}} gives {@code t_dev_gecko_1} for {@code dev},
   * {@code gecko-1}).
   */
  private static Object mermaidId(Object value, Options options) {
    if (!options.hash.isEmpty()) {
      throw new TemplateFailure("mermaidId takes no options", -1, null);
    }
    StringBuilder id = new StringBuilder();
    Object[] parts = new Object[options.params.length + 1];
    parts[0] = value;
    System.arraycopy(options.params, 0, parts, 1, options.params.length);
    for (int i = 0; i < parts.length; i++) {
      Object part = scalar(parts[i], i + 1);
      if (!(part instanceof CharSequence text)) {
        throw new TemplateFailure("must be a string, found " + Quoting.describe(part), i + 1, null);
      }
      if (i > 0) {
        id.append('_');
      }
      text.chars().forEach(c -> id.append(
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? (char) c : '_'));
    }
    return id.toString();
  }

  private static Function<Object, String> quoteOption(Options options) {
    if (options.hash.size() > 1 || (options.hash.size() == 1 && !options.hash.containsKey("quote"))) {
      throw new TemplateFailure("join takes only the option quote=", -1, null);
    }
    Object quote = options.hash.get("quote");
    if (quote == null && !options.hash.containsKey("quote")) {
      return OutputHelpers::plain;
    }
    Function<Object, String> function = quote instanceof CharSequence name ? QUOTES.get(name.toString()) : null;
    if (function == null) {
      throw new TemplateFailure(
          "join's quote= must be one of " + new TreeMap<>(QUOTES).keySet() + ", found " + quote, -1, null);
    }
    return function;
  }

  private static String plain(Object item) {
    return item instanceof CharSequence text ? text.toString() : Quoting.scalar(item);
  }

  private static String quote(Function<Object, String> quote, Object value) {
    try {
      return quote.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TemplateFailure(e.getMessage(), -1, null);
    }
  }

  /** The value as found, failing if it was missing or null. */
  private static Object scalar(Object value, int word) {
    StrictHelpers.requirePresent(value, word);
    if (value instanceof NullValue) {
      throw new TemplateFailure("is null", word, null);
    }
    return value;
  }

  private static void arity(Options options, int count) {
    Integer size = options.data(Context.PARAM_SIZE);
    if (size == null || size != count) {
      throw new TemplateFailure(
          "takes " + count + (count == 1 ? " argument" : " arguments") + ", found " + size, 0, options.helperName);
    }
  }
}

package dev.kesgen.render;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Decorator;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.HelperRegistry;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.helper.EachHelper;
import com.github.jknack.handlebars.helper.IfHelper;
import com.github.jknack.handlebars.helper.InlineDecorator;
import com.github.jknack.handlebars.helper.UnlessHelper;
import com.github.jknack.handlebars.helper.WithHelper;
import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The only helpers kesgen templates can call: strict {@code if}, {@code unless}, {@code with},
 * {@code each}, the output helpers, and a {@code helperMissing} that fails.
 *
 * <p>Handlebars' default registry also offers {@code i18n} (depends on the default locale), {@code
 * log} (writes to a logger) and JavaScript helpers; none of them belongs in deterministic output,
 * so this registry replaces it instead of extending it.
 */
final class StrictHelpers implements HelperRegistry {
  private static final Set<String> SECTION_HELPERS =
      Set.of(IfHelper.NAME, UnlessHelper.NAME, WithHelper.NAME, EachHelper.NAME);

  private final Map<String, Helper<?>> helpers = new TreeMap<>();
  private final Map<String, Decorator> decorators = new TreeMap<>();

  StrictHelpers() {
    helpers.put(IfHelper.NAME, strict(IfHelper.INSTANCE));
    helpers.put(UnlessHelper.NAME, strict(UnlessHelper.INSTANCE));
    helpers.put(WithHelper.NAME, strict(WithHelper.INSTANCE));
    helpers.put(EachHelper.NAME, (Helper<Object>) (context, options) -> {
      requireOneArgument(options);
      requirePresent(context, 1);
      requireStableOrder(context);
      return EachHelper.INSTANCE.apply(context, options);
    });
    helpers.put(HELPER_MISSING, (Helper<Object>) StrictHelpers::missing);
    helpers.putAll(OutputHelpers.all());
    // {{#*inline "name"}} partials are part of the language, not an optional helper
    decorators.put("inline", InlineDecorator.INSTANCE);
  }

  private static Helper<Object> strict(Helper<Object> delegate) {
    return (context, options) -> {
      requireOneArgument(options);
      requirePresent(context, 1);
      return delegate.apply(context, options);
    };
  }

  // without an argument Handlebars would test the current context object, which is always true
  private static void requireOneArgument(Options options) {
    Integer size = options.data(Context.PARAM_SIZE);
    if (size == null || size != 1) {
      throw new TemplateFailure("takes 1 argument, found " + size, 0, options.helperName);
    }
  }

  /** Fails unless {@code value} was found in the context; {@code word} is its place in the tag. */
  static void requirePresent(Object value, int word) {
    if (value == null) {
      throw new TemplateFailure("is missing from the context", word, null);
    }
  }

  private static void requireStableOrder(Object context) {
    boolean stable =
        context instanceof List<?> || context instanceof SortedSet<?> || context instanceof LinkedHashSet<?>
            || context instanceof SortedMap<?, ?> || context instanceof LinkedHashMap<?, ?>
            || context instanceof Record;
    if (!stable) {
      throw new TemplateFailure(
          "cannot be iterated in a stable order (" + context.getClass().getName()
              + "); pass a List, a SortedMap or LinkedHashMap, a SortedSet or LinkedHashSet",
          1, null);
    }
  }

  private static Object missing(Object context, Options options) {
    Integer paramSize = options.data(Context.PARAM_SIZE);
    boolean bare = (paramSize == null || paramSize == 0) && options.hash.isEmpty();
    if (options.tagType == TagType.SECTION && SECTION_HELPERS.contains(options.helperName)) {
      // {{#name}} with no helper of that name: Handlebars looked the name up as a value
      throw new TemplateFailure("is neither a value in the context nor a helper", 0, null);
    }
    if (bare && options.tagType != TagType.SECTION) {
      throw new TemplateFailure("is missing from the context (and is not a helper)", 0, options.helperName);
    }
    throw new TemplateFailure("is not a helper", 0, options.helperName);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <C> Helper<C> helper(String name) {
    return (Helper<C>) helpers.get(name);
  }

  @Override
  public Set<Entry<String, Helper<?>>> helpers() {
    return helpers.entrySet();
  }

  @Override
  public <H> HelperRegistry registerHelper(String name, Helper<H> helper) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public <H> HelperRegistry registerHelperMissing(Helper<H> helper) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public HelperRegistry registerHelpers(Object helperSource) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public HelperRegistry registerHelpers(Class<?> helperSource) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public HelperRegistry registerHelpers(URI location) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public HelperRegistry registerHelpers(File input) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public HelperRegistry registerHelpers(String filename, Reader source) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public HelperRegistry registerHelpers(String filename, InputStream source) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public HelperRegistry registerHelpers(String filename, String source) {
    throw new UnsupportedOperationException("kesgen's helpers are fixed");
  }

  @Override
  public Decorator decorator(String name) {
    return decorators.get(name);
  }

  @Override
  public HelperRegistry registerDecorator(String name, Decorator decorator) {
    throw new UnsupportedOperationException("kesgen's decorators are fixed");
  }

  @Override
  public HelperRegistry setCharset(Charset charset) {
    // templates are read as UTF-8 by TemplateCatalog; no helper reads files
    return this;
  }
}

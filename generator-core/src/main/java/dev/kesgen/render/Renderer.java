package dev.kesgen.render;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders named Handlebars templates strictly and deterministically, knowing nothing of what they
 * produce.
 *
 * <p><b>Templates.</b> The embedded templates live under a classpath root (for kesgen {@value
 * #EMBEDDED_TEMPLATES}, in the kesgen-templates jar) whose {@code index.txt} lists every template
 * by its path below the root, for example {@code vault/policy.hcl.hbs}. A user template directory,
 * if given, overrides a template by holding a file at the same relative path; a file there that
 * matches no listed template is an error. Partials are templates too: {@code {{> kes/tls}}} and
 * {@code {{> kes/tls.hbs}}} both name {@code kes/tls.hbs}, and a user file overrides them the same way.
 * Every template is read and compiled when the renderer is created, so a syntax error in an
 * override is reported before anything is rendered.
 *
 * <p><b>Context.</b> The context is plain data built from JDK types. A name is looked up in the
 * current object only (as in handlebars.js; use {@code ../name} or {@code @root.name} to reach
 * outwards):
 * <ul>
 *   <li>a {@code Map} resolves its keys; a record resolves its components through their accessors;
 *       nothing else has properties (no getters, fields or methods);
 *   <li>a name that does not exist is an error naming the template, line, column and the name;
 *       printing or quoting a value that is null, or {@code Optional.empty()}, is an error too;
 *   <li>a value that exists but is null, empty, false or 0 is false in {@code {{#if}}} and
 *       {@code {{#unless}}}; {@code Optional.of(x)} is {@code x};
 *   <li>{@code {{#each}}} takes a {@code List}, {@code SortedSet}, {@code LinkedHashSet}, {@code
 *       SortedMap}, {@code LinkedHashMap} or record, so the output order never depends on hashing;
 *       maps iterated this way must not hold null values;
 *   <li>{@code {{value}}} prints strings, integers, BigDecimal (plain notation) and booleans, never
 *       maps, lists, records or floating-point numbers. Nothing is HTML-escaped.
 * </ul>
 *
 * <p><b>Helpers.</b> Only these exist; any other name called as a helper is an error.
 * <ul>
 *   <li>{@code if}, {@code unless}, {@code with}, {@code each}: as in Handlebars, but the argument
 *       must exist in the context;
 *   <li>{@code {{yaml v}}}, {@code {{json v}}}: a string as a double-quoted literal with JSON
 *       escapes (also a valid YAML scalar, every control and non-printable character escaped);
 *       integers, BigDecimal and booleans as plain literals;
 *   <li>{@code {{hcl v}}}: an HCL quoted string, escaping {@code ${} as {@code $${} and {@code %{}
 *       as {@code %%{}; numbers and booleans plain;
 *   <li>{@code {{sh v}}}: a POSIX sh word in single quotes; numbers and booleans plain;
 *   <li>{@code {{indent text n}}}: every line of {@code text}, the first included, indented by
 *       {@code n} spaces, blank lines left empty and one final line break dropped; put it at the
 *       start of its own line, for example below a YAML {@code key: |};
 *   <li>{@code {{join list sep}}}: the items joined by {@code sep}; {@code quote="hcl"} (or
 *       {@code yaml}, {@code json}, {@code sh}) quotes every item first;
 *   <li>{@code {{mermaidId s ...}}}: a Mermaid node id from one or more strings, joined with
 *       {@code _}, every character but ASCII letters, digits and {@code _} replaced by {@code _}.
 * </ul>
 *
 * <p><b>Output.</b> Standalone block tags ({@code {{#each}}} alone on a line) leave no line behind.
 * The result is normalised: LF line ends, no spaces or tabs at line ends, no blank lines at the
 * end, exactly one final LF ("" stays ""). A renderer is immutable and thread-safe; it caches
 * compiled templates, so build one and render many contexts with it.
 *
 * <pre>{@code
 * Renderer renderer = Renderer.create(Renderer.EMBEDDED_TEMPLATES, Optional.of(Path.of("my-templates")));
 * String policy = renderer.render("vault/policy.hcl.hbs", Map.of("instance", "kes-a"));
 * }</pre>
 */
public final class Renderer {
  /** The classpath root of kesgen's own templates. */
  public static final String EMBEDDED_TEMPLATES = "dev/kesgen/templates";

  private final TemplateCatalog catalog;
  private final Map<String, Template> compiled;

  private Renderer(TemplateCatalog catalog, Map<String, Template> compiled) {
    this.catalog = catalog;
    this.compiled = compiled;
  }

  /**
   * A renderer for the templates listed in {@code classpathRoot/index.txt}, each replaced by the
   * file of the same relative path in {@code userTemplateDirectory} where there is one.
   *
   * @throws RenderException if the index or a template cannot be read, a user file matches no
   *     template, or a template does not compile
   */
  public static Renderer create(String classpathRoot, Optional<Path> userTemplateDirectory) throws RenderException {
    Objects.requireNonNull(classpathRoot, "classpathRoot");
    Objects.requireNonNull(userTemplateDirectory, "userTemplateDirectory");
    TemplateCatalog catalog = TemplateCatalog.load(Renderer.class.getClassLoader(), classpathRoot, userTemplateDirectory);
    Handlebars handlebars = new Handlebars(new CatalogLoader(catalog))
        .with(new StrictHelpers())
        .with(EscapingStrategy.NOOP)
        .with(new CompiledCache())
        .with(new PrintFormatter())
        .prettyPrint(true)
        .parentScopeResolution(false);
    Map<String, Template> compiled = new TreeMap<>();
    for (String name : catalog.texts().keySet()) {
      try {
        compiled.put(name, handlebars.compile(name));
      } catch (HandlebarsException e) {
        throw translate(catalog, name, e);
      } catch (IOException e) {
        throw new RenderException("cannot compile " + name + ": " + e.getMessage(), name, 0, 0);
      }
    }
    return new Renderer(catalog, Collections.unmodifiableMap(compiled));
  }

  /** Every template name, sorted, as listed in the index. */
  public List<String> templateNames() {
    return List.copyOf(catalog.texts().keySet());
  }

  /** The names of the templates a user file replaces, sorted. */
  public List<String> overriddenTemplates() {
    return catalog.texts().keySet().stream().filter(name -> catalog.override(name).isPresent()).toList();
  }

  /**
   * The template {@code templateName} rendered with {@code context} and normalised.
   *
   * @param templateName a name from {@link #templateNames()}
   * @param context the root object, usually a record or a {@code Map<String, Object>}
   * @throws RenderException naming the template, line, column and culprit, if a value or helper is
   *     missing, a value cannot be printed, or a helper refuses its arguments
   */
  public String render(String templateName, Object context) throws RenderException {
    Objects.requireNonNull(context, "context");
    Template template = compiled.get(templateName);
    if (template == null) {
      throw new RenderException(
          "no template " + templateName + "; the templates are: " + String.join(", ", compiled.keySet()));
    }
    Context root = Context.newBuilder(context).resolver(StrictResolver.INSTANCE, MapValueResolver.INSTANCE).build();
    try {
      return Normaliser.normalise(template.apply(root));
    } catch (HandlebarsException e) {
      throw translate(catalog, templateName, e);
    } catch (TemplateFailure e) {
      throw new RenderException(templateName + ": " + e.problem, templateName, 0, 0);
    } catch (IOException e) {
      throw new RenderException(templateName + ": " + e.getMessage(), templateName, 0, 0);
    } finally {
      root.destroy();
    }
  }

  private static RenderException translate(TemplateCatalog catalog, String rendered, HandlebarsException e) {
    HandlebarsError error = e.getError();
    if (error == null) {
      return new RenderException(rendered + ": " + rootMessage(e), rendered, 0, 0);
    }
    String file = error.filename == null ? rendered : TemplateCatalog.canonical(error.filename);
    // Handlebars counts columns from 0; editors and our messages count from 1
    int column = error.column + 1;
    Optional<String> tag = Optional.ofNullable(catalog.texts().get(file))
        .flatMap(text -> TagText.at(text, error.line, error.column));
    TemplateFailure failure = failure(e);
    String what;
    if (failure == null) {
      what = error.reason == null ? rootMessage(e) : error.reason;
    } else {
      String subject = failure.subject != null ? failure.subject
          : tag.flatMap(t -> TagText.word(t, failure.word)).orElse(null);
      what = subject == null || failure.word < 0 ? failure.problem : "'" + subject + "' " + failure.problem;
    }
    // a user's file is named by its path, so the message points at what they can open
    String where = catalog.override(file).map(Path::toString).orElse(file) + ":" + error.line + ":" + column + ": ";
    return new RenderException(where + what + tag.map(t -> ", in " + t).orElse(""), file, error.line, column);
  }

  private static TemplateFailure failure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TemplateFailure failure) {
        return failure;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}

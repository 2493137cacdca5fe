package dev.kesgen.render;

import com.github.jknack.handlebars.Parser;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.TemplateCache;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiled templates and partials of one {@link Renderer}, keyed by name and text.
 *
 * <p>Keyed by text as well because Handlebars hands an indented standalone partial to the cache as
 * a source equal to the unindented one (see Partial#partial in Handlebars.java 4.5); Handlebars'
 * own ConcurrentMapTemplateCache would then serve whichever indentation was compiled first.
 */
final class CompiledCache implements TemplateCache {
  private record Key(String filename, String text) {}

  private final ConcurrentMap<Key, Template> templates = new ConcurrentHashMap<>();

  @Override
  public Template get(TemplateSource source, Parser parser) throws IOException {
    Key key = new Key(source.filename(), source.content(StandardCharsets.UTF_8));
    Template template = templates.get(key);
    if (template == null) {
      template = parser.parse(source);
      Template raced = templates.putIfAbsent(key, template);
      if (raced != null) {
        template = raced;
      }
    }
    return template;
  }

  @Override
  public void clear() {
    templates.clear();
  }

  @Override
  public void evict(TemplateSource source) {
    templates.keySet().removeIf(key -> key.filename().equals(source.filename()));
  }

  @Override
  public TemplateCache setReload(boolean reload) {
    // nothing to reload: a catalogue's templates never change
    return this;
  }
}

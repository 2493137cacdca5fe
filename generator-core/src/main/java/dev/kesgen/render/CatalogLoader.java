package dev.kesgen.render;

import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Serves templates and partials to Handlebars from a {@link TemplateCatalog}, never from disk. */
final class CatalogLoader implements TemplateLoader {
  private final TemplateCatalog catalog;

  CatalogLoader(TemplateCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public TemplateSource sourceAt(String location) throws IOException {
    return new Source(TemplateCatalog.canonical(location), catalog.text(location));
  }

  @Override
  public String resolve(String location) {
    return TemplateCatalog.canonical(location);
  }

  @Override
  public String getPrefix() {
    return "";
  }

  @Override
  public String getSuffix() {
    return TemplateCatalog.SUFFIX;
  }

  @Override
  public void setPrefix(String prefix) {
    throw new UnsupportedOperationException("the catalogue has no prefix");
  }

  @Override
  public void setSuffix(String suffix) {
    throw new UnsupportedOperationException("the catalogue's suffix is fixed");
  }

  @Override
  public void setCharset(Charset charset) {
    // the catalogue has already decoded every template as UTF-8
  }

  @Override
  public Charset getCharset() {
    return StandardCharsets.UTF_8;
  }

  /** A template's name and text; equal sources compile to the same template. */
  record Source(String filename, String text) implements TemplateSource {
    @Override
    public String content(Charset charset) {
      return text;
    }

    @Override
    public long lastModified() {
      // a fixed value: the catalogue never changes, and nothing may depend on file times
      return 0;
    }
  }
}

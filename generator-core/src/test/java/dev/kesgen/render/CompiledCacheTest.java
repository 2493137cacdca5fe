package dev.kesgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import org.junit.jupiter.api.Test;

class CompiledCacheTest {
  final Handlebars handlebars = new Handlebars();

  @Test
  void theSameSourceIsCompiledOnce() throws Exception {
    CompiledCache cache = new CompiledCache();

    Template first = cache.get(new CatalogLoader.Source("a.hbs", "{{x}}"), handlebars::compile);
    Template second = cache.get(new CatalogLoader.Source("a.hbs", "{{x}}"), source -> {
      throw new AssertionError("compiled twice");
    });

    assertThat(second).isSameAs(first);
  }

  @Test
  void theSameNameWithOtherTextIsCompiledSeparately() throws Exception {
    CompiledCache cache = new CompiledCache();

    Template plain = cache.get(new CatalogLoader.Source("a.hbs", "{{x}}"), handlebars::compile);
    Template indented = cache.get(new CatalogLoader.Source("a.hbs", "  {{x}}"), handlebars::compile);

    assertThat(indented).isNotSameAs(plain);
    assertThat(indented.apply(java.util.Map.of("x", 1))).isEqualTo("  1");
  }
}

package dev.kesgen.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateOverrideTest {
  static final String ROOT = RendererTest.ROOT;

  @TempDir Path userDir;

  @Test
  void aUserFileReplacesTheEmbeddedTemplate() throws Exception {
    Files.writeString(userDir.resolve("greeting.txt.hbs"), "Hi {{name}}.\n");

    Renderer renderer = Renderer.create(ROOT, Optional.of(userDir));

    assertThat(renderer.render("greeting.txt.hbs", Map.of("name", "Ann"))).isEqualTo("Hi Ann.\n");
    assertThat(renderer.overriddenTemplates()).containsExactly("greeting.txt.hbs");
  }

  @Test
  void aUserPartialReplacesTheEmbeddedPartial() throws Exception {
    Files.createDirectories(userDir.resolve("partials"));
    Files.writeString(userDir.resolve("partials/header.hbs"), "<!-- {{source}} -->\n");

    String out = Renderer.create(ROOT, Optional.of(userDir))
        .render("summary.md.hbs", Map.of("source", "t.yaml", "tenants", List.of(), "note", false));

    assertThat(out).startsWith("<!-- t.yaml -->\n");
  }

  @Test
  void templatesNotOverriddenStayEmbedded() throws Exception {
    Files.writeString(userDir.resolve("greeting.txt.hbs"), "Hi\n");

    assertThat(Renderer.create(ROOT, Optional.of(userDir)).render("scratch.txt.hbs", Map.of()))
        .isEqualTo("embedded scratch\n");
  }

  @Test
  void aUserFileMatchingNoTemplateIsAnErrorListingTheValidNames() throws Exception {
    Files.createDirectories(userDir.resolve("vault"));
    Files.writeString(userDir.resolve("greeting.txt.hbs"), "Hi\n");
    Files.writeString(userDir.resolve("vault/polcy.hcl.hbs"), "x\n");
    Files.writeString(userDir.resolve("greeting.hbs"), "x\n");

    assertThatThrownBy(() -> Renderer.create(ROOT, Optional.of(userDir)))
        .isInstanceOf(RenderException.class)
        .hasMessage("the template directory " + userDir + " has files that override no kesgen template: "
            + "greeting.hbs, vault/polcy.hcl.hbs. Rename each to one of: greeting.txt.hbs, partials/header.hbs, "
            + "scratch.txt.hbs, scratch/partial.hbs, summary.md.hbs");
  }

  @Test
  void aMissingUserDirectoryIsAnError() {
    Path missing = userDir.resolve("nope");

    assertThatThrownBy(() -> Renderer.create(ROOT, Optional.of(missing)))
        .hasMessage("the template directory " + missing + " does not exist or is not a directory");
  }

  @Test
  void aSyntaxErrorInAnOverrideIsReportedWhenTheRendererIsCreated() throws Exception {
    Files.writeString(userDir.resolve("greeting.txt.hbs"), "line one\nHi {{name\n");

    assertThatThrownBy(() -> Renderer.create(ROOT, Optional.of(userDir)))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith(userDir.resolve("greeting.txt.hbs") + ":3:")
        .hasMessageContaining("expected: '}}'")
        .satisfies(e -> assertThat(((RenderException) e).template()).isEqualTo("greeting.txt.hbs"));
  }

  @Test
  void anOverrideThatIsNotUtf8IsAnError() throws Exception {
    Files.write(userDir.resolve("greeting.txt.hbs"), new byte[] {'H', (byte) 0xff, '\n'});

    assertThatThrownBy(() -> Renderer.create(ROOT, Optional.of(userDir)))
        .hasMessage(userDir.resolve("greeting.txt.hbs") + " is not valid UTF-8");
  }

  @Test
  void aMissingClasspathIndexIsAnError() {
    assertThatThrownBy(() -> Renderer.create("dev/kesgen/none", Optional.empty()))
        .hasMessage("the template index is not on the classpath at dev/kesgen/none/index.txt");
  }
}

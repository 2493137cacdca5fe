package dev.kesgen.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class OutputHelpersTest {
  /** Quotes, backslashes, every kind of line break and control, YAML indicators and a non-BMP character. */
  static final String NASTY = "it's \"q\" \\ ${x} %{y} $(id) `id` \n\r\t\b\f \u0000\u0001\u007f\u0085\u2028\u2029\ufeff"
      + " : # - [a] {b} & * ! | > % @ ü 🔑";

  @TempDir Path userDir;

  String render(String text, Object context) throws IOException, RenderException {
    Files.writeString(userDir.resolve("scratch.txt.hbs"), text);
    return Renderer.create(RendererTest.ROOT, Optional.of(userDir)).render("scratch.txt.hbs", context);
  }

  @Test
  void yamlQuotesAnyStringSoJacksonReadsItBack() throws Exception {
    String out = render("v: {{yaml v}}\n", Map.of("v", NASTY));

    assertThat(new YAMLMapper().readValue(out, Map.class)).containsEntry("v", NASTY);
  }

  @Test
  void yamlQuotesAnyStringSoSnakeYamlReadsItBack() throws Exception {
    String out = render("v: {{yaml v}}\n", Map.of("v", NASTY));

    assertThat(new Yaml().<Map<String, Object>>load(out)).containsEntry("v", NASTY);
  }

  @Test
  void yamlKeepsNumbersAndBooleansTyped() throws Exception {
    String out = render("n: {{yaml n}}\nb: {{yaml b}}\ns: {{yaml s}}\n", Map.of("n", 7443, "b", true, "s", "true"));

    assertThat(out).isEqualTo("n: 7443\nb: true\ns: \"true\"\n");
  }

  @Test
  void jsonQuotesAnyStringSoJacksonReadsItBack() throws Exception {
    String out = render("{\"v\": {{json v}}, \"n\": {{json n}} }\n", Map.of("v", NASTY, "n", new BigDecimal("1E+3")));

    assertThat(new ObjectMapper().readValue(out, Map.class)).containsEntry("v", NASTY).containsEntry("n", 1000);
  }

  @Test
  void hclEscapesQuotesControlsAndTemplateSequences() throws Exception {
    String out = render("p = {{hcl v}}\n", Map.of("v", "a\"b\\c\nd ${e} %{f} $g %h \u0001"));

    assertThat(out).isEqualTo("p = \"a\\\"b\\\\c\\nd $${e} %%{f} $g %h \\u0001\"\n");
  }

  @Test
  void shQuotesAnyStringSoARealShellReadsItBack() throws Exception {
    String value = NASTY.replace("\u0000", "").replace("\r", "") + " \t\nlast line \n";
    String out = render("printf '%s' {{sh v}}\n", Map.of("v", value));

    Process sh = new ProcessBuilder("sh", "-c", out).redirectErrorStream(true).start();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    sh.getInputStream().transferTo(stdout);

    assertThat(sh.waitFor()).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(value);
  }

  @Test
  void shRefusesANulCharacter() {
    assertThatThrownBy(() -> render("{{sh v}}", Map.of("v", "a\u0000b")))
        .hasMessageContaining("a shell word cannot contain a NUL character");
  }

  @Test
  void shRefusesACarriageReturn() {
    assertThatThrownBy(() -> render("{{sh v}}", Map.of("v", "a\r\nb")))
        .hasMessageContaining("a shell word cannot contain a carriage return");
  }

  @Test
  void indentIndentsEveryLineAndKeepsBlankLinesEmpty() throws Exception {
    String config = "address: 0.0.0.0:7373\n\ntls:\n  key: /k\n";

    String out = render("config: |\n{{indent c 4}}\nnext: 1\n", Map.of("c", config));

    assertThat(out).isEqualTo("config: |\n    address: 0.0.0.0:7373\n\n    tls:\n      key: /k\nnext: 1\n");
    assertThat(new YAMLMapper().readValue(out, Map.class)).containsEntry("config", config);
  }

  @Test
  void indentRefusesANegativeWidth() {
    assertThatThrownBy(() -> render("{{indent c -1}}", Map.of("c", "x")))
        .hasMessageContaining("indent takes 0 to 64 spaces, found -1");
  }

  @Test
  void joinJoinsWithTheSeparator() throws Exception {
    assertThat(render("{{join xs \", \"}}", Map.of("xs", List.of("create", "read", 3)))).isEqualTo("create, read, 3\n");
  }

  @Test
  void joinQuotesEveryItemWhenAsked() throws Exception {
    String out = render("capabilities = [{{join xs \", \" quote=\"hcl\"}}]", Map.of("xs", List.of("create", "re\"ad")));

    assertThat(out).isEqualTo("capabilities = [\"create\", \"re\\\"ad\"]\n");
  }

  @Test
  void joinRefusesAnUnknownQuoting() {
    assertThatThrownBy(() -> render("{{join xs \",\" quote=\"xml\"}}", Map.of("xs", List.of("a"))))
        .hasMessageContaining("join's quote= must be one of [hcl, json, sh, yaml], found xml");
  }

  @Test
  void mermaidIdJoinsItsPartsAndReplacesWhatMermaidDoesNotAllow() throws Exception {
    assertThat(render("{{mermaidId \"t\" a b}}", Map.of("a", "dev-1", "b", "gecko.eu x/ü")))
        .isEqualTo("t_dev_1_gecko_eu_x__\n");
    assertThat(render("{{mermaidId a}}", Map.of("a", "Kes_9"))).isEqualTo("Kes_9\n");
  }

  @Test
  void mermaidIdRefusesWhatIsNotAString() {
    assertThatThrownBy(() -> render("{{mermaidId \"t\" n}}", Map.of("n", 3)))
        .hasMessageContaining("must be a string, found");
    assertThatThrownBy(() -> render("{{mermaidId \"t\" n}}", Map.of("a", "x")))
        .hasMessageContaining("'n' is missing from the context");
  }

  @Test
  void aHelperArgumentMissingFromTheContextIsAnError() {
    assertThatThrownBy(() -> render("x\n{{indent text 2}}", Map.of("txt", "a")))
        .hasMessageEndingWith(":2:3: 'text' is missing from the context, in {{indent text 2}}");
  }

  @Test
  void aSecondHelperArgumentMissingFromTheContextIsNamed() {
    assertThatThrownBy(() -> render("{{join xs sep}}", Map.of("xs", List.of("a"))))
        .hasMessageContaining("'sep' is missing from the context, in {{join xs sep}}");
  }

  @Test
  void aNullArgumentIsAnError() {
    assertThatThrownBy(() -> render("{{yaml v}}", new RendererTest.Tenant("a", null, Optional.empty())))
        .isInstanceOf(RenderException.class);
    assertThatThrownBy(() -> render("{{yaml key}}", new RendererTest.Tenant("a", null, Optional.empty())))
        .hasMessageContaining("'key' is null");
  }

  @Test
  void floatingPointNumbersAreRefused() {
    assertThatThrownBy(() -> render("{{json v}}", Map.of("v", 1.5d)))
        .hasMessageContaining("expected a string, an integer, a BigDecimal or a boolean, found a java.lang.Double");
  }

  @Test
  void aHelperWithTheWrongNumberOfArgumentsIsAnError() {
    assertThatThrownBy(() -> render("{{yaml a b}}", Map.of("a", "x", "b", "y")))
        .hasMessageContaining("'yaml' takes 1 argument, found 2");
  }
}

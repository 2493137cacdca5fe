package dev.kesgen.view;

import java.util.Objects;

/** One output file, by its output-relative path: rendered from a template, or copied as it is (certificates). */
public sealed interface PlannedFile permits PlannedFile.Rendered, PlannedFile.Verbatim {
  /** The output-relative path, {@code /}-separated. */
  String path();

  /**
   * A file rendered from a template.
   *
   * @param path the output-relative path
   * @param template the template name, for example {@code vault/policy.hcl.hbs}
   * @param context the template's context record
   */
  record Rendered(String path, String template, Record context) implements PlannedFile {
    public Rendered {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(context, "context");
    }
  }

  /**
   * A file copied verbatim.
   *
   * @param path the output-relative path
   * @param text its content
   */
  record Verbatim(String path, String text) implements PlannedFile {
    public Verbatim {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
    }
  }
}

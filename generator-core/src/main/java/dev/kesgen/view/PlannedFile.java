package dev.kesgen.view;

import java.util.Map;
import java.util.Objects;

/**
 * One output file: where it goes (relative to the output directory), the template that renders it and the
 * context the template receives. A file with a {@code null} template is written verbatim from {@code text}.
 *
 * @param path relative path with '/' separators
 * @param template the template name, for example {@code vault/policy.hcl.hbs}, or null
 * @param context the template context, or empty
 * @param text the verbatim content when there is no template
 */
public record PlannedFile(String path, String template, Map<String, Object> context, String text) {
  public PlannedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(context, "context");
  }

  /** A file rendered from a template. */
  public static PlannedFile rendered(String path, String template, Map<String, Object> context) {
    return new PlannedFile(path, template, context, null);
  }

  /** A file copied verbatim (certificates). */
  public static PlannedFile verbatim(String path, String text) {
    return new PlannedFile(path, null, Map.of(), Objects.requireNonNull(text, "text"));
  }
}

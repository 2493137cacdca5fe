package dev.kesgen.render;

/** A template set that cannot be used, or a template that cannot be rendered, with where and why. */
public final class RenderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String template;
  private final int line;
  private final int column;

  /** A failure not tied to one place in a template, such as an override that matches no template. */
  public RenderException(String message) {
    this(message, "", 0, 0);
  }

  /**
   * A template set that cannot be used because a file could not be read; {@code cause} is the I/O failure (such as a
   * link in the template directory), so that the caller can tell it from a mistake in a template.
   */
  public RenderException(String message, Throwable cause) {
    super(message, cause);
    this.template = "";
    this.line = 0;
    this.column = 0;
  }

  /**
   * A failure at a place in a template.
   *
   * @param message the whole message, already naming the template and position
   * @param template the template name, for example {@code vault/policy.hcl.hbs}; "" if none
   * @param line the 1-based line, 0 if unknown
   * @param column the 1-based column, 0 if unknown
   */
  public RenderException(String message, String template, int line, int column) {
    super(message);
    this.template = template;
    this.line = line;
    this.column = column;
  }

  /** The template (or partial) in which rendering failed, or "" when no template is to blame. */
  public String template() {
    return template;
  }

  /** The 1-based line in {@link #template()}, or 0. */
  public int line() {
    return line;
  }

  /** The 1-based column in {@link #template()}, or 0. */
  public int column() {
    return column;
  }
}

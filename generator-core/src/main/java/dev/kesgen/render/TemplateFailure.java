package dev.kesgen.render;

/**
 * A rendering error raised inside a template; Handlebars adds the template and position, and
 * {@link Renderer} turns both into a {@link RenderException}.
 */
final class TemplateFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the culprit, phrased to follow its name, or a whole sentence if none. */
  final String problem;
  /** Which word of the tag names the culprit: 0 the tag's own name, 1.. its arguments, -1 none. */
  final int word;
  /** The culprit's name when the code knows it, else null (then it is read from the tag). */
  final String subject;

  TemplateFailure(String problem, int word, String subject) {
    super(problem, null, false, false);
    this.problem = problem;
    this.word = word;
    this.subject = subject;
  }
}

package dev.kesgen.report;

/** Where a front end puts the lines of a run: the command line's console, Maven's log. */
public interface LogSink {
  /** What a run did (standard output, Maven's info level). */
  void info(String line);

  /** A detail for those who ask for it ({@code --verbose}, {@code mvn -X}). */
  void detail(String line);

  /** Something that is not an error but needs a person. */
  void warn(String message);

  /** Whether details are shown, so that a large run does not build lines nobody sees. */
  default boolean detailShown() {
    return true;
  }
}

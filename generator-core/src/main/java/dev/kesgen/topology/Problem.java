package dev.kesgen.topology;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong in a topology file, with where it is and how to fix it.
 *
 * @param file the topology file
 * @param line the 1-based line
 * @param column the 1-based column
 * @param yamlPath the path of the offending node, for example {@code instances[0].tenants[1].name}; "" for the document
 * @param message what is wrong, and how to fix it
 */
public record Problem(Path file, int line, int column, String yamlPath, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(yamlPath, "yamlPath");
    Objects.requireNonNull(message, "message");
  }

  /**
   * {@code file:line:column: path: message}, with the file as given to the loader, and control and invisible
   * characters escaped ({@link Printable#escape}).
   */
  @Override
  public String toString() {
    return format(file.toString());
  }

  /** The same line with only the file name, as shown in tests and short reports. */
  public String toShortString() {
    return format(String.valueOf(file.getFileName()));
  }

  // every part may quote what the user wrote (a file name, a key, a value): hidden characters are printed escaped
  private String format(String fileName) {
    String where = fileName + ":" + line + ":" + column + ": ";
    return Printable.escape(yamlPath.isEmpty() ? where + message : where + yamlPath + ": " + message);
  }
}

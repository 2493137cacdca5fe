package dev.kesgen.access;

import org.yaml.snakeyaml.error.Mark;

/** A configuration or policy text the access models cannot read: malformed, or outside what they model. */
public final class AccessModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the position counts lines in ("the KES configuration"); null when the problem has no position. */
  private final String what;
  private final int line;
  private final int column;
  private final String detail;

  public AccessModelException(String message) {
    super(message);
    this.what = null;
    this.line = 0;
    this.column = 0;
    this.detail = message;
  }

  /** A problem at a position of the text {@code what} names. */
  AccessModelException(String what, Mark mark, String detail) {
    this(what, mark.getLine() + 1, mark.getColumn() + 1, detail);
  }

  private AccessModelException(String what, int line, int column, String detail) {
    super(what + " line " + line + ", column " + column + ": " + detail);
    this.what = what;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /**
   * This problem, its position moved into the text that embeds the one it was found in: {@code lines} and
   * {@code columns} are where that text starts in {@code outer}; unchanged when it has no position.
   */
  AccessModelException embeddedIn(String outer, int lines, int columns) {
    return what == null ? this : new AccessModelException(outer, line + lines, column + columns, detail);
  }
}

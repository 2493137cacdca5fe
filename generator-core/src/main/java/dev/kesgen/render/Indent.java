package dev.kesgen.render;

/** The text transformation behind the {@code indent} helper. */
final class Indent {
  private Indent() {}

  /**
   * Every line of {@code text}, the first included, prefixed with {@code spaces} spaces; blank lines
   * stay empty (no trailing whitespace) and one final line break of {@code text} is dropped, so the
   * template's own line break ends the block.
   */
  static String indent(String text, int spaces) {
    if (spaces < 0 || spaces > 64) {
      throw new IllegalArgumentException("indent takes 0 to 64 spaces, found " + spaces);
    }
    String unix = text.replace("\r\n", "\n").replace('\r', '\n');
    if (unix.endsWith("\n")) {
      unix = unix.substring(0, unix.length() - 1);
    }
    String pad = " ".repeat(spaces);
    StringBuilder out = new StringBuilder(unix.length() + 16);
    String[] lines = unix.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      if (!lines[i].isBlank()) {
        out.append(pad).append(lines[i]);
      }
    }
    return out.toString();
  }
}

package dev.kesgen.render;

/** Brings rendered text to the one form kesgen writes, whatever the template's line endings. */
final class Normaliser {
  private Normaliser() {}

  /**
   * CRLF and lone CR become LF; spaces and tabs at the end of every line are removed; blank lines at
   * the end are removed; a non-empty result ends with exactly one LF, and a blank one is "".
   */
  static String normalise(String text) {
    String unix = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(unix.length() + 1);
    int start = 0;
    while (start <= unix.length()) {
      int end = unix.indexOf('\n', start);
      if (end < 0) {
        end = unix.length();
      }
      int trimmed = end;
      while (trimmed > start && (unix.charAt(trimmed - 1) == ' ' || unix.charAt(trimmed - 1) == '\t')) {
        trimmed--;
      }
      out.append(unix, start, trimmed).append('\n');
      start = end + 1;
    }
    int length = out.length();
    while (length > 0 && out.charAt(length - 1) == '\n') {
      length--;
    }
    out.setLength(length);
    return length == 0 ? "" : out.append('\n').toString();
  }
}

package dev.kesgen.topology;

import java.util.OptionalInt;

/**
 * The one rule for characters that must never reach a terminal, a generated file or a message raw: controls (C0,
 * C1, DEL, including tab and line breaks), line and paragraph separators, format characters (bidi overrides such as
 * U+202E, zero-width spaces, U+FEFF), spaces other than U+0020, surrogates, private-use characters and U+FFFD.
 * Topology strings holding one are refused; messages quoting any text print them escaped.
 */
public final class Printable {
  private Printable() {}

  /** Whether {@code codePoint} is one of the characters this class keeps out. */
  public static boolean isHidden(int codePoint) {
    if (codePoint == ' ') {
      return false;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR, Character.SURROGATE, Character.PRIVATE_USE -> true;
      default -> codePoint == 0xFFFD;
    };
  }

  /** The first hidden code point of {@code text}, or empty. */
  public static OptionalInt firstHidden(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isHidden(cp)) {
        return OptionalInt.of(cp);
      }
      i += Character.charCount(cp);
    }
    return OptionalInt.empty();
  }

  /** {@code U+202E RIGHT-TO-LEFT OVERRIDE}: a code point as a message names it. */
  public static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    String hex = String.format("U+%04X", codePoint);
    return name == null ? hex : hex + " " + name;
  }

  /**
   * {@code text} with every hidden character written as {@code \xHH} (below U+0100) or {@code \}{@code uHHHH}, and
   * the backslash left as it is: safe to print on a terminal and to read.
   */
  public static String escape(String text) {
    return escape(text, false);
  }

  /**
   * {@link #escape} but for {@code \n}, kept for a message of several lines (one problem each, or a template
   * excerpt).
   */
  public static String escapeExceptLineBreaks(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLineBreaks) {
    if (firstHidden(text).isEmpty()) {
      return text; // the usual case: no copy
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!isHidden(cp) || keepLineBreaks && cp == '\n') {
        out.appendCodePoint(cp);
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp < 0x100) {
        out.append(String.format("\\x%02x", cp));
      } else if (cp < 0x10000) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.append(String.format("\\U%08x", cp));
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}

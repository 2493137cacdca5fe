package dev.kesgen.render;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Pure functions that turn a value into a literal that is safe in YAML, JSON, HCL or POSIX sh. */
final class Quoting {
  private Quoting() {}

  /**
   * A JSON literal: a string in double quotes with JSON escapes, or a number or boolean as is.
   *
   * <p>Every character YAML does not accept raw (C0 and C1 controls, DEL, U+2028, U+2029, U+FEFF,
   * U+FFFE, U+FFFF, lone surrogates) is written as {@code \\uXXXX}, so the same text is also a
   * valid YAML 1.1 and 1.2 double-quoted scalar.
   */
  static String jsonLiteral(Object value) {
    if (value instanceof CharSequence text) {
      return jsonString(text.toString());
    }
    return scalar(value);
  }

  static String jsonString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> appendOrEscape(out, text, i, c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * An HCL quoted string: JSON-style escapes plus {@code ${} -> $${} and {@code %{} -> %%{} so
   * HCL 2 never sees a template interpolation or directive. (HCL 1, which Vault uses for policies,
   * does not interpolate and would keep {@code $${} literally: do not pass such text to Vault.)
   */
  static String hclLiteral(Object value) {
    if (!(value instanceof CharSequence)) {
      return scalar(value);
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean opensBrace = i + 1 < text.length() && text.charAt(i + 1) == '{';
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '$', '%' -> out.append(opensBrace ? "" + c + c : String.valueOf(c));
        default -> appendOrEscape(out, text, i, c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * A POSIX sh word in single quotes; a single quote inside becomes {@code '\''}, and a space or tab
   * before a line break is followed by {@code ''} so that output normalisation, which strips
   * whitespace at line ends, cannot change the word. NUL and CR have no safe form and are refused.
   */
  static String shWord(Object value) {
    if (!(value instanceof CharSequence)) {
      return scalar(value);
    }
    String text = value.toString();
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell word cannot contain a NUL character");
    }
    if (text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a shell word cannot contain a carriage return (output lines end in LF)");
    }
    String quoted = text.replace("'", "'\\''").replace(" \n", " ''\n").replace("\t\n", "\t''\n");
    return "'" + quoted + "'";
  }

  /**
   * A number or boolean as a literal that is the same in JSON, YAML, HCL and sh: integers in
   * decimal, BigDecimal in plain notation (never an exponent), booleans as {@code true}/{@code
   * false}. Floating-point types are refused because their text form depends on the type.
   */
  static String scalar(Object value) {
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    throw new IllegalArgumentException(
        "expected a string, an integer, a BigDecimal or a boolean, found " + describe(value));
  }

  static String describe(Object value) {
    return value == null ? "nothing" : "a " + value.getClass().getName();
  }

  private static void appendOrEscape(StringBuilder out, String text, int i, char c) {
    if (mustEscape(text, i, c)) {
      out.append("\\u").append(hex4(c));
    } else {
      out.append(c);
    }
  }

  private static boolean mustEscape(String text, int i, char c) {
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return true;
    }
    if (c == '\u2028' || c == '\u2029' || c == '\ufeff' || c == '\ufffe' || c == '\uffff') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }

  private static String hex4(char c) {
    String hex = Integer.toHexString(c);
    return "0000".substring(hex.length()) + hex;
  }
}

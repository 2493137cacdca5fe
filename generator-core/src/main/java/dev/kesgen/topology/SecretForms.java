package dev.kesgen.topology;

import java.util.regex.Pattern;

/**
 * The textual forms of the Vault secrets kesgen handles: the one owner of these patterns, used by the topology
 * loader to refuse a secret written into the topology and by the leak scan of generated output.
 */
public final class SecretForms {
  private SecretForms() {}

  /** A UUID, the form of an AppRole secret id (and of its accessor, which is not secret). */
  public static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private static final Pattern ANY_UUID = Pattern.compile("(?<![0-9a-fA-F])" + UUID + "(?![0-9a-fA-F])");

  /**
   * Tokens: Vault 1.10+ {@code hvs.}/{@code hvb.}/{@code hvr.} (service, batch, recovery); the legacy and OpenBao
   * {@code s.}/{@code b.}/{@code r.} (openbao.org/docs/concepts/tokens, "Token formats"). The short legacy prefixes
   * need 24 or more base62 characters with an upper-case letter, so that lower-case DNS names never match.
   *
   * <p>As a regular expression: {@code (?<![\w.-])(?:hv[sbr]\.[A-Za-z0-9_-]{24,}|[sbr]\.(?=[A-Za-z0-9_-]*[A-Z])
   * [A-Za-z0-9_-]{24,})}. It is matched by hand, from each {@code .} of the text (found with {@code indexOf}) rather
   * than by trying the look-behind at every character: a linear pass, and most files have few dots
   * ({@code SecretFormsTest} checks it against the expression).
   *
   * @return whether {@code text} holds what looks like a Vault or OpenBao token
   */
  public static boolean containsToken(CharSequence text) {
    String s = text.toString();
    int n = s.length();
    for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
      if (dot == 0 || !isTokenPrefix(s.charAt(dot - 1))) {
        continue;
      }
      int end = dot + 1;
      boolean upper = false;
      while (end < n && isTokenChar(s.charAt(end))) {
        upper |= isUpper(s.charAt(end));
        end++;
      }
      if (end - dot - 1 < 24) {
        continue;
      }
      int shortStart = dot - 1;
      if (upper && (shortStart == 0 || !isWordDotOrDash(s.charAt(shortStart - 1)))) {
        return true; // s. b. r.
      }
      int longStart = dot - 3;
      if (longStart >= 0 && s.charAt(longStart) == 'h' && s.charAt(longStart + 1) == 'v'
          && (longStart == 0 || !isWordDotOrDash(s.charAt(longStart - 1)))) {
        return true; // hvs. hvb. hvr.
      }
    }
    return false;
  }

  private static boolean isTokenPrefix(char c) {
    return c == 's' || c == 'b' || c == 'r';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isTokenChar(char c) {
    return c >= 'a' && c <= 'z' || isUpper(c) || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  // the look-behind's class [\w.-] (\w is [a-zA-Z_0-9] without UNICODE_CHARACTER_CLASS)
  private static boolean isWordDotOrDash(char c) {
    return isTokenChar(c) || c == '.';
  }

  /** Whether {@code text} holds a UUID anywhere (where none belongs, it may be a secret id). */
  public static boolean containsUuid(CharSequence text) {
    return ANY_UUID.matcher(text).find();
  }
}

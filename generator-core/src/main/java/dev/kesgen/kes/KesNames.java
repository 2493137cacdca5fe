package dev.kesgen.kes;

/** The name rule KES applies to policy, identity and key names from 2023-10-24. */
public final class KesNames {
  static final int MAX_LENGTH = 80;

  private KesNames() {}

  /**
   * Whether {@code s} is a valid name: {@code [0-9A-Za-z_-]}, 1 to 80 characters, not only {@code _}, no leading or
   * trailing {@code -} (K@2023-10-24T20-26-51Z:auth.go:113-133; unchanged in K@2025-03-12T09-35-18Z:auth.go).
   */
  public static boolean isValid(String s) {
    if (s == null || s.isEmpty() || s.equals("_") || s.length() > MAX_LENGTH) {
      return false;
    }
    int last = s.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'
          || (c == '-' && i > 0 && i < last);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}

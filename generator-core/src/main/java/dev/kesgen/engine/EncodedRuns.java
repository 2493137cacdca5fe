package dev.kesgen.engine;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The base64 and hex runs of a text long enough to hide a key, decoded: a run of at least {@value #MIN_BASE64}
 * base64 characters, or of at least {@value #MIN_HEX} hex digits (twice a KES identity or a SHA-256 checksum, so
 * neither is ever decoded). A run continues on the next line when that line holds nothing but the run's next part
 * (the way {@code base64} and {@code xxd -p} wrap, and a PEM body or a YAML block scalar indents). One linear pass,
 * no regular expression.
 */
final class EncodedRuns {
  static final int MIN_BASE64 = 64;
  static final int MIN_HEX = 128;

  /** One decoded run: how it was encoded, the 1-based line it starts on, and its bytes. */
  record Run(String encoding, int line, byte[] bytes) {
    String where() {
      return encoding + " at line " + line;
    }
  }

  private EncodedRuns() {}

  static List<Run> of(String text) {
    List<Run> runs = new ArrayList<>();
    int line = 1;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isBase64(c)) {
        if (c == '\n') {
          line++;
        }
        i++;
        continue;
      }
      int startLine = line;
      // most runs are one short word on one line: their characters are copied only when the run goes on to the next
      // line, and decoded only when it is long enough
      int firstStart = i;
      int firstEnd = i;
      StringBuilder more = null;
      int length = 0;
      boolean hex = true;
      while (true) {
        int start = i;
        while (i < n && isBase64(text.charAt(i))) {
          hex &= isHex(text.charAt(i));
          i++;
        }
        length += i - start;
        if (start == firstStart) {
          firstEnd = i;
        } else {
          if (more == null) {
            more = new StringBuilder().append(text, firstStart, firstEnd);
          }
          more.append(text, start, i);
        }
        int padded = i;
        while (padded < n && padded - i < 2 && text.charAt(padded) == '=') {
          padded++;
        }
        int next = continuation(text, padded);
        if (next < 0 || padded > i) {
          i = padded; // padding ends the run
          break;
        }
        line++;
        i = next;
      }
      if (hex && length >= MIN_HEX) {
        CharSequence run = more != null ? more : text.subSequence(firstStart, firstEnd);
        runs.add(new Run("hex", startLine, HexFormat.of().parseHex(run, 0, length & ~1)));
      } else if (!hex && length >= MIN_BASE64 && length % 4 != 1) {
        String run = more != null ? more.toString() : text.substring(firstStart, firstEnd);
        try {
          runs.add(new Run("base64", startLine, Base64.getDecoder().decode(run)));
        } catch (IllegalArgumentException e) {
          // not base64 after all
        }
      }
    }
    return runs;
  }

  /**
   * Where the run goes on after {@code end}, or -1: the end of the line must follow (spaces and a closing quote
   * allowed), and the next line, after its indentation, must hold only base64 characters to its end.
   */
  static int continuation(String text, int end) {
    int n = text.length();
    int i = end;
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
      i++;
    }
    if (i >= n || text.charAt(i) != '\n') {
      return -1;
    }
    int start = i + 1;
    while (start < n && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    int j = start;
    while (j < n && isBase64(text.charAt(j))) {
      j++;
    }
    while (j < n && text.charAt(j) == '=') {
      j++;
    }
    int k = j;
    while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\r')) {
      k++;
    }
    return j > start && (k >= n || text.charAt(k) == '\n') ? start : -1;
  }

  /** Per Latin-1 character: bit 1 base64 (the standard alphabet, no padding), bit 2 hex digit. */
  private static final byte[] CLASSES = new byte[256];

  static {
    for (char c = 0; c < 256; c++) {
      boolean base64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
      boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      CLASSES[c] = (byte) ((base64 ? 1 : 0) | (hex ? 2 : 0));
    }
  }

  private static boolean isBase64(char c) {
    return c < 256 && (CLASSES[c] & 1) != 0;
  }

  private static boolean isHex(char c) {
    return c < 256 && (CLASSES[c] & 2) != 0;
  }
}

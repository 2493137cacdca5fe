package dev.kesgen.access;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Go's {@code path.Match}: the glob matcher KES uses for policy patterns up to 2023-10-03.
 *
 * <p>A port of the Go standard library's {@code src/path/match.go} (BSD-3-Clause, as of Go 1.26), on the UTF-8 bytes
 * of both strings as Go works: {@code *} matches any run of non-{@code /} characters, {@code ?} one non-{@code /}
 * character, {@code [...]} and {@code [^...]} a character class with ranges, and {@code \} escapes the next
 * character. A malformed pattern is {@link Result#BAD_PATTERN}; like Go, a pattern is only checked as far as
 * matching needs, then the remainder once the match has failed. Checked against the real Go by
 * {@code GoPathMatchDifferentialTest}.
 */
public final class GoPathMatch {
  private static final int RUNE_ERROR = 0xFFFD;

  private GoPathMatch() {}

  /** What {@code path.Match(pattern, name)} returns. */
  public enum Result {
    /** {@code true, nil}. */
    MATCH,
    /** {@code false, nil}. */
    NO_MATCH,
    /** {@code false, ErrBadPattern}. */
    BAD_PATTERN
  }

  /** {@code path.Match(pattern, name)}. */
  public static Result match(String pattern, String name) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(name, "name");
    return new Matcher(pattern.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8)).match();
  }

  /** {@code ok && err == nil}: how every KES release that uses {@code path.Match} reads its answer. */
  public static boolean matches(String pattern, String name) {
    return match(pattern, name) == Result.MATCH;
  }

  /**
   * Whether {@code path.Match(pattern, pattern)} returns no error: the start-up check of KES v0.13 – v0.17
   * (K@v0.13.4:policy.go:21-24; K@v0.15.0:policy.go:60-88).
   */
  public static boolean isValidPattern(String pattern) {
    return match(pattern, pattern) != Result.BAD_PATTERN;
  }

  /** One match; positions index the byte arrays. */
  private static final class Matcher {
    private final byte[] pattern;
    private final byte[] name;

    Matcher(byte[] pattern, byte[] name) {
      this.pattern = pattern;
      this.name = name;
    }

    Result match() {
      int p = 0;
      int n = 0;
      pattern:
      while (p < pattern.length) {
        boolean star = false;
        while (p < pattern.length && pattern[p] == '*') {
          p++;
          star = true;
        }
        int chunkStart = p;
        int chunkEnd = scanChunkEnd(p);
        p = chunkEnd;
        if (star && chunkStart == chunkEnd) {
          // a trailing * matches the rest unless it has a /
          for (int i = n; i < name.length; i++) {
            if (name[i] == '/') {
              return Result.NO_MATCH;
            }
          }
          return Result.MATCH;
        }
        int[] r = matchChunk(chunkStart, chunkEnd, n);
        if (r[0] == OK && (r[1] == name.length || p < pattern.length)) {
          n = r[1];
          continue;
        }
        if (r[0] == ERR) {
          return Result.BAD_PATTERN;
        }
        if (star) {
          for (int i = n; i < name.length && name[i] != '/'; i++) {
            int[] t = matchChunk(chunkStart, chunkEnd, i + 1);
            if (t[0] == OK) {
              if (p == pattern.length && t[1] < name.length) {
                continue;
              }
              n = t[1];
              continue pattern;
            }
            if (t[0] == ERR) {
              return Result.BAD_PATTERN;
            }
          }
        }
        // before returning false, check that the rest of the pattern is well-formed
        while (p < pattern.length) {
          while (p < pattern.length && pattern[p] == '*') {
            p++;
          }
          int start = p;
          p = scanChunkEnd(p);
          if (matchChunk(start, p, name.length)[0] == ERR) {
            return Result.BAD_PATTERN;
          }
        }
        return Result.NO_MATCH;
      }
      return n == name.length ? Result.MATCH : Result.NO_MATCH;
    }

    /** The end of the chunk starting at {@code p} (stars already skipped): the next {@code *} outside a class. */
    private int scanChunkEnd(int p) {
      boolean inRange = false;
      for (int i = p; i < pattern.length; i++) {
        switch (pattern[i]) {
          case '\\' -> {
            if (i + 1 < pattern.length) {
              i++;
            }
          }
          case '[' -> inRange = true;
          case ']' -> inRange = false;
          case '*' -> {
            if (!inRange) {
              return i;
            }
          }
          default -> { }
        }
      }
      return pattern.length;
    }

    static final int OK = 0;
    static final int FAILED = 1;
    static final int ERR = 2;

    /** matchChunk: {status, rest of name}. */
    private int[] matchChunk(int c, int end, int s) {
      boolean failed = false;
      while (c < end) {
        failed = failed || s >= name.length;
        switch (pattern[c]) {
          case '[' -> {
            int r = 0;
            if (!failed) {
              int[] rune = decodeRune(name, s, name.length);
              r = rune[0];
              s += rune[1];
            }
            c++;
            boolean negated = false;
            if (c < end && pattern[c] == '^') {
              negated = true;
              c++;
            }
            boolean match = false;
            int nrange = 0;
            while (true) {
              if (c < end && pattern[c] == ']' && nrange > 0) {
                c++;
                break;
              }
              int[] lo = getEsc(c, end);
              if (lo[2] != 0) {
                return new int[] {ERR, 0};
              }
              c = lo[1];
              int hi = lo[0];
              if (pattern[c] == '-') {
                int[] h = getEsc(c + 1, end);
                if (h[2] != 0) {
                  return new int[] {ERR, 0};
                }
                hi = h[0];
                c = h[1];
              }
              match = match || (lo[0] <= r && r <= hi);
              nrange++;
            }
            failed = failed || match == negated;
          }
          case '?' -> {
            if (!failed) {
              failed = name[s] == '/';
              s += decodeRune(name, s, name.length)[1];
            }
            c++;
          }
          case '\\' -> {
            c++;
            if (c == end) {
              return new int[] {ERR, 0};
            }
            if (!failed) {
              failed = pattern[c] != name[s];
              s++;
            }
            c++;
          }
          default -> {
            if (!failed) {
              failed = pattern[c] != name[s];
              s++;
            }
            c++;
          }
        }
      }
      return failed ? new int[] {FAILED, 0} : new int[] {OK, s};
    }

    /** getEsc: {rune, next position, error 0/1}; a class inside a chunk never reaches past {@code end}. */
    private int[] getEsc(int c, int end) {
      if (c >= end || pattern[c] == '-' || pattern[c] == ']') {
        return new int[] {0, c, 1};
      }
      if (pattern[c] == '\\') {
        c++;
        if (c >= end) {
          return new int[] {0, c, 1};
        }
      }
      int[] rune = decodeRune(pattern, c, end);
      int error = rune[0] == RUNE_ERROR && rune[1] == 1 ? 1 : 0;
      int next = c + rune[1];
      if (next >= end) {
        error = 1;
      }
      return new int[] {rune[0], next, error};
    }
  }

  /** Go's {@code utf8.DecodeRuneInString}: {rune, width}; an invalid or short sequence is U+FFFD of width 1. */
  static int[] decodeRune(byte[] b, int at, int end) {
    int b0 = b[at] & 0xFF;
    if (b0 < 0x80) {
      return new int[] {b0, 1};
    }
    int need;
    int min;
    int value;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      min = 0x80;
      value = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      min = 0x800;
      value = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      min = 0x10000;
      value = b0 & 0x07;
    } else {
      return new int[] {RUNE_ERROR, 1};
    }
    if (at + need >= end) {
      return new int[] {RUNE_ERROR, 1};
    }
    for (int i = 1; i <= need; i++) {
      int bi = b[at + i] & 0xFF;
      if (bi < 0x80 || bi > 0xBF) {
        return new int[] {RUNE_ERROR, 1};
      }
      value = (value << 6) | (bi & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      return new int[] {RUNE_ERROR, 1};
    }
    return new int[] {value, need + 1};
  }
}

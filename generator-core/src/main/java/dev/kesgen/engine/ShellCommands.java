package dev.kesgen.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simple commands of a POSIX shell script, as far as kesgen's proofs of its scripts need them: words with their
 * quotes removed, whether a word is expanded at run time ({@code $x}, {@code $(...)}), the file a command reads its
 * standard input from, and the commands inside command substitutions (also those inside double quotes), so that a
 * command cannot hide in one. Not a shell: no aliases, functions are not followed, and {@code case} patterns are
 * read as words; a proof built on this refuses what it does not recognise.
 */
final class ShellCommands {
  /**
   * One word.
   *
   * @param text the word with quotes removed (expansions left as written)
   * @param raw the word as written
   * @param literal whether the shell expands nothing in it
   */
  record Word(String text, String raw, boolean literal) {}

  /**
   * One simple command.
   *
   * @param line the 1-based line of its first word
   * @param words its words, in order, redirections left out
   * @param stdin the file a {@code <} redirection reads, if any
   */
  record Command(int line, List<Word> words, Optional<Word> stdin) {}

  private final String s;
  private int i;
  private int line = 1;
  /** Whether a backquote ends the commands being read (inside `...`), not starts a substitution. */
  private boolean inBackquotes;
  private int depth;
  private final List<Command> commands = new ArrayList<>();

  private ShellCommands(String text) {
    this.s = text;
  }

  /** How deeply command substitutions may nest; a deeper script is refused rather than read in part. */
  static final int MAX_DEPTH = 32;

  /**
   * Every simple command of the script, in the order they start.
   *
   * @throws IllegalArgumentException if command substitutions nest deeper than {@link #MAX_DEPTH}
   */
  static List<Command> of(String script) {
    ShellCommands parser = new ShellCommands(script);
    parser.list((char) 0);
    return parser.commands.stream().sorted(java.util.Comparator.comparingInt(Command::line)).toList();
  }

  /** Parses commands until {@code end} (0 for the end of the text) and consumes it. */
  private void list(char end) {
    if (++depth > MAX_DEPTH) {
      throw new IllegalArgumentException("command substitutions nest deeper than " + MAX_DEPTH + " (line " + line
          + ")");
    }
    List<Word> words = new ArrayList<>();
    Word[] stdin = {null};
    int start = line;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (end != 0 && c == end) {
        i++;
        break;
      }
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        i += 2;
        line++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
        if (c == '\n') {
          line++;
        }
        i++;
        start = flush(words, stdin, start);
        continue;
      }
      if (c == '<' || c == '>') {
        i++;
        boolean input = c == '<';
        if (i < s.length() && (s.charAt(i) == '>' || s.charAt(i) == '&' || s.charAt(i) == '<')) {
          input = input && s.charAt(i) != '<';
          i++;
        }
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
          i++;
        }
        Word target = word();
        if (input && target != null) {
          stdin[0] = target;
        }
        continue;
      }
      int wordLine = line;
      Word w = word();
      if (w == null) {
        i++;
        continue;
      }
      // "2" of 2>, "1" of 1>&2: a file descriptor, not a word
      if (i < s.length() && (s.charAt(i) == '>' || s.charAt(i) == '<') && w.raw().matches("[0-9]+")) {
        continue;
      }
      if (words.isEmpty()) {
        start = wordLine;
      }
      words.add(w);
    }
    flush(words, stdin, start);
    depth--;
  }

  private int flush(List<Word> words, Word[] stdin, int start) {
    if (!words.isEmpty()) {
      commands.add(new Command(start, List.copyOf(words), Optional.ofNullable(stdin[0])));
    }
    words.clear();
    stdin[0] = null;
    return line;
  }

  /** One word from {@code i}, or null when {@code i} is at no word character. */
  private Word word() {
    StringBuilder text = new StringBuilder();
    int from = i;
    boolean literal = true;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (" \t\r\n;&|()<>".indexOf(c) >= 0 || c == '`' && inBackquotes) {
        break;
      }
      if (c == '\'') {
        int close = s.indexOf('\'', i + 1);
        close = close < 0 ? s.length() : close;
        String quoted = s.substring(i + 1, close);
        line += (int) quoted.chars().filter(ch -> ch == '\n').count();
        text.append(quoted);
        i = Math.min(close + 1, s.length());
      } else if (c == '"') {
        i++;
        literal &= doubleQuoted(text);
      } else if (c == '\\') {
        if (i + 1 < s.length()) {
          text.append(s.charAt(i + 1));
        }
        i += 2;
      } else if (c == '$' || c == '`') {
        literal = false;
        expansion(text);
      } else {
        text.append(c);
        i++;
      }
    }
    if (i == from) {
      return null;
    }
    return new Word(text.toString(), s.substring(from, Math.min(i, s.length())), literal);
  }

  /** The inside of "...", from after the opening quote to after the closing one; whether it expands nothing. */
  private boolean doubleQuoted(StringBuilder text) {
    boolean literal = true;
    while (i < s.length() && s.charAt(i) != '"') {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
        text.append(s.charAt(i + 1));
        i += 2;
      } else if (c == '$' || c == '`') {
        literal = false;
        expansion(text);
      } else {
        if (c == '\n') {
          line++;
        }
        text.append(c);
        i++;
      }
    }
    i++;
    return literal;
  }

  /** {@code $x}, {@code ${x}}, {@code $(...)} or {@code `...`} at {@code i}: commands inside are parsed as commands. */
  private void expansion(StringBuilder text) {
    int from = i;
    if (s.charAt(i) == '`') {
      i++;
      boolean outer = inBackquotes;
      inBackquotes = true;
      list('`');
      inBackquotes = outer;
    } else if (i + 1 < s.length() && s.charAt(i + 1) == '(') {
      i += 2;
      boolean outer = inBackquotes;
      inBackquotes = false;
      list(')');
      inBackquotes = outer;
    } else if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
      int close = s.indexOf('}', i);
      i = close < 0 ? s.length() : close + 1;
    } else {
      i++;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
        i++;
      }
      if (i == from + 1 && i < s.length()) {
        i++; // $1, $?, $@ ...
      }
    }
    text.append(s, from, Math.min(i, s.length()));
  }
}

package dev.kesgen.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the source of a tag at a position in a template, and the words in it, for error messages. */
final class TagText {
  private TagText() {}

  /**
   * The {@code {{...}}} tag around a position as Handlebars reports it (1-based line, 0-based column
   * of the name inside the tag), if the tag opens on that line.
   */
  static Optional<String> at(String template, int line, int column) {
    String[] lines = template.split("\n", -1);
    if (line < 1 || line > lines.length) {
      return Optional.empty();
    }
    int offset = 0;
    for (int i = 0; i < line - 1; i++) {
      offset += lines[i].length() + 1;
    }
    int start = template.lastIndexOf("{{", offset + Math.min(Math.max(0, column), lines[line - 1].length()));
    if (start < offset) {
      return Optional.empty();
    }
    int end = template.indexOf("}}", start + 2);
    if (end < 0) {
      return Optional.empty();
    }
    while (end + 2 < template.length() && template.charAt(end + 2) == '}') {
      end++;
    }
    return Optional.of(template.substring(start, end + 2));
  }

  /**
   * Word {@code index} of a tag: 0 is the helper or value name, 1.. the positional arguments; a
   * quoted string or a parenthesised sub-expression counts as one word, {@code key=value} pairs
   * are skipped.
   */
  static Optional<String> word(String tag, int index) {
    String body = tag.replaceAll("^\\{\\{\\{?~?[#^/>&]?\\*?\\s*", "").replaceAll("\\s*~?}}}?$", "");
    List<String> words = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    StringBuilder word = new StringBuilder();
    for (char c : body.toCharArray()) {
      if (quote != 0) {
        word.append(c);
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
        word.append(c);
      } else if (c == '(' || c == ')') {
        depth += c == '(' ? 1 : -1;
        word.append(c);
      } else if (Character.isWhitespace(c) && depth == 0) {
        add(words, word);
      } else {
        word.append(c);
      }
    }
    add(words, word);
    return index >= 0 && index < words.size() ? Optional.of(words.get(index)) : Optional.empty();
  }

  private static void add(List<String> words, StringBuilder word) {
    String text = word.toString();
    word.setLength(0);
    // key=value pairs are options, not positional arguments
    if (!text.isEmpty() && !text.matches("[A-Za-z_][\\w-]*=.*")) {
      words.add(text);
    }
  }
}

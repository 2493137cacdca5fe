package dev.kesgen.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A reader of the HCL subset kesgen writes for Vault policies; anything else is an error naming the line. */
final class VaultHclReader {
  private final String text;
  private int at;

  VaultHclReader(String text) {
    this.text = text;
  }

  List<VaultAclRule> read() {
    List<VaultAclRule> rules = new ArrayList<>();
    skip();
    while (at < text.length()) {
      expectWord("path");
      String pattern = string();
      if (pattern.contains("{{")) {
        throw error("templated path \"" + pattern + "\" is not modelled");
      }
      expect('{');
      Set<String> capabilities = null;
      while (peek() != '}') {
        int keyAt = at;
        String key = word();
        if (!key.equals("capabilities")) {
          at = keyAt;
          throw error("\"" + key + "\" is not modelled: only capabilities = [...] is");
        }
        if (capabilities != null) {
          throw error("capabilities given twice");
        }
        expect('=');
        capabilities = list();
      }
      expect('}');
      if (capabilities == null) {
        throw error("path \"" + pattern + "\" has no capabilities");
      }
      rules.add(new VaultAclRule(pattern, capabilities));
    }
    return rules;
  }

  private Set<String> list() {
    expect('[');
    Set<String> values = new LinkedHashSet<>();
    while (peek() != ']') {
      values.add(string());
      if (peek() == ',') {
        at++;
        skip();
      } else if (peek() != ']') {
        throw error("expected , or ]");
      }
    }
    expect(']');
    return values;
  }

  private String string() {
    if (peek() != '"') {
      throw error("expected a quoted string");
    }
    StringBuilder value = new StringBuilder();
    at++;
    while (at < text.length() && text.charAt(at) != '"') {
      char c = text.charAt(at);
      if (c == '\\' || c == '\n' || c == '$' || c == '%') {
        throw error("escapes, interpolation and line breaks in strings are not modelled");
      }
      value.append(c);
      at++;
    }
    if (at >= text.length()) {
      throw error("unterminated string");
    }
    at++;
    skip();
    return value.toString();
  }

  private String word() {
    int start = at;
    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
      at++;
    }
    if (start == at) {
      throw error("expected a name");
    }
    String word = text.substring(start, at);
    skip();
    return word;
  }

  private void expectWord(String expected) {
    int start = at;
    String word = word();
    if (!word.equals(expected)) {
      at = start;
      throw error("\"" + word + "\" is not modelled: only path stanzas are");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected " + c);
    }
    at++;
    skip();
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("unexpected end of policy");
    }
    return text.charAt(at);
  }

  /** Skips white space and comments. */
  private void skip() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (c == '#' || text.startsWith("//", at)) {
        while (at < text.length() && text.charAt(at) != '\n') {
          at++;
        }
      } else if (text.startsWith("/*", at)) {
        int end = text.indexOf("*/", at + 2);
        if (end < 0) {
          throw error("unterminated comment");
        }
        at = end + 2;
      } else {
        return;
      }
    }
  }

  private AccessModelException error(String message) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new AccessModelException(line + ":" + column + ": " + message);
  }
}

package dev.kesgen.cli;

/** The little JSON the command line writes, by hand: kesgen-core has no JSON library at run time. */
final class Json {
  private Json() {}

  /** A JSON string literal, escaping quotes, backslashes and every control character (RFC 8259). */
  static String string(String value) {
    StringBuilder json = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          // U+2028/U+2029 are legal JSON but break JavaScript consumers; escape them as well
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}

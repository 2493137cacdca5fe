package dev.kesgen.vault;

import java.util.List;
import java.util.Map;

/**
 * A Vault request body as JSON text: an object of strings, booleans, integers and lists of strings, one field a line
 * in the given order, as {@code vault write <path> - < file} reads it.
 */
public final class JsonBody {
  private JsonBody() {}

  /** The object, with a final newline. */
  public static String of(Map<String, Object> fields) {
    StringBuilder out = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      out.append("  ").append(string(e.getKey())).append(": ").append(value(e.getValue()));
      out.append(++i < fields.size() ? ",\n" : "\n");
    }
    return out.append("}\n").toString();
  }

  private static String value(Object value) {
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(value(list.get(i)));
      }
      return out.append("]").toString();
    }
    throw new IllegalArgumentException("not a JSON body value: " + value);
  }

  private static String string(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

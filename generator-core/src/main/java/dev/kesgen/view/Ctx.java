package dev.kesgen.view;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small builder of ordered template contexts (LinkedHashMap keeps iteration order stable). */
final class Ctx {
  private final Map<String, Object> map = new LinkedHashMap<>();

  static Ctx of() {
    return new Ctx();
  }

  Ctx put(String key, Object value) {
    map.put(key, value);
    return this;
  }

  Map<String, Object> map() {
    return map;
  }
}

package dev.kesgen.render;

import com.github.jknack.handlebars.ValueResolver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves names on maps and records only, and tells a key whose value is null from a missing one.
 *
 * <p>A map key or record component that exists answers its value, with null and {@code
 * Optional.empty()} turned into {@link NullValue} and {@code Optional.of(x)} into {@code x}; a
 * missing name answers {@link ValueResolver#UNRESOLVED}, which the strict {@code helperMissing}
 * then reports. Nothing else is resolved: no getters, fields or methods, so a view model is plain
 * data.
 */
enum StrictResolver implements ValueResolver {
  INSTANCE;

  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> accessors = new LinkedHashMap<>();
          for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            // records declared in non-public classes still have public accessors we may call
            accessor.setAccessible(true);
            accessors.put(component.getName(), accessor);
          }
          return Collections.unmodifiableMap(accessors);
        }
      };

  @Override
  public Object resolve(Object context, String name) {
    if (context instanceof Map<?, ?> map) {
      return map.containsKey(name) ? present(map.get(name)) : UNRESOLVED;
    }
    if (context instanceof Record record) {
      Method accessor = ACCESSORS.get(record.getClass()).get(name);
      return accessor == null ? UNRESOLVED : present(invoke(accessor, record));
    }
    return UNRESOLVED;
  }

  @Override
  public Object resolve(Object context) {
    return UNRESOLVED;
  }

  @Override
  public Set<Entry<String, Object>> propertySet(Object context) {
    if (!(context instanceof Record record)) {
      // maps are listed by MapValueResolver, which Context always appends
      return Set.of();
    }
    Set<Entry<String, Object>> entries = new LinkedHashSet<>();
    ACCESSORS.get(record.getClass()).forEach(
        (name, accessor) -> entries.add(new SimpleImmutableEntry<>(name, present(invoke(accessor, record)))));
    return entries;
  }

  private static Object present(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? optional.get() : NullValue.INSTANCE;
    }
    return value == null ? NullValue.INSTANCE : value;
  }

  private static Object invoke(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException e) {
      throw new TemplateFailure("cannot read record component " + accessor.getName() + ": " + e.getMessage(), -1, null);
    } catch (InvocationTargetException e) {
      throw new TemplateFailure(
          "record accessor " + accessor.getName() + " failed: " + dev.kesgen.files.Failures.describe(e.getCause()), -1, null);
    }
  }
}

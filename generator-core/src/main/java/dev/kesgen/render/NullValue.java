package dev.kesgen.render;

import java.util.AbstractList;

/**
 * Stands for a key that exists with the value null, so lookups can tell it from a missing key.
 *
 * <p>It is an empty list because Handlebars treats empty lists as false: {@code {{#if}}}, {@code
 * {{#unless}}}, {@code {{#with}}} and {@code {{#each}}} then behave as they would for null, while
 * printing it or passing it to an output helper is an error.
 */
final class NullValue extends AbstractList<Object> {
  static final NullValue INSTANCE = new NullValue();

  private NullValue() {}

  @Override
  public Object get(int index) {
    throw new IndexOutOfBoundsException(index);
  }

  @Override
  public int size() {
    return 0;
  }

  @Override
  public String toString() {
    return "null";
  }
}

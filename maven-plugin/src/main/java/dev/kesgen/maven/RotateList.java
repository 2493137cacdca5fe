package dev.kesgen.maven;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Reads the comma-separated list of certificates to rotate: {@code dev}, {@code dev/gecko}, {@code dev:provisioner}
 * or {@code all}. Whether a name exists is the library's to say.
 */
final class RotateList {
  private RotateList() {}

  /** The names, trimmed; a failure naming the parameter when the list is empty or a name is malformed. */
  static Set<String> parse(String property, String value) throws MojoFailureException {
    if (value == null || value.isBlank()) {
      throw new MojoFailureException(property + " is empty: name what to rotate, for example dev, dev/gecko or all");
    }
    Set<String> names = new TreeSet<>();
    for (String raw : value.split(",", -1)) {
      String name = raw.trim();
      String[] parts = name.split("/", -1);
      if (parts.length > 2 || name.chars().anyMatch(Character::isWhitespace)
          || Arrays.stream(parts).anyMatch(String::isEmpty)) {
        throw new MojoFailureException(property + " '" + value + "': '" + name
            + "' is not an instance (dev), a tenant (dev/gecko), a provisioner (dev:provisioner) or all");
      }
      names.add(name);
    }
    return Set.copyOf(names);
  }
}

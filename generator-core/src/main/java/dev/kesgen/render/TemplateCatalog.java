package dev.kesgen.render;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every template's text, read once: the user's file where one overrides a name, else the embedded
 * default (the lookup order of openapi-generator's GeneratorTemplateContentLocator).
 *
 * <p>The embedded names come from {@code index.txt} in the classpath root, one name per line
 * ({@code #} comments and blank lines allowed), so that an override naming no template can be
 * reported instead of silently ignored (openapi-generator #6442).
 */
final class TemplateCatalog {
  static final String INDEX = "index.txt";
  static final String SUFFIX = ".hbs";

  private final SortedMap<String, String> texts;
  private final Map<String, Path> overrides;

  private TemplateCatalog(SortedMap<String, String> texts, Map<String, Path> overrides) {
    this.texts = Collections.unmodifiableSortedMap(texts);
    this.overrides = Map.copyOf(overrides);
  }

  static TemplateCatalog load(ClassLoader loader, String classpathRoot, Optional<Path> userDirectory)
      throws RenderException {
    String root = classpathRoot.endsWith("/") ? classpathRoot : classpathRoot + "/";
    SortedMap<String, String> texts = new TreeMap<>();
    for (String name : indexNames(loader, root)) {
      texts.put(name, readResource(loader, root + name, "template " + name + " listed in " + root + INDEX));
    }
    Map<String, Path> overrides = new TreeMap<>();
    if (userDirectory.isPresent()) {
      overrides.putAll(userFiles(userDirectory.get()));
      List<String> unknown = overrides.keySet().stream().filter(name -> !texts.containsKey(name)).toList();
      if (!unknown.isEmpty()) {
        throw new RenderException(
            "the template directory " + userDirectory.get() + " has files that override no kesgen template: "
                + String.join(", ", unknown) + ". Rename each to one of: " + String.join(", ", texts.keySet()));
      }
      for (Map.Entry<String, Path> override : overrides.entrySet()) {
        texts.put(override.getKey(), readFile(override.getValue()));
      }
    }
    return new TemplateCatalog(texts, overrides);
  }

  /** All template names, sorted. */
  SortedMap<String, String> texts() {
    return texts;
  }

  /** The user's file that replaces {@code name}, if any. */
  Optional<Path> override(String name) {
    return Optional.ofNullable(overrides.get(name));
  }

  /** The catalogue name for a template or partial reference, with or without the suffix. */
  static String canonical(String reference) {
    String name = reference.startsWith("/") ? reference.substring(1) : reference;
    return name.endsWith(SUFFIX) ? name : name + SUFFIX;
  }

  String text(String reference) throws FileNotFoundException {
    String text = texts.get(canonical(reference));
    if (text == null) {
      throw new FileNotFoundException(
          "no template " + canonical(reference) + "; the templates are: " + String.join(", ", texts.keySet()));
    }
    return text;
  }

  private static List<String> indexNames(ClassLoader loader, String root) throws RenderException {
    String index = readResource(loader, root + INDEX, "the template index");
    List<String> names = new ArrayList<>();
    for (String line : index.split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      if (!name.endsWith(SUFFIX) || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
        throw new RenderException(root + INDEX + " lists an invalid template name: " + name);
      }
      names.add(name);
    }
    return names;
  }

  /**
   * Every file below the directory by template name. The directory itself may be a link (the user names it); below
   * it every entry must be a directory or a regular file: a symbolic link (dangling or not), FIFO or device anywhere
   * in it fails the run naming it, since a committed link {@code summary.md.hbs -> ../secrets/...} would render a
   * private key into committed output.
   */
  private static Map<String, Path> userFiles(Path directory) throws RenderException {
    if (!Files.isDirectory(directory)) {
      throw new RenderException("the template directory " + directory + " does not exist or is not a directory");
    }
    SortedMap<String, Path> found = new TreeMap<>();
    try {
      Path real = directory.toRealPath();
      List<Path> entries;
      try (Stream<Path> walk = Files.walk(real)) { // does not follow links: a linked directory is one entry
        entries = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
      }
      for (Path entry : entries) {
        Path file = directory.resolve(real.relativize(entry).toString());
        RegularFiles.requireRegular(file, InputKind.TEMPLATE);
        found.put(directory.relativize(file).toString().replace(java.io.File.separatorChar, '/'), file);
      }
      return found;
    } catch (UnsafeFileException e) {
      throw new RenderException("the template directory " + directory + " holds something kesgen does not read: "
          + e.getMessage(), e);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new RenderException("cannot list the template directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String readResource(ClassLoader loader, String resource, String what) throws RenderException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new RenderException(what + " is not on the classpath at " + resource);
      }
      return decode(in.readAllBytes(), resource);
    } catch (IOException e) {
      throw new RenderException("cannot read " + resource + ": " + e.getMessage());
    }
  }

  private static String readFile(Path file) throws RenderException {
    try {
      return decode(RegularFiles.read(file, InputKind.TEMPLATE), file.toString());
    } catch (UnsafeFileException e) {
      throw new RenderException(e.getMessage(), e);
    } catch (IOException e) {
      throw new RenderException("cannot read the template " + file + ": " + e.getMessage(), e);
    }
  }

  private static String decode(byte[] bytes, String where) throws RenderException {
    try {
      String text = RegularFiles.utf8(bytes);
      return text.startsWith("\ufeff") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new RenderException(where + " is not valid UTF-8");
    }
  }
}

package dev.kesgen.output;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is below an output directory, read once per run: one listing of each real directory and the attributes of
 * each entry read without following links, by relative path with '/'. It answers every existence, directory and link
 * question of {@link OutputDirectory#write} and {@link OutputDirectory#compare}, so that a run does not probe each
 * path (and each directory on it) on its own, nor pay a failing system call and an exception for each file that does
 * not exist yet. Symbolic links are entries, never descended into. When a listing fails (a directory that cannot be
 * read), every question is asked of the file system instead, as before the listing existed ({@link #live}).
 * Deleting re-checks the file system right before it acts, whatever the listing said.
 */
final class Entries {
  private final Path root;
  private final Map<String, BasicFileAttributes> entries;
  private final String failure;

  private Entries(Path root, Map<String, BasicFileAttributes> entries, String failure) {
    this.root = root;
    this.entries = entries;
    this.failure = failure;
  }

  /** The entries below {@code root} now; none when it is not a directory (or does not exist). */
  static Entries of(Path root) {
    if (!new File(root.toString()).isDirectory()) {
      return new Entries(root, Map.of(), null); // java.io.File: a missing root costs no exception
    }
    Map<String, BasicFileAttributes> found = new HashMap<>();
    Deque<Path> directories = new ArrayDeque<>();
    directories.push(root);
    while (!directories.isEmpty()) {
      Path directory = directories.pop();
      try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
        for (Path entry : listing) {
          BasicFileAttributes attributes =
              Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          found.put(root.relativize(entry).toString().replace(root.getFileSystem().getSeparator(), "/"), attributes);
          if (attributes.isDirectory()) {
            directories.push(entry);
          }
        }
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        return new Entries(root, null, String.valueOf(e.getMessage()));
      }
    }
    return new Entries(root, found, null);
  }

  /** No listing: every question asked of the file system when it is asked. */
  static Entries live(Path root) {
    return new Entries(root, null, null);
  }

  /** Whether the listing answers (it was read to the end). */
  boolean complete() {
    return entries != null;
  }

  /** Why the listing could not be read; null when it was. */
  String failure() {
    return failure;
  }

  /** Whether something (a file, directory, link or other) is at this relative path, not following a link there. */
  boolean exists(String path) {
    return entries != null ? entries.containsKey(path) : Files.exists(root.resolve(path), LinkOption.NOFOLLOW_LINKS);
  }

  /** Whether a real directory (not a link to one) is at this relative path. */
  boolean isDirectory(String path) {
    if (entries == null) {
      return Files.isDirectory(root.resolve(path), LinkOption.NOFOLLOW_LINKS);
    }
    return Optional.ofNullable(entries.get(path)).map(BasicFileAttributes::isDirectory).orElse(false);
  }

  /** Every entry that is not a real directory, relative, sorted; empty without a listing. */
  List<String> files() {
    if (entries == null) {
      return List.of();
    }
    return entries.entrySet().stream().filter(e -> !e.getValue().isDirectory()).map(Map.Entry::getKey).sorted()
        .toList();
  }
}

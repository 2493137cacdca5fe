package dev.kesgen.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.NavigableSet;

/** Checks the relative paths of generated files, so none can escape or confuse the output directory. */
final class RelativePaths {
  private RelativePaths() {}

  /** Why {@code path} is not a usable relative path, or empty if it is. */
  static Optional<String> problem(String path) {
    if (path.isEmpty()) {
      return Optional.of("is empty");
    }
    if (path.startsWith("/")) {
      return Optional.of("is absolute; give a path relative to the output directory");
    }
    if (path.indexOf('\\') >= 0) {
      return Optional.of("contains a backslash; separate directories with '/'");
    }
    if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of("contains a control character");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.of("has an empty, '.' or '..' segment");
      }
    }
    if (path.equals(Manifest.NAME)) {
      return Optional.of("is reserved for kesgen's manifest");
    }
    return Optional.empty();
  }

  /** Every problem in a set of paths, including one path being a directory of another. */
  static List<String> problems(NavigableSet<String> paths) {
    List<String> problems = new ArrayList<>();
    for (String path : paths) {
      problem(path).ifPresent(problem -> problems.add(path + " " + problem));
      String below = paths.ceiling(path + "/");
      if (below != null && below.startsWith(path + "/")) {
        problems.add(path + " is both a file and the directory of " + below);
      }
    }
    return problems;
  }
}

package dev.kesgen.output;

import java.util.List;

/**
 * What a write did, each list a sorted list of relative paths with '/'.
 *
 * @param written files created or replaced because their content changed
 * @param kept files whose bytes were already right, left untouched (mtime kept)
 * @param deleted files an earlier run wrote that the new set no longer contains
 * @param notDeleted such stale files whose content changed since kesgen wrote them, left in place
 */
public record WriteResult(List<String> written, List<String> kept, List<String> deleted, List<String> notDeleted) {
  public WriteResult {
    written = sorted(written);
    kept = sorted(kept);
    deleted = sorted(deleted);
    notDeleted = sorted(notDeleted);
  }

  static List<String> sorted(List<String> paths) {
    return paths.stream().sorted().toList();
  }
}

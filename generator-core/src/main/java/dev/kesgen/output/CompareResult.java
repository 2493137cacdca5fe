package dev.kesgen.output;

import java.util.List;

/**
 * How an output directory differs from the files that would be written, each list a sorted list
 * of relative paths with '/'; the manifest counts as a file.
 *
 * @param differing files present with other content (or not a regular file)
 * @param missing files absent from the directory
 * @param extra files an earlier run wrote that the new set no longer contains
 */
public record CompareResult(List<String> differing, List<String> missing, List<String> extra) {
  public CompareResult {
    differing = WriteResult.sorted(differing);
    missing = WriteResult.sorted(missing);
    extra = WriteResult.sorted(extra);
  }

  /** True when writing the same files would change nothing. */
  public boolean upToDate() {
    return differing.isEmpty() && missing.isEmpty() && extra.isEmpty();
  }
}

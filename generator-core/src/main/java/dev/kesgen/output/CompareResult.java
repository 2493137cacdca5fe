package dev.kesgen.output;

import java.util.List;

/**
 * How an output directory differs from the files that would be written, each list a sorted list
 * of relative paths with '/'; the manifest counts as a file.
 *
 * @param differing files present with other content (or not a regular file)
 * @param missing files absent from the directory
 * @param extra files an earlier run wrote that the new set no longer contains
 * @param unknown files, symbolic links and other entries (not directories) that kesgen did not write: neither in the
 *     new set nor in the manifest; writing leaves them alone, but they do not belong in generated output
 */
public record CompareResult(List<String> differing, List<String> missing, List<String> extra, List<String> unknown) {
  public CompareResult {
    differing = WriteResult.sorted(differing);
    missing = WriteResult.sorted(missing);
    extra = WriteResult.sorted(extra);
    unknown = WriteResult.sorted(unknown);
  }

  /** True when writing the same files would change nothing (files kesgen did not write do not count). */
  public boolean upToDate() {
    return differing.isEmpty() && missing.isEmpty() && extra.isEmpty();
  }
}

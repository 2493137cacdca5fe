package dev.kesgen.output;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The texts of the files an output directory's manifest lists (what kesgen wrote there), to describe what a run
 * changes. Reads them as committed output ({@link RegularFiles}: regular files only, never through a link, within
 * the size limit); a file that is not UTF-8 stands as a placeholder text, so it compares as changed. A directory
 * without a manifest has no texts.
 */
public final class CommittedTexts {
  private static final String NOT_TEXT = "\0not UTF-8 text\0";

  private CommittedTexts() {}

  /** Output-relative path to text, for every file the manifest in {@code root} lists that exists. */
  public static SortedMap<String, String> of(Path root) throws OutputException {
    SortedMap<String, String> texts = new TreeMap<>();
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        throw new OutputException(root + " is not a directory (a link or a file); name the output directory itself");
      }
      return texts;
    }
    for (String path : Manifest.read(root).keySet()) {
      Optional<byte[]> bytes;
      try {
        bytes = RegularFiles.readIfPresent(root.resolve(path), InputKind.COMMITTED_OUTPUT);
      } catch (IOException e) {
        throw new OutputException("cannot read " + root.resolve(path) + ": " + dev.kesgen.files.Failures.describe(e), e);
      }
      bytes.ifPresent(b -> texts.put(path, text(b)));
    }
    return Collections.unmodifiableSortedMap(texts);
  }

  private static String text(byte[] bytes) {
    try {
      return RegularFiles.utf8(bytes);
    } catch (CharacterCodingException e) {
      return NOT_TEXT;
    }
  }
}

package dev.kesgen.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The texts of the files an output directory's manifest lists (what kesgen wrote there), to describe what a run
 * changes. Reads regular files only, never through a link, each of at most {@link #MAX_BYTES}; a file that is not
 * UTF-8 stands as a placeholder text, so it compares as changed. A directory without a manifest has no texts.
 */
public final class CommittedTexts {
  /** The largest file read: far above any file kesgen writes (a 10,000-tenant SUMMARY.md is a few MB). */
  public static final long MAX_BYTES = 64L * 1024 * 1024;
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
      Path file = root.resolve(path);
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (java.nio.file.NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw new OutputException("cannot read " + file + ": " + e.getMessage(), e);
      }
      if (!attributes.isRegularFile()) {
        throw new OutputException(file + " is " + (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular"
            + " file") + "; kesgen reads committed output only as regular files (remove it, or run generate)");
      }
      texts.put(path, read(file));
    }
    return Collections.unmodifiableSortedMap(texts);
  }

  private static String read(Path file) throws OutputException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
    } catch (IOException e) {
      throw new OutputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new OutputException(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; kesgen writes no such"
          + " file (remove it, or run generate)");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return NOT_TEXT;
    }
  }
}

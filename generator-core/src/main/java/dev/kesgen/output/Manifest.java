package dev.kesgen.output;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list of files kesgen wrote into an output directory: one {@code <sha256>  <path>} line per
 * file, sorted by path, LF, UTF-8 — the format of {@code sha256sum}, so {@code sha256sum -c} can
 * verify it.
 */
final class Manifest {
  static final String NAME = ".kesgen-manifest";
  private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (.+)");

  private Manifest() {}

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static byte[] format(Map<String, FileContent> files) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(files).forEach((path, content) -> text.append(content.sha256()).append("  ").append(path).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Path to SHA-256 of every file the manifest in {@code root} lists; empty if there is none. */
  static SortedMap<String, String> read(Path root) throws OutputException {
    Path file = root.resolve(NAME);
    SortedMap<String, String> entries = new TreeMap<>();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return entries;
    }
    String text;
    try {
      text = new String(RegularFiles.read(file, InputKind.MANIFEST), StandardCharsets.UTF_8);
    } catch (UnsafeFileException e) {
      throw new OutputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new OutputException("cannot read the manifest " + file + ": " + e.getMessage(), e);
    }
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      Matcher matcher = LINE.matcher(line);
      if (line.isEmpty() && number == 1) {
        continue;
      }
      if (!matcher.matches() || RelativePaths.problem(matcher.group(2)).isPresent()) {
        throw new OutputException("the manifest " + file + " is damaged at line " + number
            + "; restore it from version control, or delete it (kesgen then deletes no stale file)");
      }
      entries.put(matcher.group(2), matcher.group(1));
    }
    return entries;
  }
}

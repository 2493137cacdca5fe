package dev.kesgen.output;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of generated files that kesgen replaces safely and deterministically.
 *
 * <p>The caller passes the complete new set, relative path (with '/') to content. {@link #write}
 * then: refuses invalid paths ({@code ..}, absolute, backslash, empty segments) and anything in the
 * way (a directory or symbolic link where a file or directory is needed) before touching anything;
 * leaves files whose bytes are already right untouched, modification time included; writes every
 * new or changed file to a temporary file in its own directory, and only when all were written moves
 * them into place atomically (so a failure while writing leaves the previous output intact); then
 * replaces the manifest {@value #MANIFEST}; then deletes the files the previous manifest lists that
 * the new set does not, and the directories this leaves empty. A stale file whose content no longer
 * matches the manifest was edited by someone, so it is left in place and reported. Files kesgen
 * never wrote are never deleted, but a path in the new set overwrites whatever is there. Deleting applies
 * the same containment as writing: a stale path below a symbolic link (or a file) in the output directory
 * fails the run before anything is written, and a directory is only deleted where its real path is its
 * place under the real root. Files kesgen writes are 0644 and new directories 0755 whatever the umask (the
 * output is public: it is committed and read by whoever deploys it); a file whose bytes are already right keeps
 * whatever mode it has, as it is not touched at all.
 *
 * <pre>{@code
 * OutputDirectory out = new OutputDirectory(Path.of("generated"));
 * WriteResult result = out.write(Map.of("vault/apply.sh", FileContent.text(script)));
 * }</pre>
 */
public final class OutputDirectory {
  /** The name of the manifest of generated files in the output directory. */
  public static final String MANIFEST = Manifest.NAME;

  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");

  private final Path root;

  /** The output directory at {@code root}; it need not exist yet. */
  public OutputDirectory(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** The directory this writes into. */
  public Path root() {
    return root;
  }

  /**
   * Makes the directory hold exactly {@code files} (plus files kesgen did not write).
   *
   * @throws OutputException naming the path, if a path is invalid or blocked, or a file cannot be
   *     written; when it is thrown before files were moved into place, nothing was changed
   */
  public WriteResult write(Map<String, FileContent> files) throws OutputException {
    SortedMap<String, FileContent> wanted = validated(files);
    SortedMap<String, String> previous = Manifest.read(root);
    Entries entries = Entries.of(root);
    List<String> blocked = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, FileContent> file : wanted.entrySet()) {
      Optional<String> blockage = blockage(file.getKey(), entries);
      if (blockage.isPresent()) {
        blocked.add(blockage.get());
      } else {
        (sameContent(file.getKey(), file.getValue(), entries) ? kept : changed).add(file.getKey());
      }
    }
    for (String old : previous.keySet()) {
      if (!wanted.containsKey(old)) {
        notThroughLinks(old, entries).ifPresent(dir -> blocked.add(old + ", a stale file the manifest lists, lies below " + dir
            + ", which is a symbolic link or a file; kesgen deletes only through real directories of the output"
            + " directory, so remove " + dir + " (or that manifest line)"));
      }
    }
    if (!blocked.isEmpty()) {
      throw new OutputException("nothing was written, because: " + String.join("; ", blocked));
    }
    FileContent manifest = new FileContent(Manifest.format(wanted));
    boolean manifestChanged = !sameContent(MANIFEST, manifest, entries);
    Staging staging = new Staging(root);
    String current = null;
    try {
      for (String path : changed) {
        current = path;
        staging.stage(path, wanted.get(path).raw());
      }
      if (manifestChanged) {
        current = MANIFEST;
        staging.stage(MANIFEST, manifest.raw());
      }
    } catch (IOException e) {
      staging.rollBack();
      throw new OutputException("cannot write " + current + " in " + root + " (" + e + "); nothing was changed", e);
    }
    try {
      // the manifest was staged last, so it replaces the old one only after every file
      staging.commit();
    } catch (IOException e) {
      staging.rollBack();
      throw new OutputException("cannot move a generated file into place in " + root + ": " + e
          + "; some files were replaced, the manifest was not; run again", e);
    }
    List<String> deleted = new ArrayList<>();
    List<String> notDeleted = new ArrayList<>();
    for (Map.Entry<String, String> old : previous.entrySet()) {
      if (!wanted.containsKey(old.getKey())) {
        deleteStale(old.getKey(), old.getValue(), deleted, notDeleted);
      }
    }
    return new WriteResult(changed, kept, deleted, notDeleted);
  }

  /**
   * How the directory differs from what {@link #write} would make of it; writes nothing.
   *
   * @throws OutputException if a path is invalid or a file cannot be read
   */
  public CompareResult compare(Map<String, FileContent> files) throws OutputException {
    SortedMap<String, FileContent> wanted = new TreeMap<>(validated(files));
    SortedMap<String, String> previous = Manifest.read(root);
    wanted.put(MANIFEST, new FileContent(Manifest.format(validated(files))));
    Entries entries = Entries.of(root);
    if (!entries.complete() && Files.isDirectory(root)) {
      throw new OutputException("cannot list " + root + ": " + entries.failure());
    }
    List<String> differing = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    for (Map.Entry<String, FileContent> file : wanted.entrySet()) {
      if (!entries.exists(file.getKey())) {
        missing.add(file.getKey());
      } else if (!sameContent(file.getKey(), file.getValue(), entries)) {
        differing.add(file.getKey());
      }
    }
    for (String old : previous.keySet()) {
      if (!wanted.containsKey(old) && entries.exists(old)) {
        extra.add(old);
      }
    }
    // the walk does not follow links: a linked directory is one unknown entry, never descended into
    List<String> unknown = entries.files().stream()
        .filter(p -> !wanted.containsKey(p) && !previous.containsKey(p)).toList();
    return new CompareResult(differing, missing, extra, unknown);
  }

  /** Whether these bytes hold a PEM private key ({@code -----BEGIN ... PRIVATE KEY-----}). */
  public static boolean holdsPrivateKey(byte[] content) {
    // ISO-8859-1 maps every byte to one char, so binary files are searched too
    return PRIVATE_KEY.matcher(new String(content, StandardCharsets.ISO_8859_1)).find();
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
  }

  private static SortedMap<String, FileContent> validated(Map<String, FileContent> files) throws OutputException {
    SortedMap<String, FileContent> sorted = new TreeMap<>();
    files.forEach((path, content) -> sorted.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(content, path)));
    List<String> problems = RelativePaths.problems(new TreeSet<>(sorted.keySet()));
    if (!problems.isEmpty()) {
      throw new OutputException("invalid output paths: " + String.join("; ", problems));
    }
    return sorted;
  }

  /** Why {@code path} cannot be written: something that is not a directory where one is needed. */
  private Optional<String> blockage(String path, Entries entries) {
    if (entries.isDirectory(path)) {
      return Optional.of(path + " is a directory in " + root + "; move it away");
    }
    return notThroughLinks(path, entries)
        .map(dir -> dir + " must be a directory (not a file or symbolic link) to hold " + path);
  }

  /**
   * The first existing directory of {@code path} below the root that is not a real directory, relative; answered
   * from the run's listing, or from the file system as it is now ({@link Entries#live}).
   */
  private Optional<String> notThroughLinks(String path, Entries entries) {
    for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      String dir = path.substring(0, slash);
      if (entries.exists(dir) && !entries.isDirectory(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code dir} is, with every link resolved, exactly where it is under the real root: checked again right
   * before a deletion, in case a directory was replaced by a link after {@link #notThroughLinks} looked.
   */
  private boolean contained(Path dir) throws IOException {
    return !Files.isSymbolicLink(dir)
        && dir.toRealPath().equals(root.toRealPath().resolve(root.relativize(dir).toString()).normalize());
  }

  /**
   * Whether the committed file holds exactly these bytes; read as {@link RegularFiles} reads every file, so a link,
   * FIFO or device at a generated path fails the run (naming it) rather than being read through or hanging it.
   */
  private boolean sameContent(String path, FileContent content, Entries entries) throws OutputException {
    Path file = root.resolve(path);
    if (!entries.exists(path)) {
      return false; // nothing there (as the listing saw it): different, without a failing probe
    }
    try {
      return RegularFiles.requireRegular(file, InputKind.COMMITTED_OUTPUT).size() == content.raw().length
          && Arrays.equals(RegularFiles.read(file, InputKind.COMMITTED_OUTPUT), content.raw());
    } catch (UnsafeFileException e) {
      if (e.reason() == UnsafeFileException.Reason.TOO_LARGE) {
        return false; // larger than anything kesgen writes: different, and writing it again is the fix
      }
      throw new OutputException("nothing was written, because: " + e.getMessage(), e);
    } catch (IOException e) {
      // missing or unreadable counts as different: writing it again is the fix
      return false;
    }
  }

  private void deleteStale(String path, String sha256, List<String> deleted, List<String> notDeleted)
      throws OutputException {
    Path file = root.resolve(path);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      if (notThroughLinks(path, Entries.live(root)).isPresent() || !contained(file.getParent())) {
        throw new OutputException("refusing to delete the stale file " + path + " in " + root
            + ": a directory on its path is a symbolic link (it was replaced while kesgen ran)");
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !unchanged(file, sha256)) {
        notDeleted.add(path);
        return;
      }
      Files.delete(file);
      deleted.add(path);
      for (Path dir = file.getParent(); dir != null && !dir.equals(root) && contained(dir) && isEmptyDirectory(dir);
          dir = dir.getParent()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new OutputException("cannot delete the stale file " + file + ": " + e, e);
    }
  }

  /** Whether a stale file still holds what kesgen wrote; one larger than kesgen's limit was not written by it. */
  private static boolean unchanged(Path file, String sha256) throws IOException {
    try {
      return Manifest.sha256(RegularFiles.read(file, InputKind.COMMITTED_OUTPUT)).equals(sha256);
    } catch (UnsafeFileException e) {
      return false; // replaced by a link, FIFO, device or huge file: not kesgen's any more, so kept and reported
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}

package dev.kesgen.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes new contents beside their targets first and moves them into place only when every one
 * was written, so a failure while writing leaves the previous files as they were. Output is public (it is committed
 * and read by Helm, kubectl and CI steps that may run as another user): files are 0644 and directories 0755, set
 * explicitly so that the umask neither opens nor closes them.
 */
final class Staging {
  private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

  private final Path root;
  private final Map<String, Path> staged = new LinkedHashMap<>();
  private final List<Path> createdDirectories = new ArrayList<>();

  Staging(Path root) {
    this.root = root;
  }

  /** Writes {@code content} to a temporary file in the directory of {@code path}. */
  void stage(String path, byte[] content) throws IOException {
    Path target = root.resolve(path);
    createParents(target.getParent());
    // the temporary name starts with the target's so that a name the file system refuses fails here
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".kesgen-tmp");
    staged.put(path, temporary);
    // created 0600 by createTempFile; the rename keeps the mode, so the committed file gets exactly 0644
    if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(temporary, FILE_PERMISSIONS);
    }
    Files.write(temporary, content);
  }

  /** Moves every staged file onto its target, in order; returns the paths moved. */
  List<String> commit() throws IOException {
    List<String> moved = new ArrayList<>();
    for (Map.Entry<String, Path> entry : staged.entrySet()) {
      replace(entry.getValue(), root.resolve(entry.getKey()));
      moved.add(entry.getKey());
    }
    staged.clear();
    return moved;
  }

  /** Deletes every temporary file not yet moved and every directory staging created, if empty. */
  void rollBack() {
    for (Path temporary : staged.values()) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // best effort: a leftover .kesgen-tmp file is harmless and the error being reported matters more
      }
    }
    staged.clear();
    for (int i = createdDirectories.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(createdDirectories.get(i));
      } catch (IOException e) {
        // not empty or not removable: leave it
      }
    }
  }

  static void replace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void createParents(Path directory) throws IOException {
    List<Path> missing = new ArrayList<>();
    // java.io.File: no exception for a directory not made yet (a link to nothing counts as missing here, and its
    // creation then fails, as writing into it did before)
    for (Path d = directory; d != null && !d.toFile().exists(); d = d.getParent()) {
      missing.add(0, d);
    }
    for (Path d : missing) {
      createDirectory(d);
      createdDirectories.add(d);
    }
  }

  /**
   * Creates a directory 0755 whatever the umask: created owner-only first (the umask can only take bits away), then
   * set to exactly 0755, so that it is never more open than that, also under {@code umask 000}.
   */
  static void createDirectory(Path directory) throws IOException {
    if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectory(directory);
      return;
    }
    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.setPosixFilePermissions(directory, DIRECTORY_PERMISSIONS);
  }
}

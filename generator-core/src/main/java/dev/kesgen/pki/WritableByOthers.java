package dev.kesgen.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warnings for a secrets directory others can write to, or that others can replace: the directory itself, and every
 * directory above it up to the file system's root, as written and with links resolved, that its group or others may
 * write. A directory above it with the sticky bit (such as {@code /tmp}) is not reported: there others cannot rename
 * or remove what they do not own. The directories below the root are not looked at: kesgen creates them 0700.
 * Only a warning, as the run's own files are still written owner-only; the verification cache additionally trusts
 * only a file its user owns ({@link VerifiedPairs}).
 */
final class WritableByOthers {
  private static final int STICKY = 01000;

  private WritableByOthers() {}

  /** One warning per such directory, upwards from the secrets directory; none where there are no POSIX permissions. */
  static List<String> of(Path root) {
    Set<Path> directories = new LinkedHashSet<>();
    Path existing = root.toAbsolutePath().normalize();
    while (existing != null && !Files.isDirectory(existing)) {
      existing = existing.getParent(); // not created yet: kesgen will create it 0700, below what exists
    }
    if (existing == null || !existing.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return List.of();
    }
    for (Path p = existing; p != null; p = p.getParent()) {
      directories.add(p);
    }
    try {
      for (Path p = existing.toRealPath(); p != null; p = p.getParent()) {
        directories.add(p);
      }
    } catch (IOException | SecurityException e) {
      // the lexical chain alone
    }
    Path secrets = root.toAbsolutePath().normalize();
    Set<Path> itself = new LinkedHashSet<>(List.of(secrets));
    if (existing.equals(secrets)) {
      try {
        itself.add(secrets.toRealPath());
      } catch (IOException | SecurityException e) {
        // the name as given
      }
    }
    List<String> warnings = new ArrayList<>();
    for (Path directory : directories) {
      describe(directory, secrets, itself.contains(directory)).ifPresent(warnings::add);
    }
    return warnings;
  }

  private static Optional<String> describe(Path directory, Path secrets, boolean itself) {
    Set<PosixFilePermission> permissions;
    int mode;
    try {
      if (Files.isSymbolicLink(directory)) {
        return Optional.empty(); // a link has no permissions of its own; where it points is looked at too
      }
      permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
      Object unixMode = directory.getFileSystem().supportedFileAttributeViews().contains("unix")
          ? Files.getAttribute(directory, "unix:mode", LinkOption.NOFOLLOW_LINKS) : null;
      mode = unixMode instanceof Integer m ? m : 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
    boolean group = permissions.contains(PosixFilePermission.GROUP_WRITE);
    boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE);
    if (!group && !others || !itself && (mode & STICKY) != 0) {
      return Optional.empty();
    }
    String who = others ? "world-writable" : "group-writable";
    String anyone = others ? "any user" : "anyone in its group";
    String fix = others ? (group ? "go-w" : "o-w") : "g-w";
    String shown = PosixFilePermissions.toString(permissions);
    if (itself) {
      return Optional.of("the secrets directory " + secrets + " is " + who + " (" + shown + "): " + anyone
          + " can add or replace files and directories in it, and so private keys; run chmod " + fix + " "
          + directory);
    }
    return Optional.of(directory + ", above the secrets directory " + secrets + ", is " + who + " ("
        + shown + "): " + anyone + " can move the secrets directory away and put another in its place; run chmod "
        + fix + " " + directory + ", or choose a secrets directory elsewhere");
  }
}

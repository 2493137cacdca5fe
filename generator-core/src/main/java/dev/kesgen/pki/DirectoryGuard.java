package dev.kesgen.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps private keys out of the committed output: output and secrets directories must not overlap, and no key is
 * written under the output directory. Paths are compared absolute and normalised, and again with symbolic links
 * of their existing part resolved, using {@link Path#startsWith(Path)} (whole name elements, so {@code out} and
 * {@code out-secrets} do not clash).
 */
public final class DirectoryGuard {
  private DirectoryGuard() {}

  /** Throws {@link UnsafeKeyLocationException} if the two directories are the same or one is inside the other. */
  public static void requireSeparate(Path outputDirectory, Path secretsDirectory) {
    Path outLexical = lexical(outputDirectory);
    Path secLexical = lexical(secretsDirectory);
    Path outReal = real(outputDirectory);
    Path secReal = real(secretsDirectory);
    if (overlap(outLexical, secLexical) || overlap(outReal, secReal)) {
      throw new UnsafeKeyLocationException("the secrets directory " + secretsDirectory
          + " and the output directory " + outputDirectory
          + " are the same or nested; private keys would be committed with the output."
          + " Choose a secrets directory outside the output directory (default: secrets/ beside the topology)");
    }
  }

  /** Throws {@link UnsafeKeyLocationException} if this file is the output directory or anywhere under it. */
  public static void requireOutside(Path file, Path outputDirectory) {
    requireOutside(file, outputDirectory, real(outputDirectory));
  }

  /** As {@link #requireOutside(Path, Path)}, with the output directory's links already resolved ({@link #real}). */
  static void requireOutside(Path file, Path outputDirectory, Path outputReal) {
    requireOutside(file, outputDirectory, outputReal, null);
  }

  /**
   * As above, with {@code fileReal} the file's path with links resolved when the caller knows it (no link between
   * a root whose real path it holds and the file, checked just before), or null to resolve it here.
   */
  static void requireOutside(Path file, Path outputDirectory, Path outputReal, Path fileReal) {
    if (lexical(file).startsWith(lexical(outputDirectory))
        || (fileReal != null ? fileReal : real(file)).startsWith(outputReal)) {
      throw new UnsafeKeyLocationException("refusing to write a private key under the output directory "
          + outputDirectory + ": " + file);
    }
  }

  /**
   * Throws {@link UnsafeKeyLocationException} if {@code file} or any directory between {@code root} and it is a
   * symbolic link (the root itself may be one). Keys and Secret manifests are written and read only through real
   * directories below the secrets root, so a link planted there cannot send a private key elsewhere or have kesgen
   * overwrite the link's target.
   */
  public static void requireNoLinkBelow(Path root, Path file) {
    Path base = lexical(root);
    firstLinkBelow(root, file).ifPresent(current -> {
      throw new UnsafeKeyLocationException(base.relativize(current) + " in the secrets directory " + base
          + " is a symbolic link; kesgen never follows links below the secrets directory (they could send private"
          + " keys elsewhere or overwrite the link's target): replace it with a real directory or file");
    });
  }

  /**
   * The first of {@code file} and the directories between {@code root} and it that is a symbolic link, as an
   * absolute path; empty when there is none up to the first that does not exist.
   *
   * @throws UnsafeKeyLocationException if {@code file} is not below {@code root}
   */
  static java.util.Optional<Path> firstLinkBelow(Path root, Path file) {
    Path base = lexical(root);
    Path target = lexical(file);
    if (!target.startsWith(base) || target.equals(base)) {
      throw new UnsafeKeyLocationException("refusing to use " + file + ": it is not below the secrets directory " + root);
    }
    Path current = base;
    for (Path name : base.relativize(target)) {
      current = current.resolve(name);
      if (current.toFile().exists()) {
        // java.io.File follows links and costs no exception; something is there, so this lstat does not fail
        if (Files.isSymbolicLink(current)) {
          return java.util.Optional.of(current);
        }
      } else {
        // nothing there, or a link to nothing (which is refused too): only this probe tells them apart
        return Files.isSymbolicLink(current) ? java.util.Optional.of(current) : java.util.Optional.empty();
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean overlap(Path a, Path b) {
    return a.startsWith(b) || b.startsWith(a);
  }

  private static Path lexical(Path path) {
    return path.toAbsolutePath().normalize();
  }

  // The deepest existing ancestor with links resolved, plus the part that does not exist yet.
  static Path real(Path path) {
    Path absolute = lexical(path);
    Path existing = absolute;
    // java.io.File: a path that does not exist yet costs no exception (Files.exists throws one inside)
    while (existing != null && !existing.toFile().exists()) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}

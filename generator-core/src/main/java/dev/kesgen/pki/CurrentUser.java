package dev.kesgen.pki;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;

/**
 * The user this process creates files as, so that a file another user owns is recognised. The JDK has no getuid, so
 * this is the owner of a file the process has just created (in the temporary directory, removed at once), which is
 * what the secrets directory's own files get; {@code user.name} is only the fallback, because a system property can be
 * set on the command line and a container user may have no name. Found once per JVM.
 */
final class CurrentUser {
  private CurrentUser() {}

  private static final class Holder {
    static final Optional<UserPrincipal> USER = find();
  }

  /** The current user; empty where files have no owner or it cannot be found (then no file is trusted by owner). */
  static Optional<UserPrincipal> get() {
    return Holder.USER;
  }

  /** Whether this file (not followed if a link) is owned by the current user; true where files have no owners. */
  static boolean owns(Path file) throws IOException {
    if (Files.getFileAttributeView(file, FileOwnerAttributeView.class, LinkOption.NOFOLLOW_LINKS) == null) {
      return true; // no owners on this file system: its permissions are all there is
    }
    Optional<UserPrincipal> user = get();
    return user.isPresent() && user.get().equals(Files.getOwner(file, LinkOption.NOFOLLOW_LINKS));
  }

  private static Optional<UserPrincipal> find() {
    try {
      Path probe = Files.createTempFile("kesgen-owner", ".tmp");
      try {
        return Optional.of(Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS));
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      try {
        return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
            .lookupPrincipalByName(System.getProperty("user.name")));
      } catch (IOException | UnsupportedOperationException | SecurityException e2) {
        return Optional.empty();
      }
    }
  }
}

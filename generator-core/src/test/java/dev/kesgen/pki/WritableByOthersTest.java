package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Which directories around the secrets directory are reported as writable by others, and under which name. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class WritableByOthersTest {
  @TempDir Path dir;

  @Test
  void aSecretsDirectoryThatIsALinkIsJudgedByTheDirectoryItPointsTo() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real-secrets"));
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxrwx---"));
    Path link = Files.createSymbolicLink(dir.resolve("secrets"), real);

    assertThat(WritableByOthers.of(link)).containsExactly("the secrets directory " + link + " is group-writable"
        + " (rwxrwx---): anyone in its group can add or replace files and directories in it, and so private keys;"
        + " run chmod g-w " + real.toRealPath());
  }

  @Test
  void aWritableDirectoryAboveALinkedSecretsDirectoryIsFoundThroughTheLink() throws Exception {
    // the link is in an owner-only directory, the directory it points into is world-writable without the sticky bit
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Path real = Files.createDirectory(shared.resolve("secrets"));
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path link = Files.createSymbolicLink(dir.resolve("secrets"), real);

    assertThat(WritableByOthers.of(link)).containsExactly(shared.toRealPath() + ", above the secrets directory "
        + link + ", is world-writable (rwxrwxrwx): any user can move the secrets directory away and put another in"
        + " its place; run chmod go-w " + shared.toRealPath() + ", or choose a secrets directory elsewhere");
  }

  @Test
  void anOwnerOnlyDirectoryIsNotReported() throws Exception {
    Path secrets = Files.createDirectory(dir.resolve("secrets"));
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwx------"));

    assertThat(WritableByOthers.of(secrets)).isEmpty();
  }
}

package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secrets directory that others can write, or whose parent others can write, is warned about by generate and
 * check; one that only its owner can change is not.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SecretsDirectoryWarningTest {
  @TempDir Path dir;

  private GenerateRequest request(Path secrets) {
    return GenerateRequest.of(GeneratorTest.TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(secrets).withClock(Golden.CLOCK);
  }

  @Test
  void aGroupWritableSecretsDirectoryIsWarnedAboutByGenerateAndCheck() throws Exception {
    Path secrets = dir.resolve("secrets");
    Files.createDirectory(secrets);
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwxrwx---"));
    String warning = "the secrets directory " + secrets + " is group-writable (rwxrwx---): anyone in its group can"
        + " add or replace files and directories in it, and so private keys; run chmod g-w " + secrets;

    GenerateResult generated = Kesgen.generate(request(secrets));
    List<String> heard = new ArrayList<>();
    Kesgen.check(request(secrets), Optional.empty(), event -> {
      if (event instanceof KesgenEvent.Warning w) {
        heard.add(w.warning().message());
      }
    });

    assertThat(messages(generated)).contains(warning);
    assertThat(heard).contains(warning);
    assertThat(generated.warnings()).filteredOn(w -> w.message().equals(warning))
        .extracting(w -> w.id().id()).containsExactly("secrets-directory-writable");
  }

  @Test
  void aWorldWritableParentIsWarnedAboutEvenBeforeTheSecretsDirectoryExists() throws Exception {
    Path parent = dir.resolve("shared");
    Files.createDirectory(parent);
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path secrets = parent.resolve("secrets");

    GenerateResult generated = Kesgen.generate(request(secrets));

    assertThat(messages(generated)).contains(parent + ", above the secrets directory " + secrets
        + ", is world-writable (rwxrwxrwx): any user can move the secrets directory away and put another in its"
        + " place; run chmod go-w " + parent + ", or choose a secrets directory elsewhere");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
  }

  @Test
  void anOwnerOnlySecretsDirectoryBelowAStickyDirectoryIsNotWarnedAbout() throws Exception {
    // world-writable with the sticky bit, like /tmp: others cannot rename or remove what is ours there
    Path parent = dir.resolve("sticky");
    Files.createDirectory(parent);
    Files.setAttribute(parent, "unix:mode", 01777);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parent))).isEqualTo("rwxrwxrwx");
    Path secrets = parent.resolve("secrets");

    GenerateResult generated = Kesgen.generate(request(secrets));
    GenerateResult again = Kesgen.generate(request(secrets));

    assertThat(messages(generated)).noneMatch(w -> w.contains("writable"));
    assertThat(messages(again)).noneMatch(w -> w.contains("writable"));
  }

  private static List<String> messages(GenerateResult result) {
    return result.warnings().stream().map(dev.kesgen.warning.Warning::message).toList();
  }
}

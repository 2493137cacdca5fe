package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 21 (items 2 and 5) on the files kesgen reads, through the public API: committed files and
 * template overrides that are links, FIFOs or devices fail the run as the environment's (exit 3 in the CLI), with a
 * message naming the file, before anything is written.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CommittedInputsTest {
  @TempDir Path dir;

  private GenerateRequest request() {
    return GenerateRequest.of(GeneratorTest.TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  private Path generated(String path) {
    return dir.resolve("generated").resolve(path);
  }

  private static void mkfifo(Path fifo) throws Exception {
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
  }

  /** Every entry below the directory (links not followed) with its bytes and modification time. */
  private static Map<String, String> snapshot(Path root) throws Exception {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String content = a.isRegularFile() ? java.util.HexFormat.of().formatHex(Files.readAllBytes(p))
            : a.isSymbolicLink() ? "-> " + Files.readSymbolicLink(p) : a.isDirectory() ? "dir" : "other";
        entries.put(root.relativize(p).toString(), content + " @" + a.lastModifiedTime().toMillis());
      }
    }
    return entries;
  }

  @Test
  void aTemplateOverrideLinkedToAPrivateKeyIsRefusedAndNothingIsWritten() throws Exception {
    Kesgen.generate(request());
    Path key = dir.resolve("secrets/kes/dev/server.key");
    assertThat(key).isRegularFile();
    // the issue's attack exactly: git commits the link, and the link points into the secrets directory
    Path templates = Files.createDirectory(dir.resolve("tpl"));
    Path link = Files.createSymbolicLink(templates.resolve("summary.md.hbs"), Path.of("../secrets/kes/dev/server.key"));
    Map<String, String> before = snapshot(dir.resolve("generated"));

    EnvironmentException e = catchThrowableOfType(EnvironmentException.class,
        () -> Kesgen.generate(request().withTemplateDirectory(templates)));

    assertThat(e).hasMessage("the template directory " + templates + " holds something kesgen does not read: " + link
        + " is a symbolic link (to ../secrets/kes/dev/server.key); kesgen reads a template only from a regular file,"
        + " never through a link (replace the link with a copy of the file, or remove it)");
    assertThat(snapshot(dir.resolve("generated"))).isEqualTo(before);
    assertThat(Files.readString(generated("SUMMARY.md"))).doesNotContain("PRIVATE KEY");
  }

  @Test
  void aDanglingLinkInTheTemplateDirectoryIsAnErrorNotIgnored() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("tpl/vault"));
    Path link = Files.createSymbolicLink(templates.resolve("policy.hcl.hbs"), dir.resolve("gone.hbs"));

    EnvironmentException e = catchThrowableOfType(EnvironmentException.class,
        () -> Kesgen.generate(request().withTemplateDirectory(dir.resolve("tpl"))));

    assertThat(e).hasMessageContaining(link + " is a symbolic link (to " + dir.resolve("gone.hbs")
        + ", which does not exist)");
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  @Test
  void aLinkedDirectoryInTheTemplateDirectoryIsRefused() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("policy.hcl.hbs"), "path \"*\" { capabilities = [\"sudo\"] }\n");
    Path templates = Files.createDirectories(dir.resolve("tpl"));
    Path link = Files.createSymbolicLink(templates.resolve("vault"), elsewhere);

    EnvironmentException e = catchThrowableOfType(EnvironmentException.class,
        () -> Kesgen.generate(request().withTemplateDirectory(templates)));

    assertThat(e).hasMessageContaining(link + " is a symbolic link (to " + elsewhere + ")");
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  @Test
  void aFifoInTheTemplateDirectoryIsRefusedWithoutHanging() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("tpl"));
    Path fifo = templates.resolve("summary.md.hbs");
    mkfifo(fifo);

    EnvironmentException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(
        EnvironmentException.class, () -> Kesgen.generate(request().withTemplateDirectory(templates))));

    assertThat(e).hasMessageContaining(fifo + " is a FIFO (named pipe), not a regular file");
    assertThat(dir.resolve("generated")).doesNotExist();
  }

  @Test
  void aTemplateDirectoryThatIsItselfALinkIsRead() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real-tpl"));
    Files.writeString(real.resolve("summary.md.hbs"), "# {{header}}\n");
    Path templates = Files.createSymbolicLink(dir.resolve("tpl"), real);

    Kesgen.generate(request().withTemplateDirectory(templates));

    assertThat(generated("SUMMARY.md")).content().startsWith("# Generated by kesgen");
  }

  @Test
  void checkOnACommittedCertificateLinkedToDevZeroFailsWithAMessageNotOutOfMemory() throws Exception {
    Kesgen.generate(request());
    Path certificate = generated("kes/dev/server.crt");
    Files.delete(certificate);
    Files.createSymbolicLink(certificate, Path.of("/dev/zero"));

    EnvironmentException check = catchThrowableOfType(EnvironmentException.class,
        () -> Kesgen.check(request(), Optional.empty()));
    EnvironmentException generate = catchThrowableOfType(EnvironmentException.class,
        () -> Kesgen.generate(request()));

    String message = certificate + " is a symbolic link (to /dev/zero); kesgen reads a committed certificate only from"
        + " a regular file, never through a link (replace the link with a copy of the file, or remove it)";
    assertThat(check).hasMessage(message);
    assertThat(generate).hasMessage(message);
    assertThat(Files.isSymbolicLink(certificate)).isTrue();
  }

  @Test
  void checkOnAManifestLinkedToDevZeroFailsWithAMessage() throws Exception {
    Kesgen.generate(request());
    Path manifest = generated(".kesgen-manifest");
    Files.delete(manifest);
    Files.createSymbolicLink(manifest, Path.of("/dev/zero"));

    EnvironmentException e = catchThrowableOfType(EnvironmentException.class,
        () -> Kesgen.check(request(), Optional.empty()));

    assertThat(e).hasMessage(manifest + " is a symbolic link (to /dev/zero); kesgen reads the manifest only from a"
        + " regular file, never through a link (replace the link with a copy of the file, or remove it)");
  }

  @Test
  void aCommittedCertificateThatIsAFifoDoesNotHangCheck() throws Exception {
    Kesgen.generate(request());
    Path certificate = generated("kes/dev/server.crt");
    Files.delete(certificate);
    mkfifo(certificate);

    EnvironmentException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(
        EnvironmentException.class, () -> Kesgen.check(request(), Optional.empty())));

    assertThat(e).hasMessageStartingWith(certificate + " is a FIFO (named pipe), not a regular file; kesgen reads a"
        + " committed certificate only from a regular file");
  }

  @Test
  void aManifestThatIsAFifoDoesNotHangCheck() throws Exception {
    Kesgen.generate(request());
    Path manifest = generated(".kesgen-manifest");
    Files.delete(manifest);
    mkfifo(manifest);

    EnvironmentException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(
        EnvironmentException.class, () -> Kesgen.check(request(), Optional.empty())));

    assertThat(e).hasMessageStartingWith(manifest + " is a FIFO (named pipe), not a regular file");
  }

  @Test
  void aGeneratedFileReplacedByALinkIsNamedByCheckAndGenerateAndNotReadThrough() throws Exception {
    Kesgen.generate(request());
    Path script = generated("vault/apply.sh");
    Files.delete(script);
    Files.createSymbolicLink(script, Path.of("/dev/zero"));
    Map<String, String> before = snapshot(dir.resolve("generated"));

    EnvironmentException check = catchThrowableOfType(EnvironmentException.class,
        () -> Kesgen.check(request(), Optional.empty()));
    EnvironmentException generate = catchThrowableOfType(EnvironmentException.class,
        () -> Kesgen.generate(request()));

    assertThat(check).hasMessageContaining(script + " is a symbolic link (to /dev/zero); kesgen reads committed"
        + " output only from a regular file");
    assertThat(generate).hasMessageContaining(script + " is a symbolic link (to /dev/zero)");
    assertThat(snapshot(dir.resolve("generated"))).isEqualTo(before);
  }
}

package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links below the secrets root are refused, never followed. */
class SecretsDirectoryLinksTest {
  @TempDir Path root;

  private final Instance instance = Fixtures.instance(KeyType.ECDSA_P256, KeyType.ED25519);
  private final CertificateLifecycle lifecycle = new CertificateLifecycle(Fixtures.clock(Fixtures.T0));

  private Path secrets() {
    return root.resolve("secrets");
  }

  private SecretsDirectory secretsDirectory() {
    return new SecretsDirectory(secrets(), root.resolve("generated"));
  }

  private CertificateOutcome server() {
    return lifecycle.maintain(CertificateTarget.server(instance), root.resolve("generated"), KeySource.NONE, false);
  }

  private static String tree(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
    }
  }

  @Test
  void aGitignoreThatIsALinkIsRefusedAndItsTargetLeftAlone() throws IOException {
    Path victim = Files.writeString(root.resolve("victim.txt"), "precious\n");
    Files.createDirectories(secrets());
    Files.createSymbolicLink(secrets().resolve(".gitignore"), victim);

    assertThatThrownBy(() -> secretsDirectory().prepareRoot())
        .isInstanceOf(UnsafeKeyLocationException.class)
        .hasMessageContaining(".gitignore in the secrets directory " + secrets() + " is a symbolic link");
    assertThat(victim).hasContent("precious");
  }

  @Test
  void aKesDirectoryThatIsALinkGetsNoKeyWhenPreparingOrStoring() throws IOException {
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    Files.createDirectories(secrets());
    Files.createSymbolicLink(secrets().resolve("kes"), elsewhere);
    CertificateOutcome server = server();

    assertThatThrownBy(() -> secretsDirectory().prepare(server))
        .isInstanceOf(UnsafeKeyLocationException.class)
        .hasMessageContaining("kes in the secrets directory " + secrets() + " is a symbolic link");
    assertThatThrownBy(() -> secretsDirectory().store(new SecretDelivery(server, Optional.empty())))
        .isInstanceOf(UnsafeKeyLocationException.class)
        .hasMessageContaining("kes in the secrets directory");
    assertThat(tree(elsewhere)).isEqualTo("[]");
  }

  @Test
  void aKeyFileThatIsALinkIsNeitherOverwrittenNorRead() throws IOException {
    Path victim = Files.writeString(root.resolve("victim.key"), "precious\n");
    Files.createDirectories(secrets().resolve("kes/dev"));
    Files.createSymbolicLink(secrets().resolve("kes/dev/server.key"), victim);
    CertificateOutcome server = server();

    assertThatThrownBy(() -> secretsDirectory().store(new SecretDelivery(server, Optional.empty())))
        .isInstanceOf(UnsafeKeyLocationException.class)
        .hasMessageContaining("kes/dev/server.key in the secrets directory");
    assertThatThrownBy(() -> KeySource.directory(secrets()).privateKeyPem(server.target()))
        .isInstanceOf(UnsafeKeyLocationException.class);
    assertThat(victim).hasContent("precious");
  }

  @Test
  void theRootItselfMayBeALink() throws IOException {
    Path real = Files.createDirectories(root.resolve("real-secrets"));
    Files.createSymbolicLink(secrets(), real);

    secretsDirectory().store(new SecretDelivery(server(), Optional.empty()));

    assertThat(real.resolve("kes/dev/server.key")).exists();
    assertThat(real.resolve(".gitignore")).hasContent("*");
  }

  @Test
  void theGitignoreIsWrittenOwnerOnlyThroughARename() throws IOException {
    Files.createDirectories(secrets());
    Files.writeString(secrets().resolve(".gitignore"), "not everything\n");

    secretsDirectory().prepareRoot();

    assertThat(secrets().resolve(".gitignore")).hasContent("*");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets().resolve(".gitignore"))))
        .isEqualTo("rw-------");
    assertThat(tree(secrets())).isEqualTo("[.gitignore]");
  }
}

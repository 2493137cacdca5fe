package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryGuardTest {
  @TempDir Path root;

  @Test
  void refusesTheSameDirectory() {
    assertThatThrownBy(() -> DirectoryGuard.requireSeparate(root.resolve("out"), root.resolve("out/./")))
        .isInstanceOf(UnsafeKeyLocationException.class).hasMessageContaining("same or nested");
  }

  @Test
  void refusesSecretsInsideOutput() {
    assertThatThrownBy(() -> DirectoryGuard.requireSeparate(root.resolve("out"), root.resolve("out/secrets")))
        .isInstanceOf(UnsafeKeyLocationException.class);
  }

  @Test
  void refusesOutputInsideSecrets() {
    assertThatThrownBy(() -> DirectoryGuard.requireSeparate(root.resolve("secrets/out"), root.resolve("secrets")))
        .isInstanceOf(UnsafeKeyLocationException.class);
  }

  @Test
  void refusesNestingSpelledWithDotDot() {
    assertThatThrownBy(() -> DirectoryGuard.requireSeparate(root.resolve("out"), root.resolve("x/../out/s")))
        .isInstanceOf(UnsafeKeyLocationException.class);
  }

  @Test
  void refusesNestingThroughASymbolicLink() throws IOException {
    Files.createDirectories(root.resolve("out"));
    Files.createSymbolicLink(root.resolve("link"), root.resolve("out"));

    assertThatThrownBy(() -> DirectoryGuard.requireSeparate(root.resolve("out"), root.resolve("link/secrets")))
        .isInstanceOf(UnsafeKeyLocationException.class);
  }

  @Test
  void acceptsSiblingsSharingANamePrefix() {
    assertThatCode(() -> DirectoryGuard.requireSeparate(root.resolve("out"), root.resolve("out-secrets")))
        .doesNotThrowAnyException();
  }

  @Test
  void secretsDirectoryRefusesToBeCreatedInsideOutput() {
    assertThatThrownBy(() -> new SecretsDirectory(root.resolve("out/keys"), root.resolve("out")))
        .isInstanceOf(UnsafeKeyLocationException.class);
  }

  @Test
  void refusesAKeyWhoseDirectoryLinksIntoTheOutput() throws IOException {
    Path output = root.resolve("out");
    Path secrets = root.resolve("secrets");
    Files.createDirectories(output);
    Files.createDirectories(secrets);
    Files.createSymbolicLink(secrets.resolve("kes"), output);
    Instance instance = Fixtures.instance(KeyType.ED25519, KeyType.ED25519);
    CertificateOutcome outcome = new CertificateLifecycle(Fixtures.clock(Fixtures.T0))
        .maintain(CertificateTarget.server(instance), output, secrets, false);

    assertThatThrownBy(() -> new SecretsDirectory(secrets, output).store(new SecretDelivery(outcome, Optional.empty())))
        .isInstanceOf(UnsafeKeyLocationException.class).hasMessageContaining("under the output directory");
    try (Stream<Path> written = Files.list(output)) {
      assertThat(written).isEmpty();
    }
  }

  /**
   * The secrets directory resolves its root once; every file is still checked for links below the root each time,
   * so a directory replaced by a link into the output after a first key was stored still stops the next write.
   */
  @Test
  void aDirectoryReplacedByALinkIntoTheOutputAfterAFirstStoreIsRefused() throws IOException {
    Path output = Files.createDirectories(root.resolve("out"));
    Path secrets = Files.createDirectories(root.resolve("secrets"));
    Instance instance = Fixtures.instance(KeyType.ED25519, KeyType.ED25519);
    CertificateOutcome client = new CertificateLifecycle(Fixtures.clock(Fixtures.T0)).maintain(
        CertificateTarget.client(instance, Fixtures.tenant(instance)), output, secrets, false);
    SecretsDirectory directory = new SecretsDirectory(secrets, output);
    directory.prepare(client);
    directory.store(new SecretDelivery(client, Optional.empty()));
    Path stored = secrets.resolve(client.target().keyPath());
    assertThat(stored).exists();

    Path first = secrets.resolve(secrets.relativize(stored).getName(0));
    Files.move(first, root.resolve("moved"));
    Files.createSymbolicLink(first, output);

    assertThatThrownBy(() -> directory.store(new SecretDelivery(client, Optional.empty()))).isInstanceOf(UnsafeKeyLocationException.class)
        .hasMessageContaining("under the output directory");
    assertThatThrownBy(() -> directory.prepare(client)).isInstanceOf(UnsafeKeyLocationException.class)
        .hasMessageContaining("under the output directory");
    try (Stream<Path> written = Files.list(output)) {
      assertThat(written).isEmpty();
    }
  }
}

package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.output.OutputDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScanTest {
  static final String BEGIN = "-----BEGIN";

  @TempDir Path root;

  @Test
  void findsEveryPemPrivateKeyVariantAndNothingElse() throws Exception {
    Files.createDirectories(root.resolve("kes/a"));
    Files.writeString(root.resolve("kes/a/server.key"), BEGIN + " PRIVATE KEY-----\nMII\n");
    Files.writeString(root.resolve("ec.pem"), "x\n" + BEGIN + " EC PRIVATE KEY-----\n");
    Files.writeString(root.resolve("enc.pem"), BEGIN + " ENCRYPTED PRIVATE KEY-----\n");
    Files.writeString(root.resolve("rsa.pem"), BEGIN + " RSA PRIVATE KEY-----\n");
    Files.writeString(root.resolve("server.crt"), BEGIN + " CERTIFICATE-----\n");
    Files.writeString(root.resolve("doc.md"), "never commit a PRIVATE KEY\n");

    assertThat(SecretScan.of(new OutputDirectory(root))).allMatch(f -> f.kind() == Finding.Kind.SECRET_IN_OUTPUT)
        .extracting(Finding::subject).containsExactly("ec.pem", "enc.pem", "kes/a/server.key", "rsa.pem");
  }

  @Test
  void aMissingDirectoryHasNoKeys() throws Exception {
    assertThat(SecretScan.of(new OutputDirectory(root.resolve("none")))).isEmpty();
  }
}

package dev.kesgen.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateKeyScanTest {
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

    assertThat(new OutputDirectory(root).filesWithPrivateKeys())
        .containsExactly("ec.pem", "enc.pem", "kes/a/server.key", "rsa.pem");
  }

  @Test
  void aMissingDirectoryHasNoKeys() throws Exception {
    assertThat(new OutputDirectory(root.resolve("none")).filesWithPrivateKeys()).isEmpty();
  }
}

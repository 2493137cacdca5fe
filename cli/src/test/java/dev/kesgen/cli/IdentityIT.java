package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.pki.Identity;
import dev.kesgen.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code identity} prints what the library and openssl compute, from a file or standard input, and nothing else. */
class IdentityIT {
  private static final String CERTIFICATE = "generated/tenants/dev/gecko/client.crt";

  @TempDir
  Path dir;

  private String expected;

  @BeforeEach
  void certificate() throws IOException {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--quiet", "--clock", CLOCK).exit()).isZero();
    expected = Identity.of(Pem.decodeCertificate(Files.readString(dir.resolve(CERTIFICATE)))).hex();
  }

  @Test
  void fromAFile() {
    Jar.Run run = Jar.run(dir, "identity", CERTIFICATE);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo(expected + "\n");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void fromStandardInput() throws IOException {
    Jar.Run run = Jar.run(dir, Files.readAllBytes(dir.resolve(CERTIFICATE)), "identity", "-");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo(expected + "\n");
  }

  @Test
  void asTheKesCommandLineSpellsIt() {
    assertThat(Jar.run(dir, "identity", "of", CERTIFICATE).stdout()).isEqualTo(expected + "\n");
    assertThat(Jar.run(dir, "identity", "--certificate", CERTIFICATE).stdout()).isEqualTo(expected + "\n");
  }

  @Test
  void equalsTheSha256OfThePublicKeyAsOpensslSeesIt() {
    String openssl = Jar.exec(dir, "sh", "-c", "openssl x509 -in " + CERTIFICATE
        + " -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum");

    assertThat(Jar.run(dir, "identity", CERTIFICATE).stdout()).isEqualTo(openssl.split(" ")[0] + "\n");
  }

  @Test
  void notACertificateIsAFinding() {
    Jar.Run run = Jar.run(dir, "no PEM here\n".getBytes(StandardCharsets.US_ASCII), "identity", "-");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).startsWith("error: standard input: ");
  }

  @Test
  void aMissingFileIsAnEnvironmentError() {
    Jar.Run run = Jar.run(dir, "identity", "missing.crt");

    assertThat(run.exit()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).startsWith("error: cannot read the certificate missing.crt: ");
  }

  @Test
  void twoCertificatesAreAUsageError() {
    Jar.Run run = Jar.run(dir, "identity", CERTIFICATE, CERTIFICATE);

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
  }
}

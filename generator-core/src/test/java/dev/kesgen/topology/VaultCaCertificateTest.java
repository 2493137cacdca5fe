package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 21 item 6 on {@code vault.caCertificate}: what goes into committed values is the file's
 * certificates re-encoded, and a file holding anything else (a key, a token, a commented key block), a device or a
 * link is a located topology problem.
 */
class VaultCaCertificateTest {
  static final Path VALID = Path.of("src/test/resources/topology/valid/vault-ca.pem");

  @TempDir Path dir;
  String ca;

  @BeforeEach
  void canonicalCa() throws Exception {
    ca = Files.readString(VALID, StandardCharsets.US_ASCII);
  }

  private Path topology(String caCertificate) throws Exception {
    return Files.writeString(dir.resolve("topology.yaml"), TopologyLoaderTest.MINIMAL.replace(
        "endpoint: https://vault.example.org:8200",
        "endpoint: https://vault.example.org:8200\n  caCertificate: " + caCertificate));
  }

  private List<String> problems(String caFileText) throws Exception {
    Files.writeString(dir.resolve("vault-ca.pem"), caFileText, StandardCharsets.ISO_8859_1);
    Path file = topology("vault-ca.pem");
    return catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file))
        .problems().stream().map(Problem::toShortString).toList();
  }

  private String pem(String caFileText) throws Exception {
    Files.writeString(dir.resolve("vault-ca.pem"), caFileText, StandardCharsets.ISO_8859_1);
    return TopologyLoader.load(topology("vault-ca.pem")).vault().caCertificate().orElseThrow().pem();
  }

  private static String base64PrivateKey() throws Exception {
    byte[] der = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
    return Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
  }

  @Test
  void theCanonicalFileIsCommittedAsItIs() throws Exception {
    assertThat(pem(ca)).isEqualTo(ca);
  }

  @Test
  void aBase64KeyAfterThePemIsRefused() throws Exception {
    int line = (int) ca.lines().count() + 2;

    assertThat(problems(ca + "\n" + base64PrivateKey() + "\n")).containsExactly("topology.yaml:4:18:"
        + " vault.caCertificate: file \"vault-ca.pem\" holds text outside its PEM certificates at line " + line
        + "; kesgen commits this file's certificates into the values, so it must hold nothing but -----BEGIN"
        + " CERTIFICATE----- blocks (remove the other text: it may be a comment, a token or a key)");
  }

  @Test
  void aTokenBeforeThePemIsRefused() throws Exception {
    assertThat(problems("vault token: hvs.CAESIJlWq3m1fQ0XyZ7aBcDeFgHiJkLmNoPq\n" + ca))
        .singleElement().asString().contains("holds text outside its PEM certificates at line 1");
  }

  @Test
  void aCommentedPrivateKeyBlockIsRefusedAsPrivateKeyMaterial() throws Exception {
    String commented = "# -----BEGIN PRIVATE KEY-----\n"
        + base64PrivateKey().lines().map(l -> "# " + l + "\n").reduce("", String::concat)
        + "# -----END PRIVATE KEY-----\n";

    assertThat(problems(ca + commented)).containsExactly("topology.yaml:4:18: vault.caCertificate: file"
        + " \"vault-ca.pem\" holds private-key material at line " + ((int) ca.lines().count() + 1)
        + " (\"PRIVATE KEY\"); kesgen commits this file's certificates, so it must hold only the CA's certificates:"
        + " remove the key from it (and, if the file was ever shared, rotate that key)");
  }

  @Test
  void anIndentedPrivateKeyHeaderIsRefusedToo() throws Exception {
    assertThat(problems(ca + "    -----BEGIN EC PRIVATE KEY-----\n"))
        .singleElement().asString().contains("holds private-key material at line");
  }

  @Test
  void aKeyInsideACertificateBlockIsNotACertificate() throws Exception {
    assertThat(problems("-----BEGIN CERTIFICATE-----\n" + base64PrivateKey() + "\n-----END CERTIFICATE-----\n"))
        .containsExactly("topology.yaml:4:18: vault.caCertificate: file \"vault-ca.pem\" has a block at line 1 that"
            + " is not an X.509 certificate");
  }

  @Test
  void anIndentedFirstLineIsReEncodedSoTheValuesStayValidYaml() throws Exception {
    String indented = ca.lines().map(l -> "   " + l).reduce("", (a, b) -> a + b + "\r\n");

    assertThat(pem(indented)).isEqualTo(ca);
  }

  @Test
  void twoCertificatesAreBothKeptInOrder() throws Exception {
    assertThat(pem(ca + "\n\n" + ca)).isEqualTo(ca + ca);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aDeviceIsRefusedWithoutReadingIt() throws Exception {
    Path file = topology("/dev/zero");

    assertThat(catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file)).problems())
        .extracting(Problem::toShortString).containsExactly("topology.yaml:4:18: vault.caCertificate: /dev/zero is a"
            + " character device, not a regular file; kesgen reads a file the topology names only from a regular file"
            + " (reading a FIFO can hang, a device never ends): replace it with the file, or remove it");
  }

  @Test
  void aLinkIsRefusedEvenToACertificate() throws Exception {
    Path real = Files.copy(VALID, dir.resolve("real-ca.pem"));
    Path link = Files.createSymbolicLink(dir.resolve("vault-ca.pem"), real);
    Path file = topology("vault-ca.pem");

    assertThat(catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file)).problems())
        .extracting(Problem::toShortString).containsExactly("topology.yaml:4:18: vault.caCertificate: " + link
            + " is a symbolic link (to " + real + "); kesgen reads a file the topology names only from a regular"
            + " file, never through a link (replace the link with a copy of the file, or remove it)");
  }
}

package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.CertificateProfile;
import dev.kesgen.pki.Forgery;
import dev.kesgen.pki.Pem;
import dev.kesgen.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A swapped committed certificate and a key that does not belong to its certificate, through generate and check. */
class CommittedCertificateTest {
  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(GeneratorTest.TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  private Path serverCrt() {
    return dir.resolve("generated/kes/dev/server.crt");
  }

  /** The reviewer's swap: same CN, SANs, EKU and key type, but CA:TRUE, keyCertSign, 20 years, a foreign key. */
  private void swapServerCertificate() throws Exception {
    Topology topology = Kesgen.load(GeneratorTest.TOPOLOGY);
    CertificateProfile profile = CertificateProfile.server(topology.instances().get(0));
    Forgery forgery = new Forgery();
    forgery.notBefore = Golden.CLOCK.instant();
    forgery.ca = true;
    forgery.keyUsage = KeyUsage.digitalSignature | KeyUsage.keyCertSign;
    forgery.lifetime = Duration.ofDays(7300);
    Files.writeString(serverCrt(), Pem.encodeCertificate(forgery.server(profile)));
  }

  @Test
  void checkReportsASwappedCaCertificateAndGenerateReplacesItSayingWhy() throws Exception {
    Kesgen.generate(request());
    swapServerCertificate();

    CheckResult check = Kesgen.check(request(), Optional.empty());
    GenerateResult generated = Kesgen.generate(request());

    assertThat(check.findings()).filteredOn(f -> f.kind() == CheckResult.Kind.CERTIFICATE)
        .extracting(CheckResult.Finding::toString).containsExactly("kes/dev/server.crt: not a certificate kesgen"
            + " issues: it is a CA certificate (basicConstraints CA:TRUE); key usage is [digitalSignature, keyCertSign],"
            + " kesgen issues [digitalSignature]; it may have been swapped: find out who committed it, then run generate"
            + " to replace it with a new key and certificate");
    CertificateReport server = generated.certificates().stream().filter(c -> c.name().equals("kes/dev")).findFirst()
        .orElseThrow();
    assertThat(server.action()).isEqualTo(CertificateOutcome.Action.RENEWED);
    assertThat(server.reason()).startsWith("not a certificate kesgen issues: it is a CA certificate");
    assertThat(Pem.decodeCertificate(Files.readString(serverCrt())).getBasicConstraints()).isEqualTo(-1);
    assertThat(Kesgen.check(request(), Optional.empty()).passed()).isTrue();
  }

  @Test
  void aLocalKeyThatDoesNotMatchItsCommittedCertificateFailsGenerateAndCheckNamingBothFiles() throws Exception {
    Kesgen.generate(request());
    Files.copy(dir.resolve("secrets/tenants/dev/gecko/client.key"), dir.resolve("secrets/kes/dev/server.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String both = "the committed certificate " + serverCrt() + " and the private key kes/dev/server.key in the"
        + " secrets directory do not belong together";

    assertThatThrownBy(() -> Kesgen.generate(request())).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(both);
    assertThatThrownBy(() -> Kesgen.check(request(), Optional.empty())).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(both);
  }
}

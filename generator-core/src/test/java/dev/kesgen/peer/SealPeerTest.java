package dev.kesgen.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.sealed.SealedFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sealedSecrets sink commits, unsealed by the Sealed Secrets controller's own code (the Go peer
 * {@code src/test/go/sealpeer}: bitnami-labs/sealed-secrets v0.27.1 {@code SealedSecret.Unseal}, as the controller
 * calls it): each Secret comes back with the committed certificate, the peer's certificate as ca.crt and a private
 * key that belongs to the certificate; a strict one moved to another namespace, or a namespace-wide one moved to
 * another namespace, cannot be unsealed; a cluster-wide one can be unsealed anywhere.
 */
class SealPeerTest {
  @TempDir Path dir;

  private static GenerateRequest request(SealedFixture f) {
    return GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
        .withClock(SealedFixture.CLOCK);
  }

  private JsonNode unseal(SealedFixture f, String path, String... namespace) throws Exception {
    List<String> arguments = new java.util.ArrayList<>(List.of("unseal", f.controllerKey.toString(),
        f.output.resolve(path).toString()));
    arguments.addAll(List.of(namespace));
    return GoPeer.SEALPEER.json(arguments);
  }

  private GoPeer.Result tryUnseal(SealedFixture f, String path, String namespace) throws Exception {
    return GoPeer.SEALPEER.exec(List.of("unseal", f.controllerKey.toString(), f.output.resolve(path).toString(),
        namespace));
  }

  @Test
  void theControllerUnsealsEverySecretIntoTheCertificateAndItsKey() throws Exception {
    GoPeer.SEALPEER.executable();
    SealedFixture f = SealedFixture.create(dir, "strict");
    // a second key MinIO does not create: kesgen's provisioner creates it, with a certificate and key of its own
    Files.writeString(f.topology, Files.readString(f.topology).replace("keys: [alpha-key]", "keys: [alpha-key, alpha-archive]"));
    Kesgen.generate(request(f));
    String serverPem = Files.readString(f.output.resolve("kes/dev/server.crt"));
    for (String tenant : List.of("alpha", "beta")) {
      JsonNode secret = unseal(f, "tenants/dev/" + tenant + "/secret.sealed.yaml");
      assertThat(secret.get("name").asText()).isEqualTo("kes-dev-" + tenant + "-client");
      assertThat(secret.get("namespace").asText()).isEqualTo("minio-" + tenant);
      assertThat(secret.get("type").asText()).isEqualTo("kubernetes.io/tls");
      JsonNode data = secret.get("data");
      assertThat(data.get("ca.crt").asText()).isEqualTo(serverPem);
      String certificate = Files.readString(f.output.resolve("tenants/dev/" + tenant + "/client.crt"));
      assertThat(data.get("tls.crt").asText()).isEqualTo(certificate);
      assertThat(belongs(data.get("tls.key").asText(), certificate)).isTrue();
    }
    JsonNode server = unseal(f, "kes/dev/secret.sealed.yaml");
    assertThat(server.get("data").has("ca.crt")).isFalse();
    assertThat(belongs(server.get("data").get("tls.key").asText(), serverPem)).isTrue();
    // the provisioner (the tenants name keys to create): its Secret in the KES namespace, with its key and the
    // server certificate it trusts
    JsonNode provisioner = unseal(f, "kes/dev/provisioner-secret.sealed.yaml");
    assertThat(provisioner.get("name").asText()).isEqualTo("kes-provisioner");
    assertThat(provisioner.get("namespace").asText()).isEqualTo("kes-dev");
    String provisionerPem = Files.readString(f.output.resolve("kes/dev/provisioner.crt"));
    assertThat(provisioner.get("data").get("tls.crt").asText()).isEqualTo(provisionerPem);
    assertThat(belongs(provisioner.get("data").get("tls.key").asText(), provisionerPem)).isTrue();
    assertThat(provisioner.get("data").get("ca.crt").asText()).isEqualTo(serverPem);

    // a renewed server, sealed again by someone without the tenants' keys: the tenants still unseal, with its new
    // certificate as ca.crt and their kept keys
    Kesgen.generate(request(f).withRotate(Set.of("dev")).withSecretsDirectory(dir.resolve("other")));
    String renewed = Files.readString(f.output.resolve("kes/dev/server.crt"));
    assertThat(renewed).isNotEqualTo(serverPem);
    JsonNode alpha = unseal(f, "tenants/dev/alpha/secret.sealed.yaml");
    assertThat(alpha.get("data").get("ca.crt").asText()).isEqualTo(renewed);
    assertThat(belongs(alpha.get("data").get("tls.key").asText(),
        Files.readString(f.output.resolve("tenants/dev/alpha/client.crt")))).isTrue();
  }

  @Test
  void aStrictSecretMovedToAnotherNamespaceCannotBeUnsealed() throws Exception {
    GoPeer.SEALPEER.executable();
    SealedFixture f = SealedFixture.create(dir, "strict");
    Kesgen.generate(request(f));
    GoPeer.Result moved = tryUnseal(f, "tenants/dev/alpha/secret.sealed.yaml", "minio-beta");
    assertThat(moved.exitCode()).as(moved.stdout()).isEqualTo(1);
    assertThat(moved.stderr()).contains("no key could decrypt secret");
    assertThat(moved.stdout()).isEmpty();
  }

  @Test
  void aNamespaceWideSecretStaysInItsNamespaceAndAClusterWideOneMoves() throws Exception {
    GoPeer.SEALPEER.executable();
    SealedFixture f = SealedFixture.create(dir, "namespace-wide");
    Kesgen.generate(request(f));
    assertThat(tryUnseal(f, "tenants/dev/alpha/secret.sealed.yaml", "minio-beta").exitCode()).isEqualTo(1);
    JsonNode same = unseal(f, "tenants/dev/alpha/secret.sealed.yaml");
    assertThat(same.get("annotations").get("sealedsecrets.bitnami.com/namespace-wide").asText()).isEqualTo("true");

    Path clusterDir = Files.createDirectories(dir.resolve("cluster"));
    SealedFixture c = SealedFixture.create(clusterDir, "cluster-wide");
    Kesgen.generate(request(c));
    JsonNode moved = unseal(c, "tenants/dev/alpha/secret.sealed.yaml", "elsewhere");
    assertThat(moved.get("namespace").asText()).isEqualTo("elsewhere");
    assertThat(belongs(moved.get("data").get("tls.key").asText(),
        Files.readString(c.output.resolve("tenants/dev/alpha/client.crt")))).isTrue();
  }

  /** Whether the key signs what the certificate's public key verifies. */
  private static boolean belongs(String keyPem, String certificatePem) throws Exception {
    PrivateKey key;
    try (PEMParser parser = new PEMParser(new java.io.StringReader(keyPem))) {
      key = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
    }
    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(certificatePem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    String algorithm = switch (key.getAlgorithm()) {
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> "SHA256withRSA";
    };
    byte[] message = "kesgen".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(message);
    return verifier.verify(signature);
  }
}

package dev.kesgen.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.topology.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Go's crypto/tls, set up as KES with {@code --auth=off} and as MinIO's KES client, accepts the certificates kesgen
 * generates for every key type and computes the identity kesgen wrote into the KES policy.
 */
class GoPeerHandshakeTest {
  private static final String SERVER_NAME = "kes.kes-dev.svc";

  // Instance other presents a certificate for dev's host name too, so trusting it fails on trust alone. The second
  // key of gecko is one MinIO does not create, so dev has a provisioner certificate.
  private static final String TOPOLOGY = """
      version: 1
      vault: { endpoint: "https://vault.example.org:8200" }
      defaults:
        kes: { version: "2024-03-13T17-52-13Z", certificate: { keyType: KEY } }
        tenant: { minioVersion: RELEASE.2024-01-01T00-00-00Z, certificate: { keyType: KEY } }
      instances:
        - name: dev
          namespace: kes-dev
          tenants: [ { name: gecko, namespace: minio-gecko, keys: [ gecko, gecko-archive ] } ]
        - name: other
          namespace: kes-other
          kes: { certificate: { dnsNames: [ kes.kes-dev.svc ] } }
      """;

  @TempDir Path dir;

  @BeforeEach
  void buildThePeer() {
    GoPeer.binary();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void goAcceptsTheGeneratedCertificatesAndSeesThePolicyIdentity(KeyType keyType) throws Exception {
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, TOPOLOGY.replace("KEY", keyType.spelling()));
    Path output = dir.resolve("generated");
    Path secrets = dir.resolve("secrets");
    // The system clock: Go checks the server certificate's validity against the time of the handshake.
    Kesgen.generate(GenerateRequest.of(topology).withOutputDirectory(output).withSecretsDirectory(secrets));
    Path values = output.resolve("kes/dev/values.yaml");
    Path serverCert = output.resolve("kes/dev/server.crt");
    Path client = output.resolve("tenants/dev/gecko/client.crt");
    Path clientKey = secrets.resolve("tenants/dev/gecko/client.key");

    JsonNode accepted = handshake(output, secrets, client, clientKey, serverCert, SERVER_NAME);

    assertThat(accepted.path("error").asText()).isEmpty();
    assertThat(accepted.path("ok").asBoolean()).isTrue();
    JsonNode identities = KesValues.identities(values, "gecko");
    assertThat(identities).hasSize(1);
    assertThat(accepted.path("identity").asText()).isEqualTo(identities.get(0).asText());

    JsonNode asProvisioner = handshake(output, secrets, output.resolve("kes/dev/provisioner.crt"),
        secrets.resolve("kes/dev/provisioner.key"), serverCert, SERVER_NAME);
    assertThat(asProvisioner.path("ok").asBoolean()).as(asProvisioner.path("error").asText()).isTrue();
    assertThat(asProvisioner.path("identity").asText())
        .isEqualTo(KesValues.identities(values, "kesgen_provisioner").get(0).asText());

    JsonNode wrongName = handshake(output, secrets, client, clientKey, serverCert, "kes.kes-other.svc");
    assertThat(wrongName.path("ok").asBoolean()).isFalse();
    assertThat(wrongName.path("error").asText()).contains("certificate is valid for", "not kes.kes-other.svc");

    JsonNode wrongCa = handshake(output, secrets, client, clientKey, output.resolve("kes/other/server.crt"),
        SERVER_NAME);
    assertThat(wrongCa.path("ok").asBoolean()).isFalse();
    assertThat(wrongCa.path("error").asText()).contains("unknown authority");
  }

  private static JsonNode handshake(Path output, Path secrets, Path clientCert, Path clientKey, Path ca,
      String serverName) throws Exception {
    return GoPeer.run(List.of("handshake",
        "--server-cert", output.resolve("kes/dev/server.crt").toString(),
        "--server-key", secrets.resolve("kes/dev/server.key").toString(),
        "--client-cert", clientCert.toString(), "--client-key", clientKey.toString(),
        "--ca", ca.toString(), "--server-name", serverName));
  }
}

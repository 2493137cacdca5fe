package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.topology.KeyType;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MutualTlsTest {
  private static final String SERVICE_HOST = "kes.kes-ns.svc";

  @ParameterizedTest
  @CsvSource({"ECDSA_P256, ED25519", "ED25519, ECDSA_P256", "RSA_2048, RSA_2048"})
  void kesServerSeesTheGeneratedTenantIdentity(KeyType serverKey, KeyType clientKey) throws Exception {
    IssuedCertificate server = Fixtures.liveServer(serverKey);
    IssuedCertificate client = Fixtures.liveClient(clientKey);

    Identity seen = handshake(server, client, server.certificate(), SERVICE_HOST);

    assertThat(seen).isEqualTo(Identity.of(client.certificate()));
  }

  @Test
  void clientRefusesAWrongHostname() {
    IssuedCertificate server = Fixtures.liveServer(KeyType.ECDSA_P256);

    assertThatThrownBy(() -> handshake(server, Fixtures.liveClient(KeyType.ED25519), server.certificate(),
        "kes.other-ns.svc"))
        .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("kes.other-ns.svc");
  }

  @Test
  void clientRefusesAServerCertificateItDoesNotTrust() {
    IssuedCertificate server = Fixtures.liveServer(KeyType.ECDSA_P256);
    X509Certificate stranger = Fixtures.liveServer(KeyType.ED25519).certificate();

    assertThatThrownBy(() -> handshake(server, Fixtures.liveClient(KeyType.ED25519), stranger, SERVICE_HOST))
        .isInstanceOf(SSLHandshakeException.class);
  }

  // Runs one handshake on loopback; returns the identity the server computed from the client certificate.
  private static Identity handshake(IssuedCertificate server, IssuedCertificate client, X509Certificate trusted,
      String hostname) throws Exception {
    try (SSLServerSocket listener = (SSLServerSocket) Tls.kesServer(server).getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setNeedClientAuth(true);
      listener.setSoTimeout(10_000);
      CompletableFuture<Identity> serverSide = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket accepted = (SSLSocket) listener.accept()) {
          accepted.setSoTimeout(10_000);
          accepted.startHandshake();
          Identity identity = Identity.of((X509Certificate) accepted.getSession().getPeerCertificates()[0]);
          accepted.getOutputStream().write(1);
          accepted.getOutputStream().flush();
          return identity;
        } catch (IOException e) {
          return null;
        }
      }, Tls::runOnOwnThread);
      try (SSLSocket socket = Tls.connect(Tls.tenantClient(client, trusted), listener.getLocalPort(), hostname)) {
        socket.startHandshake();
        assertThat(socket.getInputStream().read()).isEqualTo(1);
      }
      return serverSide.get(10, TimeUnit.SECONDS);
    }
  }
}

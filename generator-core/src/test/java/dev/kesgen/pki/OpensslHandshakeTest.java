package dev.kesgen.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.KeyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same mutual-TLS handshake with real openssl on one side: s_server as KES, s_client as the tenant. */
class OpensslHandshakeTest {
  private static final String SERVICE_HOST = "kes.kes-ns.svc";

  @TempDir Path dir;

  private final IssuedCertificate server = Fixtures.liveServer(KeyType.ECDSA_P256);
  private final IssuedCertificate client = Fixtures.liveClient(KeyType.ED25519);

  @BeforeEach
  void writeFiles() throws IOException {
    Files.writeString(dir.resolve("server.crt"), Pem.encodeCertificate(server.certificate()));
    Files.writeString(dir.resolve("server.key"), Pem.encodePrivateKey(server.privateKey()));
    Files.writeString(dir.resolve("client.crt"), Pem.encodeCertificate(client.certificate()));
    Files.writeString(dir.resolve("client.key"), Pem.encodePrivateKey(client.privateKey()));
  }

  @Test
  void opensslClientVerifiesTheKesCertificateAndHostnameAndIsIdentified() throws Exception {
    try (SSLServerSocket listener = kesListener()) {
      CompletableFuture<Identity> seen = acceptOne(listener);

      Processes.Result result = sClient(listener.getLocalPort(), SERVICE_HOST);

      assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
      assertThat(result.stdout()).contains("Verify return code: 0 (ok)");
      assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(Identity.of(client.certificate()));
    }
  }

  @Test
  void opensslClientRefusesAWrongHostname() throws Exception {
    try (SSLServerSocket listener = kesListener()) {
      acceptOne(listener);

      Processes.Result result = sClient(listener.getLocalPort(), "kes.other-ns.svc");

      assertThat(result.exitCode()).isNotZero();
      assertThat(result.stdout() + result.stderr()).contains("hostname mismatch");
    }
  }

  @Test
  void opensslServerAsKesSeesTheGeneratedIdentityOfAJdkClient() throws Exception {
    int port = freeLoopbackPort();
    // Like KES with auth off: -Verify requires a client certificate; without -verify_return_error any is accepted.
    Process sServer = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port,
        "-cert", "server.crt", "-key", "server.key", "-Verify", "1", "-naccept", "1")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      StringBuilder output = new StringBuilder();
      CountDownLatch listening = new CountDownLatch(1);
      CountDownLatch drained = new CountDownLatch(1);
      Tls.runOnOwnThread(() -> readLines(sServer, output, listening, drained));
      assertThat(listening.await(10, TimeUnit.SECONDS)).as("s_server listening: %s", output).isTrue();

      try (SSLSocket socket = Tls.connect(Tls.tenantClient(client, server.certificate()), port, SERVICE_HOST)) {
        socket.startHandshake();
        socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
      }
      assertThat(sServer.waitFor(10, TimeUnit.SECONDS)).as("s_server exits after one connection").isTrue();
      // the reader thread may still be copying what s_server printed before it exited
      assertThat(drained.await(10, TimeUnit.SECONDS)).as("s_server output read to the end").isTrue();

      String printed;
      synchronized (output) {
        printed = output.toString();
      }
      String pem = printed.substring(printed.indexOf("-----BEGIN CERTIFICATE-----"));
      assertThat(Identity.of(Pem.decodeCertificate(pem))).isEqualTo(Identity.of(client.certificate()));
    } finally {
      sServer.destroyForcibly();
    }
  }

  private Processes.Result sClient(int port, String hostname) throws Exception {
    return Processes.run(dir, List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
        "-servername", hostname, "-verify_hostname", hostname, "-CAfile", "server.crt", "-verify_return_error",
        "-cert", "client.crt", "-key", "client.key"), "", 20);
  }

  private SSLServerSocket kesListener() throws Exception {
    SSLServerSocket listener = (SSLServerSocket) Tls.kesServer(server).getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    listener.setNeedClientAuth(true);
    listener.setSoTimeout(15_000);
    return listener;
  }

  private static CompletableFuture<Identity> acceptOne(SSLServerSocket listener) {
    return CompletableFuture.supplyAsync(() -> {
      try (SSLSocket accepted = (SSLSocket) listener.accept()) {
        accepted.setSoTimeout(10_000);
        accepted.startHandshake();
        return Identity.of((X509Certificate) accepted.getSession().getPeerCertificates()[0]);
      } catch (IOException e) {
        return null;
      }
    }, Tls::runOnOwnThread);
  }

  private static void readLines(
      Process process, StringBuilder output, CountDownLatch listening, CountDownLatch drained) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (output) {
          output.append(line).append('\n');
        }
        if (line.startsWith("ACCEPT")) {
          listening.countDown();
        }
      }
    } catch (IOException e) {
      // The process ended; what was read stays in output.
    } finally {
      drained.countDown();
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

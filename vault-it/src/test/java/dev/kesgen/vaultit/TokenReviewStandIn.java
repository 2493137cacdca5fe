package dev.kesgen.vaultit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The Kubernetes API server's TokenReview, as OpenBao's kubernetes auth method calls it, on 127.0.0.1 over https with
 * a CA made here: {@code POST /apis/authentication.k8s.io/v1/tokenreviews} with {@code Authorization: Bearer <the
 * login's own JWT>} (no {@code token_reviewer_jwt} and {@code disable_local_ca_jwt=true}), a JSON {@code TokenReview}
 * whose {@code spec.token} is that JWT (B@v2.6.2:builtin/credential/kubernetes/token_review.go:49-75). It answers as
 * the API server does: 201 and the review's {@code status} (token_review.go:95-167), authenticated only when the
 * token carries the signature of this cluster's signing key, with the user built from its claims and the requested
 * audiences echoed. Every request is recorded.
 */
final class TokenReviewStandIn implements AutoCloseable {
  static final String PATH = "/apis/authentication.k8s.io/v1/tokenreviews";

  /**
   * One request as received.
   *
   * @param method the HTTP method
   * @param authorization the Authorization header
   * @param contentType the Content-Type header
   * @param body the request body
   */
  record Request(String method, String authorization, String contentType, JsonNode body) {}

  final String caPem;
  final String host;
  private final HttpsServer server;
  private final ExecutorService executor;
  private final PublicKey signer;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  private TokenReviewStandIn(String caPem, HttpsServer server, ExecutorService executor, PublicKey signer) {
    this.caPem = caPem;
    this.server = server;
    this.executor = executor;
    this.signer = signer;
    this.host = "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Started on a port the kernel picks, trusting tokens signed by {@code signer}'s private key. */
  static TokenReviewStandIn start(PublicKey signer) throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair caKeys = ec.generateKeyPair();
    KeyPair leafKeys = ec.generateKeyPair();
    Instant now = Instant.now();
    Date from = Date.from(now.minus(Duration.ofMinutes(5)));
    Date until = Date.from(now.plus(Duration.ofHours(1)));
    X500Name caName = new X500Name("CN=kesgen test kubernetes CA");
    JcaX509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, until, caName,
        caKeys.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(
        ca.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    JcaX509v3CertificateBuilder leaf = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, until,
        new X500Name("CN=kube-apiserver"), leafKeys.getPublic());
    leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    leaf.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    leaf.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    leaf.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    X509Certificate leafCert = new JcaX509CertificateConverter().getCertificate(
        leaf.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));

    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "stand-in".toCharArray();
    store.setKeyEntry("server", leafKeys.getPrivate(), password, new X509Certificate[] {leafCert, caCert});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);

    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    ExecutorService executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    TokenReviewStandIn standIn = new TokenReviewStandIn(pem(caCert), server, executor, signer);
    server.createContext(PATH, standIn::handle);
    server.start();
    return standIn;
  }

  /** The requests so far, and forgets them. */
  List<Request> takeRequests() {
    synchronized (requests) {
      List<Request> taken = List.copyOf(requests);
      requests.clear();
      return taken;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(1 << 20);
      JsonNode body = VaultHttp.JSON.readTree(bytes.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : bytes);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      requests.add(new Request(exchange.getRequestMethod(), authorization, contentType, body));
      if (!exchange.getRequestMethod().equals("POST") || !"application/json".equals(contentType)) {
        send(exchange, 405, Map.of("kind", "Status", "status", "Failure", "code", 405));
        return;
      }
      String token = body.path("spec").path("token").asText("");
      // the API server authenticates the caller: with no reviewer JWT OpenBao sends the login's own
      if (!("Bearer " + token).equals(authorization) || !ServiceAccountJwt.verifies(signer, token)) {
        send(exchange, 201, review(Map.of("authenticated", false, "error", "invalid bearer token")));
        return;
      }
      JsonNode claims = ServiceAccountJwt.claims(token);
      JsonNode projected = claims.path("kubernetes.io");
      String namespace = projected.isMissingNode() ? claims.path("kubernetes.io/serviceaccount/namespace").asText()
          : projected.path("namespace").asText();
      String name = projected.isMissingNode()
          ? claims.path("kubernetes.io/serviceaccount/service-account.name").asText()
          : projected.path("serviceaccount").path("name").asText();
      String uid = projected.isMissingNode() ? claims.path("kubernetes.io/serviceaccount/service-account.uid").asText()
          : projected.path("serviceaccount").path("uid").asText();
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("authenticated", true);
      status.put("user", Map.of("username", "system:serviceaccount:" + namespace + ":" + name, "uid", uid,
          "groups", List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace)));
      List<String> audiences = new ArrayList<>();
      body.path("spec").path("audiences").forEach(a -> audiences.add(a.asText()));
      if (!audiences.isEmpty()) {
        status.put("audiences", audiences);
      }
      send(exchange, 201, review(status));
    }
  }

  private static Map<String, Object> review(Map<String, Object> status) {
    return Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenReview", "status", status);
  }

  private static void send(HttpExchange exchange, int code, Object body) throws IOException {
    byte[] bytes = VaultHttp.JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String pem(X509Certificate certificate) throws Exception {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(certificate.getEncoded());
    return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
  }

  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    executor.shutdownNow();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the TokenReview stand-in's threads did not stop");
    }
  }
}

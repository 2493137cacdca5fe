package dev.kesgen.live;

import dev.kesgen.files.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@link VaultApi} over the JDK's HTTP client: TLS verified against the endpoint's CA (or the JDK's trust store) with
 * host name checks, no redirects followed (the token goes to the named server only), no proxy, bounded waits, and
 * answers of at most {@link #MAX_BODY} bytes.
 */
public final class HttpVaultApi implements VaultApi {
  static final Duration CONNECT_WITHIN = Duration.ofSeconds(10);
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
  static final int MAX_BODY = 8 * 1024 * 1024;

  private final VaultEndpoint endpoint;
  private final HttpClient http;

  private HttpVaultApi(VaultEndpoint endpoint, HttpClient http) {
    this.endpoint = endpoint;
    this.http = http;
  }

  /** A client for this endpoint; reads its CA file now. */
  public static HttpVaultApi of(VaultEndpoint endpoint) throws LiveVaultException {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_WITHIN)
        .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY);
    if (endpoint.caCertificate().isPresent()) {
      builder.sslContext(trusting(endpoint.caCertificate().get()));
    }
    return new HttpVaultApi(endpoint, builder.build());
  }

  private static SSLContext trusting(java.nio.file.Path file) throws LiveVaultException {
    try {
      byte[] pem = RegularFiles.read(file, dev.kesgen.files.InputKind.VAULT_CA);
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509")
          .generateCertificates(new java.io.ByteArrayInputStream(pem))) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new LiveVaultException("the CA file " + file + " holds no certificate", null);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new LiveVaultException("cannot read the CA file " + file + " (VAULT_CACERT or vault.caCertificate): "
          + e.getMessage(), e);
    }
  }

  @Override
  public Answer get(String path) throws LiveVaultException {
    return send("GET", path);
  }

  @Override
  public Answer list(String path) throws LiveVaultException {
    return send("LIST", path);
  }

  private Answer send(String method, String path) throws LiveVaultException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.address() + "/v1/" + path))
        .timeout(ANSWER_WITHIN).method(method, HttpRequest.BodyPublishers.noBody())
        .header("X-Vault-Token", endpoint.token()).header("X-Vault-Request", "true");
    if (!endpoint.namespace().isEmpty()) {
      request.header("X-Vault-Namespace", endpoint.namespace());
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("did not accept a connection within " + CONNECT_WITHIN.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw unreachable("did not answer " + method + " " + path + " within " + ANSWER_WITHIN.toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw unreachable("refused the connection", e);
    } catch (SSLException e) {
      throw unreachable("failed the TLS handshake (" + e.getMessage() + "); name its CA in VAULT_CACERT", e);
    } catch (IOException e) {
      throw unreachable("could not be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("was not reached: interrupted", e);
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw unreachable("broke off its answer to " + method + " " + path + ": " + e.getMessage(), e);
    }
    if (body.length > MAX_BODY) {
      throw unreachable("answered " + method + " " + path + " with more than " + MAX_BODY + " bytes", null);
    }
    return new Answer(response.statusCode(), json(new String(body, StandardCharsets.UTF_8)));
  }

  private LiveVaultException unreachable(String what, Throwable cause) {
    return new LiveVaultException("Vault at " + endpoint + " " + what, cause);
  }

  /** A JSON object as maps, lists and scalars (JSON is the YAML it is a subset of); anything else an empty map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    if (text.isBlank()) {
      return Map.of();
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_BODY);
    try {
      Object value = new Yaml(new SafeConstructor(options)).load(text);
      return value instanceof Map<?, ?> map ? nullFree((Map<String, Object>) map) : Map.of();
    } catch (RuntimeException notJson) {
      return Map.of();
    }
  }

  /** Map.copyOf refuses nulls: JSON null values become absent keys. */
  private static Map<String, Object> nullFree(Map<String, Object> map) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (v instanceof Map<?, ?> inner) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) inner;
        copy.put(String.valueOf(k), nullFree(m));
      } else if (v != null) {
        copy.put(String.valueOf(k), v);
      }
    });
    return copy;
  }
}

package dev.kesgen.vaultit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The Vault HTTP API of one server on 127.0.0.1, spoken with {@code java.net.http} and a token. */
final class VaultHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(String method, String path, int status, JsonNode body) {
    JsonNode data() {
      return body.path("data");
    }

    @Override
    public String toString() {
      return method + " /v1/" + path + " -> " + status + " " + body;
    }
  }

  final String address;
  final String token;

  VaultHttp(String address, String token) {
    if (!address.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("only a server on 127.0.0.1: " + address);
    }
    this.address = address;
    this.token = token;
  }

  VaultHttp withToken(String other) {
    return new VaultHttp(address, other);
  }

  Response call(String method, String path, Object body) {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address + "/v1/" + path))
        .timeout(Duration.ofSeconds(10)).method(method, publisher);
    if (token != null) {
      request.header("X-Vault-Token", token);
    }
    try {
      HttpResponse<String> response = send(request.build());
      JsonNode json = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
      return new Response(method, path, response.statusCode(), json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends once more, on a new connection, when the first answer was no bytes at all: the shared client may hold a
   * kept-alive connection to an earlier test's server that had the same free port and is gone, and the JDK retries
   * only GET on such a connection. A live server that read the request answers with at least a status line, so this
   * does not send twice what a running server saw.
   */
  private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
        throw e;
      }
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  Response get(String path) {
    return call("GET", path, null);
  }

  Response post(String path, Object body) {
    return call("POST", path, body);
  }

  Response put(String path, Object body) {
    return call("PUT", path, body);
  }

  Response delete(String path) {
    return call("DELETE", path, null);
  }

  /** Succeeds or throws with the response. */
  Response ok(Response response) {
    if (response.status() / 100 != 2) {
      throw new AssertionError("expected success: " + response);
    }
    return response;
  }

  /**
   * {@code sys/capabilities} of another token on every path, asked with this (root) token: the full, sorted capability
   * set that token has there. The KES tokens carry no {@code default} policy, so they cannot ask
   * {@code sys/capabilities-self} themselves; Vault answers both from the same ACL evaluation.
   */
  Map<String, TreeSet<String>> capabilitiesOf(VaultHttp other, List<String> paths) {
    JsonNode body = ok(post("sys/capabilities", Map.of("token", other.token, "paths", paths))).body();
    Map<String, TreeSet<String>> result = new java.util.LinkedHashMap<>();
    for (String path : paths) {
      TreeSet<String> caps = new TreeSet<>();
      body.path(path).forEach(c -> caps.add(c.asText()));
      if (!body.has(path)) {
        throw new AssertionError("sys/capabilities did not answer for " + path + ": " + body);
      }
      result.put(path, caps);
    }
    return result;
  }
}

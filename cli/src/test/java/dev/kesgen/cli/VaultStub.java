package dev.kesgen.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Vault's HTTP API on a free loopback port: fixed JSON answers by method and path, 403 for any token
 * but {@link #TOKEN}, 404 for anything else; it records every request. Real OpenBao is the vault-it module's.
 */
final class VaultStub implements AutoCloseable {
  static final String TOKEN = "s.stub-token-never-printed";

  final Map<String, String> answers = new ConcurrentHashMap<>();
  final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  VaultStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().replaceFirst("^/v1/", "");
      requests.add(key);
      int status;
      String body;
      if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
        status = 403;
        body = "{\"errors\":[\"permission denied\"]}";
      } else if (answers.containsKey(key)) {
        status = statuses.getOrDefault(key, 200);
        body = answers.get(key);
      } else {
        status = 404;
        body = "{\"errors\":[]}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code method path} with {@code {"data": data}}. */
  void data(String method, String path, String data) {
    answers.put(method + " " + path, "{\"data\":" + data + "}");
  }

  void fail(String method, String path, int status) {
    answers.put(method + " " + path, "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}");
    statuses.put(method + " " + path, status);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

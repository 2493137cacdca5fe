package dev.kesgen.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The two read requests the plan makes of Vault's HTTP API, and nothing that writes. */
public interface VaultApi {
  /** {@code GET /v1/<path>}. */
  Answer get(String path) throws LiveVaultException;

  /** {@code LIST /v1/<path>}. */
  Answer list(String path) throws LiveVaultException;

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param body the JSON body as maps, lists and scalars; an empty map when there was none or it was not JSON
   */
  record Answer(int status, Map<String, Object> body) {
    public Answer {
      body = Map.copyOf(Objects.requireNonNull(body, "body"));
    }

    /** The {@code data} object of a successful answer, empty when it has none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
      return body.get("data") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Vault's {@code errors}, joined, on one line. */
    public String errors() {
      Object errors = body.get("errors");
      if (!(errors instanceof List<?> list) || list.isEmpty()) {
        return "";
      }
      StringBuilder text = new StringBuilder();
      for (Object e : list) {
        String line = String.valueOf(e).replace("1 error occurred:", "").replaceAll("[\\s*]+", " ").strip();
        text.append(text.length() == 0 ? "" : "; ").append(line);
      }
      return text.toString();
    }

    /** The status and errors, for a message: {@code HTTP 403 (permission denied)}. */
    public String describe() {
      return "HTTP " + status + Optional.of(errors()).filter(e -> !e.isEmpty()).map(e -> " (" + e + ")").orElse("");
    }
  }
}

package dev.kesgen.vaultit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How External Secrets Operator's vault provider turns an ExternalSecret's {@code remoteRef} into a Vault read,
 * written here from its source and not from kesgen's:
 * external-secrets/external-secrets@v0.16.2:pkg/provider/vault/client_get.go:274-305 ({@code buildPath}: with the
 * store's {@code path} set, a key that begins with {@code <path>/} loses it, and on KV v2 then a leading
 * {@code data/}; the mount, {@code data} on v2, then the key's segments), :120-157 ({@code readSecret}: GET the data
 * path with {@code ?version=} when the ref names one; on v2 the values are under {@code data.data}) and :159-177
 * ({@code getSecretValue}: a property that is a key of the values is taken as it is, before any gjson reading).
 */
final class EsoRemoteRef {
  private EsoRemoteRef() {}

  /** The Vault API path {@code buildPath} makes of {@code key} for a store with this {@code path} and {@code version}. */
  static String buildPath(Optional<String> storePath, String version, String key) {
    boolean v2 = version.equals("v2");
    String out = key;
    if (storePath.isPresent()) {
      String cut = storePath.get() + "/";
      if (out.startsWith(cut)) {
        out = out.substring(out.indexOf(cut) + cut.length());
        if (out.startsWith("data/") && v2) {
          out = out.substring("data/".length());
        }
      }
      List<String> parts = new ArrayList<>(Arrays.asList(storePath.get().split("/", -1)));
      if (v2) {
        parts.add("data");
      }
      parts.addAll(Arrays.asList(out.split("/", -1)));
      return String.join("/", parts);
    }
    if (!out.contains("/data/") && v2) {
      List<String> segments = Arrays.asList(out.split("/", -1));
      List<String> parts = new ArrayList<>(List.of(segments.get(0), "data"));
      parts.addAll(segments.subList(1, segments.size()));
      return String.join("/", parts);
    }
    return out;
  }

  /** The value ESO would put under the ExternalSecret's {@code secretKey}, read with {@code vault}'s token; empty when Vault refuses or has none. */
  static Optional<String> resolve(VaultHttp vault, JsonNode store, JsonNode remoteRef) {
    JsonNode provider = store.path("spec").path("provider").path("vault");
    String version = provider.path("version").asText("v2");
    Optional<String> storePath = provider.has("path") ? Optional.of(provider.path("path").asText()) : Optional.empty();
    String path = buildPath(storePath, version, remoteRef.path("key").asText());
    String pinned = remoteRef.path("version").asText("");
    VaultHttp.Response response = vault.get(pinned.isEmpty() ? path : path + "?version=" + pinned);
    if (response.status() != 200) {
      return Optional.empty();
    }
    JsonNode data = response.body().path("data");
    if (version.equals("v2")) {
      data = data.path("data");
    }
    JsonNode value = data.path(remoteRef.path("property").asText());
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}

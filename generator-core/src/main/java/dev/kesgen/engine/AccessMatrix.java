package dev.kesgen.engine;

import dev.kesgen.access.KesAccess;
import dev.kesgen.kes.KesApi;
import dev.kesgen.view.SummaryContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access matrix SUMMARY.md shows: per subject, which key APIs it may call on which keys and which key-less APIs,
 * as {@link KesAccess} decides it on the configuration the proof read.
 */
final class AccessMatrix {
  private AccessMatrix() {}

  /** One row of the matrix: which key APIs on which of these keys, then the key-less APIs. */
  static SummaryContext.Access row(Optional<String> tenant, boolean provisioner, KesAccess access,
      String identity, List<String> keys) {
    Map<List<String>, List<String>> keysByApis = new LinkedHashMap<>();
    for (String key : keys) {
      List<String> apis = new ArrayList<>();
      for (String api : KesApi.KEY_APIS) {
        String request = KesApi.key(api, key);
        if (access.decide(identity, request).allowed() && !access.refusesKeyName(request)) {
          apis.add(api);
        }
      }
      if (!apis.isEmpty()) {
        keysByApis.computeIfAbsent(List.copyOf(apis), a -> new ArrayList<>()).add(key);
      }
    }
    List<SummaryContext.KeyGrant> grants = new ArrayList<>();
    keysByApis.forEach((apis, names) -> grants.add(new SummaryContext.KeyGrant(apis, List.copyOf(names))));
    List<String> service = KesApi.SERVICE_APIS.stream().filter(p -> access.decide(identity, p).allowed()).toList();
    return new SummaryContext.Access(tenant, provisioner, false, Optional.of(AccessCheck.shortId(identity)), List.copyOf(grants),
        service);
  }

  /** The key name of a key API path, for {@code /v1/key/<api>/<name>}. */
  static Optional<String> keyName(String path) {
    return KesApi.keyRequest(path, true).map(KesApi.KeyRequest::name);
  }
}

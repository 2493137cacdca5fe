package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kesgen.kes.KesDialect;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant isolation and least privilege, checked on the KES configuration kesgen generated for every golden case:
 * each request a client could make is evaluated the way KES matches policy patterns (an exact path, a trailing
 * {@code *} as prefix), for every identity in the configuration.
 */
class AccessCheckTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final List<String> KEY_APIS = List.of("create", "generate", "decrypt", "encrypt", "describe", "delete",
      "import", "list", "hmac", "bulk/decrypt");

  static List<Golden> cases() {
    return Golden.all();
  }

  record Policy(String name, List<String> patterns, List<String> identities) {
    boolean allows(String path) {
      return patterns.stream().anyMatch(p -> p.endsWith("*") ? path.startsWith(p.substring(0, p.length() - 1)) : p.equals(path));
    }
  }

  /** The policies, reading identities from the key the release reads them from ({@code identity} in v0.17.3 – v0.17.5). */
  static List<Policy> policies(JsonNode config, String identitiesKey) {
    List<Policy> policies = new ArrayList<>();
    config.path("policy").properties().forEach(e -> {
      JsonNode rules = e.getValue().has("allow") ? e.getValue().path("allow") : e.getValue().path("paths");
      List<String> patterns = new ArrayList<>();
      rules.forEach(r -> patterns.add(r.asText()));
      List<String> identities = new ArrayList<>();
      e.getValue().path(identitiesKey).forEach(i -> identities.add(i.asText()));
      policies.add(new Policy(e.getKey(), patterns, identities));
    });
    return policies;
  }

  static Set<String> allowedKeyRequests(Policy policy, Set<String> keys) {
    Set<String> allowed = new TreeSet<>();
    for (String key : keys) {
      for (String api : KEY_APIS) {
        String path = "/v1/key/" + api + "/" + key;
        if (policy.allows(path)) {
          allowed.add(path);
        }
      }
    }
    return allowed;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyIdentityReachesOnlyItsOwnKeysAndOnlyWhatItNeeds(Golden golden) throws Exception {
    Topology topology = TopologyLoader.load(golden.topology());
    var files = Golden.read(golden.expected());
    for (Instance instance : topology.instances()) {
      JsonNode values = YAML.readTree(files.get("kes/" + instance.name() + "/values.yaml"));
      JsonNode config = YAML.readTree(values.path("server").path("config").asText());
      List<Policy> policies = policies(config, KesDialect.of(instance.kes().version()).policyIdentitiesKey());
      Set<String> allKeys = new TreeSet<>();
      instance.tenants().forEach(t -> allKeys.addAll(t.keys()));
      allKeys.add("someone-else");

      Set<String> seen = new HashSet<>();
      for (Policy policy : policies) {
        assertThat(policy.identities()).allMatch(seen::add); // an identity is in one policy only
      }
      for (Tenant tenant : instance.tenants()) {
        Policy policy = policies.stream().filter(p -> p.name().equals(tenant.name())).findFirst().orElseThrow();
        assertThat(policy.identities()).as("identities of %s/%s as its release reads them", instance.name(), tenant.name())
            .hasSize(1);
        Set<String> allowed = allowedKeyRequests(policy, allKeys);
        assertThat(allowed).as("%s/%s", instance.name(), tenant.name())
            .allMatch(path -> tenant.keys().contains(path.substring(path.lastIndexOf('/') + 1)))
            .noneMatch(path -> path.contains("/delete/") || path.contains("/import/") || path.contains("/list/"))
            .contains("/v1/key/create/" + tenant.defaultKey(), "/v1/key/generate/" + tenant.defaultKey(),
                "/v1/key/decrypt/" + tenant.defaultKey());
        assertThat(policy.allows("/v1/policy/list/*")).isFalse();
        assertThat(policy.allows("/v1/identity/list/*")).isFalse();
      }
      List<String> provisioned = new ArrayList<>();
      values.path("provisioning").path("keys").forEach(k -> provisioned.add(k.asText()));
      policies.stream().filter(p -> p.name().equals("kesgen_provisioner")).findFirst().ifPresentOrElse(p -> {
        Set<String> expected = new TreeSet<>();
        provisioned.forEach(k -> expected.add("/v1/key/create/" + k));
        assertThat(allowedKeyRequests(p, allKeys)).as("provisioner of %s", instance.name()).isEqualTo(expected);
        assertThat(p.patterns()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(p.allows("/v1/status")).isFalse();
      }, () -> assertThat(provisioned).as("keys to provision without a provisioner in %s", instance.name()).isEmpty());
      assertThat(values.path("provisioning").path("enabled").asBoolean()).isEqualTo(!provisioned.isEmpty());
    }
  }
}

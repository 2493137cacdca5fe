package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kesgen.access.KesAccess;
import dev.kesgen.access.KesDecision;
import dev.kesgen.kes.MinioKesApi;
import dev.kesgen.pki.Identity;
import dev.kesgen.pki.Pem;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant isolation, completeness and least privilege, decided by the KES access model ({@link KesAccess}) of each
 * instance's release on the KES configuration kesgen generated for every golden case, for the identity of every
 * committed tenant and provisioner certificate, over every key API, every key of the instance and adversarial key
 * names ({@code <key>-x}, {@code <key>x}, {@code <key>*}, {@code *}). A request counts as reaching a key when it
 * passes the policy check and the release's handler accepts its key name: 2023-10-24 – 2023-10-27 pass
 * {@code /v1/key/create/*} for any policy allowing a create (kes-go v0.2.0's swapped arguments), but refuse the name.
 */
class AccessCheckTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final List<String> KEY_APIS = List.of("create", "generate", "decrypt", "encrypt", "describe", "delete",
      "import", "list", "hmac", "bulk/decrypt");

  static List<Golden> cases() {
    return Golden.all();
  }

  static Set<String> keyRequests(Set<String> keys) {
    Set<String> requests = new TreeSet<>();
    for (String key : keys) {
      for (String name : List.of(key, key + "-x", key + "x", key + "*", key + "/x")) {
        for (String api : KEY_APIS) {
          requests.add("/v1/key/" + api + "/" + name);
        }
      }
    }
    KEY_APIS.forEach(api -> requests.add("/v1/key/" + api + "/*"));
    return requests;
  }

  static Set<String> allowed(KesAccess access, String identity, Set<String> requests) {
    Set<String> allowed = new TreeSet<>();
    for (String request : requests) {
      KesDecision decision = access.decide(identity, request);
      assertThat(decision).isNotInstanceOf(KesDecision.InvalidConfiguration.class);
      // a request that passes the policy check but names no valid key reaches nothing (2023-10-24 on)
      if (decision.allowed() && !access.refusesKeyName(request)) {
        allowed.add(request);
      }
    }
    return allowed;
  }

  static String identity(Map<String, String> files, String certificate) {
    return Identity.of(Pem.decodeCertificate(files.get(certificate))).hex();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyIdentityReachesOnlyItsOwnKeysAndEverythingItsMinioCalls(Golden golden) throws Exception {
    Topology topology = TopologyLoader.load(golden.topology());
    Map<String, String> files = Golden.read(golden.expected());
    for (Instance instance : topology.instances()) {
      JsonNode values = YAML.readTree(files.get("kes/" + instance.name() + "/values.yaml"));
      KesAccess access = KesAccess.of(values.path("server").path("config").asText(), instance.kes().version());
      assertThat(access.problems()).as("%s starts", instance.name()).isEmpty();
      assertThat(access.ignoredFields()).as("%s: fields its release ignores", instance.name()).isEmpty();
      Set<String> allKeys = new TreeSet<>(List.of("someone-else"));
      instance.tenants().forEach(t -> allKeys.addAll(t.keys()));
      Set<String> requests = keyRequests(allKeys);

      for (Tenant tenant : instance.tenants()) {
        String identity = identity(files, "tenants/" + instance.name() + "/" + tenant.name() + "/client.crt");
        assertThat(access.policyOf(identity)).as("policy of %s/%s", instance.name(), tenant.name())
            .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo(tenant.name()));
        Set<String> exact = new TreeSet<>();
        for (String key : tenant.keys()) {
          List.of("create", "generate", "decrypt", "list", "describe", "hmac").forEach(api -> exact.add("/v1/key/" + api + "/" + key));
        }
        assertThat(allowed(access, identity, requests)).as("%s/%s", instance.name(), tenant.name())
            .isSubsetOf(exact)
            .noneMatch(path -> path.contains("/delete/") || path.contains("/import/") || path.contains("/list/"));
        for (String call : MinioKesApi.allowedPaths(tenant.minioVersion(), instance.kes().version(), tenant.keys())) {
          assertThat(access.decide(identity, call).allowed()).as("%s/%s may call %s", instance.name(), tenant.name(), call)
              .isTrue();
        }
        assertThat(access.decide(identity, "/v1/policy/list/*").allowed()).isFalse();
        assertThat(access.decide(identity, "/v1/identity/list/*").allowed()).isFalse();
      }
      List<String> provisioned = new ArrayList<>();
      values.path("provisioning").path("keys").forEach(k -> provisioned.add(k.asText()));
      String provisionerCert = "kes/" + instance.name() + "/provisioner.crt";
      if (files.containsKey(provisionerCert) && !provisioned.isEmpty()) {
        String identity = identity(files, provisionerCert);
        Set<String> expected = new TreeSet<>();
        provisioned.forEach(k -> expected.add("/v1/key/create/" + k));
        assertThat(allowed(access, identity, requests)).as("provisioner of %s", instance.name()).isEqualTo(expected);
        assertThat(access.decide(identity, "/v1/status").allowed()).isFalse();
      } else {
        assertThat(provisioned).as("keys to provision without a provisioner in %s", instance.name()).isEmpty();
      }
      assertThat(values.path("provisioning").path("enabled").asBoolean()).isEqualTo(!provisioned.isEmpty());
    }
  }
}

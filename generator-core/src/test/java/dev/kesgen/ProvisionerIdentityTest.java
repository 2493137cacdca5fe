package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kesgen.kes.KesDialect;
import dev.kesgen.pki.Identity;
import dev.kesgen.pki.Pem;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.TopologyLoader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The identities in every generated KES configuration are those of the committed certificates. */
class ProvisionerIdentityTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static List<Golden> cases() {
    return Golden.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void policiesNameTheIdentitiesOfTheCommittedCertificates(Golden golden) throws Exception {
    var files = Golden.read(golden.expected());
    Topology topology = TopologyLoader.load(golden.topology());
    for (var file : files.entrySet()) {
      if (!file.getKey().matches("kes/[^/]+/values.yaml")) {
        continue;
      }
      String dir = file.getKey().substring(0, file.getKey().lastIndexOf('/'));
      String instance = dir.substring("kes/".length());
      JsonNode config = YAML.readTree(YAML.readTree(file.getValue()).path("server").path("config").asText());
      JsonNode policies = config.path("policy");
      String key = KesDialect.of(topology.instance(instance).orElseThrow().kes().version()).policyIdentitiesKey();
      String provisioner = files.get(dir + "/provisioner.crt");
      assertThat(policies.has("kesgen_provisioner")).as(file.getKey()).isEqualTo(provisioner != null);
      if (provisioner != null) {
        assertThat(policies.path("kesgen_provisioner").path(key).get(0).asText())
            .isEqualTo(Identity.of(Pem.decodeCertificate(provisioner)).hex());
      }
      policies.properties().forEach(p -> {
        if (!p.getKey().equals("kesgen_provisioner")) {
          String cert = files.get("tenants/" + instance + "/" + p.getKey() + "/client.crt");
          assertThat(p.getValue().path(key).get(0).asText())
              .isEqualTo(Identity.of(Pem.decodeCertificate(cert)).hex());
        }
      });
    }
  }
}

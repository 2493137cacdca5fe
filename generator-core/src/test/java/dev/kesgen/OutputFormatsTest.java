package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated file of every golden case parses in its format, and says what the programs need. */
class OutputFormatsTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  static List<Golden> cases() {
    return Golden.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kesValuesCarryAConfigThatParsesForItsDialect(Golden golden) throws Exception {
    for (var file : Golden.read(golden.expected()).entrySet()) {
      if (!file.getKey().matches("kes/[^/]+/values.yaml")) {
        continue;
      }
      JsonNode values = YAML.readTree(file.getValue());
      JsonNode config = YAML.readTree(values.path("server").path("config").asText());
      boolean dateRelease = !values.path("image").path("tag").asText().startsWith("v");

      assertThat(config.path("address").asText()).as(file.getKey()).startsWith("0.0.0.0:");
      assertThat(config.has("admin") || config.has("root")).as(file.getKey()).isTrue();
      JsonNode backend = config.has("keystore") ? config.path("keystore") : config.path("keys");
      JsonNode approle = backend.path("vault").path("approle");
      JsonNode kubernetes = backend.path("vault").path("kubernetes");
      // exactly one login block: from 2023-04-03 the one present selects the method, v0.13.x refuses both
      assertThat(approle.isMissingNode()).as(file.getKey()).isNotEqualTo(kubernetes.isMissingNode());
      if (kubernetes.isMissingNode()) {
        assertThat(approle.path("id").asText()).isEqualTo("${KES_APPROLE_ID}");
        assertThat(approle.path("secret").asText()).isEqualTo("${KES_APPROLE_SECRET}");
        assertThat(values.path("vault").has("approleSecretName")).as(file.getKey()).isTrue();
      } else {
        assertThat(kubernetes.path("jwt").asText()).isEqualTo("/var/run/secrets/kes/vault/token");
        assertThat(kubernetes.path("role").asText()).startsWith("kes-");
        assertThat(values.path("vault").path("auth").asText()).isEqualTo("kubernetes");
        assertThat(values.path("vault").has("approleSecretName")).as("no AppRole Secret").isFalse();
      }
      assertThat(config.path("cache").path("expiry").has("any")).isTrue();
      assertThat(config.path("cache").path("expiry").has("unused")).isTrue();
      config.path("policy").properties().forEach(policy -> {
        JsonNode rules = policy.getValue().has("allow") ? policy.getValue().path("allow") : policy.getValue().path("paths");
        assertThat(rules).as("policy %s of %s", policy.getKey(), file.getKey()).isNotEmpty();
        rules.forEach(rule -> assertThat(rule.asText()).as("exact paths only").doesNotContain("*"));
      });
      if (dateRelease) {
        assertThat(config.has("admin")).isTrue();
        assertThat(config.has("keystore")).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyYamlAndJsonFileParses(Golden golden) throws Exception {
    for (var file : Golden.read(golden.expected()).entrySet()) {
      if (file.getKey().endsWith(".yaml")) {
        assertThat(YAML.readTree(file.getValue())).as(file.getKey()).isNotNull();
      } else if (file.getKey().equals("vault/kubernetes/config.json")) {
        JsonNode config = JSON.readTree(file.getValue());
        assertThat(config.path("kubernetes_host").asText()).startsWith("https://");
        assertThat(config.path("disable_local_ca_jwt").asBoolean())
            .isEqualTo(!config.path("kubernetes_ca_cert").asText().isEmpty());
      } else if (file.getKey().startsWith("vault/kubernetes/")) {
        JsonNode role = JSON.readTree(file.getValue());
        String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1).replace(".json", "");
        assertThat(role.path("token_policies").toString()).as(file.getKey()).isEqualTo("[\"" + name + "\"]");
        assertThat(role.path("token_no_default_policy").asBoolean(false)).as("no default policy").isTrue();
        assertThat(role.path("bound_service_account_names")).as(file.getKey()).hasSize(1);
        assertThat(role.path("bound_service_account_namespaces")).as(file.getKey()).hasSize(1);
        assertThat(role.has("secret_id_ttl")).as("no secret id").isFalse();
      } else if (file.getKey().endsWith(".json")) {
        JsonNode role = JSON.readTree(file.getValue());
        String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1).replace(".json", "");
        assertThat(role.path("token_policies")).as(file.getKey()).hasSize(1);
        assertThat(role.path("token_policies").get(0).asText()).as(file.getKey()).isEqualTo(name);
        assertThat(role.path("token_no_default_policy").asBoolean(false)).as("no default policy").isTrue();
        assertThat(role.path("token_bound_cidrs").isArray()).isTrue();
        assertThat(role.path("secret_id_bound_cidrs").isArray()).isTrue();
        assertThat(role.path("secret_id_num_uses").asInt(-1)).isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void vaultPoliciesParseAsHcl(Golden golden) throws Exception {
    for (var file : Golden.read(golden.expected()).entrySet()) {
      if (!file.getKey().endsWith(".hcl")) {
        continue;
      }
      if (file.getKey().equals("vault/policies/kesgen-vault-plan.hcl")) {
        // the read-only policy of vault plan: read and list only, on the paths the plan reads
        Map<String, Object> plan = (Map<String, Object>) new HCLParser().parse(file.getValue()).get("path");
        assertThat(plan).as(file.getKey()).containsKeys("auth/token/lookup-self", "sys/policies/acl/kes-*",
            "sys/auth");
        plan.forEach((path, rule) -> assertThat((List<String>) ((Map<String, Object>) rule).get("capabilities"))
            .as(path).isNotEmpty().isSubsetOf("read", "list"));
        continue;
      }
      Map<String, Object> parsed = new HCLParser().parse(file.getValue());
      Map<String, Object> paths = (Map<String, Object>) parsed.get("path");
      assertThat(paths).as(file.getKey()).isNotEmpty();
      if (file.getKey().startsWith("external-secrets/policies/")) {
        // the externalSecrets sink: the reader only reads (and ends its own token); the writer never reads the KV,
        // and deletes (external-secrets/apply.sh --prune) only under its own path, never a current login, never a
        // KES key
        boolean writer = file.getKey().endsWith("-writer.hcl");
        JsonNode topology = YAML.readTree(golden.topology().toFile());
        String mount = topology.path("vault").path("kv").path("mount").asText("secret");
        boolean v2 = topology.path("vault").path("kv").path("version").asInt(2) == 2;
        String esoPath = topology.path("secrets").path("externalSecrets").path("path").asText("kesgen");
        String kesPrefix = topology.path("vault").path("pathPrefix").asText("kes");
        List<String> deletable = new ArrayList<>();
        paths.forEach((path, rule) -> {
          List<String> capabilities = (List<String>) ((Map<String, Object>) rule).get("capabilities");
          assertThat(capabilities).as(path).isNotEmpty().doesNotContain("sudo", "patch");
          if (!writer && !path.equals("auth/token/revoke-self")) {
            assertThat(capabilities).as(path).containsExactly("read");
          }
          if (writer && capabilities.contains("delete")) {
            deletable.add(path);
          }
          if (writer && path.startsWith(mount + "/")) {
            assertThat(path).as("nothing on the KES keys").doesNotStartWith(mount + "/" + kesPrefix + "/")
                .doesNotStartWith(mount + "/data/" + kesPrefix + "/")
                .doesNotStartWith(mount + "/metadata/" + kesPrefix + "/");
            assertThat(path).as("only its own path of the mount")
                .matches(java.util.regex.Pattern.quote(mount) + (v2 ? "/(data|metadata)/" : "/")
                    + java.util.regex.Pattern.quote(esoPath) + "/.+");
          }
          if (writer && path.contains("-approle/")) {
            // KES's AppRole login entry: --rotate-secret-id writes its next version (update) after reading the
            // version number from its metadata; still no read of a value, and no delete: its exact rule wins over
            // the path's, so not even --prune can delete the current login
            assertThat(capabilities).as(path).isSubsetOf(path.contains("/metadata/") ? List.of("read")
                : List.of("create", "update"));
          } else if (writer && !path.startsWith("sys/") && !path.startsWith("auth/")) {
            assertThat(capabilities).as(path).isSubsetOf(!v2 ? List.of("create", "list", "delete")
                : path.contains("/metadata/") ? List.of("list", "delete") : List.of("create"));
          }
        });
        // --prune deletes with kv metadata delete (KV v2, every version) or kv delete (KV v1), under the path only
        assertThat(deletable).as(file.getKey()).isEqualTo(!writer ? List.of()
            : List.of(mount + (v2 ? "/metadata/" : "/") + esoPath + "/*"));
        continue;
      }
      if (file.getKey().equals("vault/policies/kesgen-operator.hcl")) {
        // the operator's policy: exact paths only (no prefix, no segment wildcard), nothing under the KV mount
        paths.keySet().forEach(path -> assertThat(path).as(file.getKey()).doesNotContain("*", "+")
            .matches("(sys|auth)/.*"));
        assertThat(paths).containsEntry("auth/token/lookup-self", Map.of("capabilities", List.of("read")));
        continue;
      }
      assertThat(paths).as("token renewal, the one rule of Vault's default policy KES needs")
          .containsEntry("auth/token/renew-self", Map.of("capabilities", List.of("update")));
      paths.forEach((path, rule) -> {
        if (path.equals("auth/token/renew-self")) {
          return;
        }
        List<String> capabilities = (List<String>) ((Map<String, Object>) rule).get("capabilities");
        assertThat(capabilities).isNotEmpty().doesNotContain("update", "sudo", "patch");
        assertThat(path).endsWith("/*");
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shellScriptsAreValidPosixSh(Golden golden, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    List<Path> scripts = new ArrayList<>();
    for (var file : Golden.read(golden.expected()).entrySet()) {
      if (file.getKey().endsWith(".sh")) {
        Path script = dir.resolve(file.getKey().replace('/', '_'));
        Files.writeString(script, file.getValue());
        scripts.add(script);
        assertThat(file.getValue()).startsWith("#!/bin/sh\n").contains("\nset -eu\n");
      }
    }
    assertThat(scripts).isNotEmpty();
    for (Path script : scripts) {
      Process sh = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
      assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(sh.exitValue()).as("sh -n %s: %s", script, new String(sh.getInputStream().readAllBytes())).isZero();
    }
  }
}

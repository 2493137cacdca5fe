package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.chart.KesChart.Manifests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeploymentTest {

    @ParameterizedTest
    @ValueSource(strings = {"kes-v0.13.4.yaml", "kes-2024-03-13.yaml"})
    void mountsTheTlsSecretNamedInValuesReadOnlyAtEtcKesTls(String valuesFile) {
        Manifests manifests = KesChart.render(valuesFile);
        String secretName = KesChart.values(valuesFile).at("/tls/secretName").asText();

        JsonNode volume = byName(manifests.podSpec().path("volumes"), "tls");
        JsonNode mount = byName(manifests.kesContainer().path("volumeMounts"), "tls");
        assertThat(volume.at("/secret/secretName").asText()).isEqualTo(secretName);
        assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/kes/tls");
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kes-v0.13.4.yaml", "kes-2024-03-13.yaml"})
    void passesServerArgsVerbatim(String valuesFile) {
        Manifests manifests = KesChart.render(valuesFile);

        assertThat(manifests.kesContainer().path("args"))
                .isEqualTo(KesChart.values(valuesFile).at("/server/args"));
    }

    @Test
    void mountsTheChartsConfigMapWhereTheArgsLookForTheConfig() {
        Manifests manifests = KesChart.render("kes-v0.13.4.yaml");

        JsonNode volume = byName(manifests.podSpec().path("volumes"), "config");
        JsonNode mount = byName(manifests.kesContainer().path("volumeMounts"), "config");
        String configMapName = manifests.one("ConfigMap").at("/metadata/name").asText();
        assertThat(volume.at("/configMap/name").asText()).isEqualTo(configMapName);
        assertThat(volume.at("/configMap/items/0/key").asText()).isEqualTo("config.yaml");
        String configPath = mount.path("mountPath").asText() + "/" + volume.at("/configMap/items/0/path").asText();
        assertThat(strings(manifests.kesContainer().path("args"))).contains("--config=" + configPath);
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kes-v0.13.4.yaml", "kes-2024-03-13.yaml"})
    void takesTheAppRoleFromTheApproleSecret(String valuesFile) {
        Manifests manifests = KesChart.render(valuesFile);
        String secretName = KesChart.values(valuesFile).at("/vault/approleSecretName").asText();

        JsonNode env = manifests.kesContainer().path("env");
        assertThat(byName(env, "KES_APPROLE_ID").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(secretName);
        assertThat(byName(env, "KES_APPROLE_ID").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("role-id");
        assertThat(byName(env, "KES_APPROLE_SECRET").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(secretName);
        assertThat(byName(env, "KES_APPROLE_SECRET").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("secret-id");
        assertThat(env).allSatisfy(e -> assertThat(e.has("value")).as("plain value of %s", e).isFalse());
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFileSystem() {
        Manifests manifests = KesChart.render("kes-v0.13.4.yaml");

        JsonNode pod = manifests.podSpec().path("securityContext");
        JsonNode container = manifests.kesContainer().path("securityContext");
        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("runAsUser").asInt()).isEqualTo(1000);
        assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(strings(container.at("/capabilities/drop"))).containsExactly("ALL");
    }

    @Test
    void probesTheTlsPortWithTcpSocket() {
        Manifests manifests = KesChart.render("kes-v0.13.4.yaml");

        JsonNode container = manifests.kesContainer();
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("https");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(7373);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(container.path(probe).at("/tcpSocket/port").asText()).as(probe).isEqualTo("https");
        }
    }

    @Test
    void appliesImageReplicasAndSchedulingValues() {
        Manifests manifests = KesChart.render("kes-2024-03-13.yaml");
        JsonNode values = KesChart.values("kes-2024-03-13.yaml");

        assertThat(manifests.kesContainer().path("image").asText()).isEqualTo("minio/kes:2024-03-13T17-52-13Z");
        assertThat(manifests.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(manifests.podSpec().path("nodeSelector")).isEqualTo(values.path("nodeSelector"));
        assertThat(manifests.podSpec().path("tolerations")).isEqualTo(values.path("tolerations"));
        assertThat(manifests.podAnnotations().path("prometheus.io/scrape").asText()).isEqualTo("false");
    }

    @Test
    void appliesResources() {
        Manifests manifests = KesChart.render("kes-v0.13.4.yaml");

        assertThat(manifests.kesContainer().path("resources"))
                .isEqualTo(KesChart.values("kes-v0.13.4.yaml").path("resources"));
        assertThat(manifests.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void mountsTheVaultCaFromTheConfigMapOnlyWhenSet() {
        Manifests withCa = KesChart.render("kes-v0.13.4-vault-ca.yaml");
        Manifests withoutCa = KesChart.render("kes-v0.13.4.yaml");

        JsonNode volume = byName(withCa.podSpec().path("volumes"), "vault-ca");
        JsonNode mount = byName(withCa.kesContainer().path("volumeMounts"), "vault-ca");
        assertThat(volume.at("/configMap/name").asText()).isEqualTo(withCa.one("ConfigMap").at("/metadata/name").asText());
        assertThat(volume.at("/configMap/items/0/key").asText()).isEqualTo("vault-ca.crt");
        assertThat(mount.path("mountPath").asText() + "/" + volume.at("/configMap/items/0/path").asText())
                .isEqualTo("/etc/kes/vault/ca.crt");
        assertThat(names(withoutCa.podSpec().path("volumes"))).doesNotContain("vault-ca");
    }

    static JsonNode byName(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no entry named " + name + " in " + list);
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.asText()));
        return values;
    }
}

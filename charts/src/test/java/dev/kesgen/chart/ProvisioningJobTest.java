package dev.kesgen.chart;

import static dev.kesgen.chart.DeploymentTest.byName;
import static dev.kesgen.chart.DeploymentTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.chart.KesChart.Manifests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisioningJobTest {

    private static final String VALUES = "kes-v0.13.4-provisioning.yaml";

    @Test
    void rendersNoJobWhenProvisioningIsDisabled() {
        assertThat(KesChart.renderWithHooks("kes-v0.13.4.yaml").ofKind("Job")).isEmpty();
    }

    @Test
    void rendersNoJobWhenThereAreNoKeys() {
        assertThat(KesChart.renderWithHooks(VALUES, "provisioning-no-keys.yaml").ofKind("Job")).isEmpty();
    }

    @Test
    void isAHookThatHelmKeepsOutOfTheReleaseManifest() {
        // helm-java's template drops hooks: the Job is missing exactly because Helm classified it as one.
        assertThat(KesChart.render(VALUES).ofKind("Job")).isEmpty();
        assertThat(KesChart.renderWithHooks(VALUES).ofKind("Job")).hasSize(1);
    }

    @Test
    void runsAfterEveryInstallAndUpgrade() {
        JsonNode annotations = KesChart.renderWithHooks(VALUES).one("Job").at("/metadata/annotations");

        assertThat(annotations.path("helm.sh/hook").asText()).isEqualTo("post-install,post-upgrade");
        assertThat(annotations.path("helm.sh/hook-delete-policy").asText()).isEqualTo("before-hook-creation,hook-succeeded");
    }

    @Test
    void runsInAnotherImageWhenOneIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path image = KesChart.overlay(dir, "image.yaml",
                java.util.Map.of("provisioning", java.util.Map.of("image", "registry.example.org/kes-with-shell:v0.13.4")));

        assertThat(job(KesChart.renderWithHooks(VALUES, image)).path("image").asText())
                .isEqualTo("registry.example.org/kes-with-shell:v0.13.4");
    }

    @Test
    void createsExactlyTheListedKeysWithTheKesCliOfTheSameImage() {
        Manifests manifests = KesChart.renderWithHooks(VALUES);
        JsonNode container = job(manifests);

        List<String> command = strings(container.path("command"));
        assertThat(command.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(command.get(2)).contains("/kes key create \"$key\"");
        assertThat(command.subList(3, command.size())).containsExactly("kes-provision", "gecko", "armadillo");
        assertThat(container.path("image").asText()).isEqualTo(manifests.kesContainer().path("image").asText());
    }

    @Test
    void talksToTheServiceHostNameOfTheServerCertificate() {
        JsonNode env = job(KesChart.renderWithHooks(VALUES)).path("env");

        assertThat(byName(env, "KES_SERVER").path("value").asText())
                .isEqualTo("https://kes." + KesChart.NAMESPACE + ".svc:7373");
    }

    @Test
    void authenticatesWithTheProvisionerSecret() {
        Manifests manifests = KesChart.renderWithHooks(VALUES);
        JsonNode container = job(manifests);
        JsonNode volume = byName(manifests.one("Job").at("/spec/template/spec/volumes"), "provisioner");
        JsonNode mount = byName(container.path("volumeMounts"), "provisioner");

        assertThat(volume.at("/secret/secretName").asText()).isEqualTo("kes-dev-provisioner");
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        String dir = mount.path("mountPath").asText();
        assertThat(byName(container.path("env"), "KES_CLIENT_CERT").path("value").asText()).isEqualTo(dir + "/tls.crt");
        assertThat(byName(container.path("env"), "KES_CLIENT_KEY").path("value").asText()).isEqualTo(dir + "/tls.key");
    }

    @Test
    void trustsOnlyTheCaCertificateOfTheProvisionerSecretAndNeverSkipsVerification() {
        JsonNode container = job(KesChart.renderWithHooks(VALUES));
        String dir = byName(container.path("volumeMounts"), "provisioner").path("mountPath").asText();

        assertThat(byName(container.path("env"), "SSL_CERT_FILE").path("value").asText()).isEqualTo(dir + "/ca.crt");
        assertThat(strings(container.path("command"))).noneMatch(arg -> arg.matches("(?s).*(\\s-k\\b|--insecure).*"));
    }

    @Test
    void runsNonRootOnAReadOnlyRootFileSystem() {
        Manifests manifests = KesChart.renderWithHooks(VALUES);
        JsonNode podSpec = manifests.one("Job").at("/spec/template/spec");

        assertThat(podSpec.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(job(manifests).at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(podSpec.path("restartPolicy").asText()).isEqualTo("Never");
    }

    @Test
    void podsAreNotSelectedByTheKesService() {
        Manifests manifests = KesChart.renderWithHooks(VALUES);
        JsonNode jobPodLabels = manifests.one("Job").at("/spec/template/metadata/labels");
        JsonNode selector = manifests.one("Service").at("/spec/selector");

        List<String> mismatches = new ArrayList<>();
        selector.fields().forEachRemaining(e -> {
            if (!e.getValue().asText().equals(jobPodLabels.path(e.getKey()).asText())) {
                mismatches.add(e.getKey());
            }
        });
        assertThat(mismatches).isNotEmpty();
    }

    static JsonNode job(Manifests manifests) {
        return manifests.one("Job").at("/spec/template/spec/containers/0");
    }
}

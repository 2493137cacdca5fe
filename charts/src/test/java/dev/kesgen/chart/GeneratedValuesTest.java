package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every values file the generator committed renders with real Helm, passes the schema and keeps the chart's contract. */
class GeneratedValuesTest {

    private static final String OTHER_CERTIFICATE_SHA256 =
            "0000000000000000000000000000000000000000000000000000000000000001";

    @TempDir
    Path dir;

    static Stream<Arguments> generated() {
        return GeneratedValues.all().stream().map(f -> Arguments.of(GeneratedValues.name(f), f));
    }

    @Test
    void findsTheExampleAndAGoldenTopologyPerDialect() {
        List<String> names = GeneratedValues.all().stream().map(GeneratedValues::name).toList();

        assertThat(names).contains("examples/molgenis/generated/kes/dev/values.yaml",
                "generator-core/src/test/resources/golden/dialect-v0.13.4/expected/kes/dev/values.yaml",
                "generator-core/src/test/resources/golden/dialect-2024-03-13/expected/kes/dev/values.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void mountsTheTlsSecretReadOnly(String name, Path values) {
        GeneratedValues.assertMountsTheTlsSecretReadOnly(GeneratedValues.render(values), KesChart.values(values));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void runsTheGeneratedConfigFromTheMountedFile(String name, Path values) {
        GeneratedValues.assertRunsTheGeneratedConfig(GeneratedValues.render(values), KesChart.values(values));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void logsInToVaultTheWayTheValuesSay(String name, Path values) {
        JsonNode v = KesChart.values(values);
        if ("kubernetes".equals(v.at("/vault/auth").asText())) {
            GeneratedValues.assertLogsInWithItsServiceAccount(GeneratedValues.render(values), v);
        } else {
            GeneratedValues.assertTakesTheAppRoleFromItsSecret(GeneratedValues.render(values), v);
        }
    }

    @Test
    void findsAValuesFileOfEachKubernetesToken() {
        List<String> tokens = GeneratedValues.all().stream().map(KesChart::values)
                .filter(v -> "kubernetes".equals(v.at("/vault/auth").asText()))
                .map(v -> v.at("/serviceAccount/token").asText()).distinct().sorted().toList();

        assertThat(tokens).containsExactly("projected", "secret");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void namesTheServiceAfterValues(String name, Path values) {
        GeneratedValues.assertNamesTheServiceAfterValues(GeneratedValues.render(values), KesChart.values(values));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void restartsThePodsWhenTheCertificateChecksumChanges(String name, Path values) {
        JsonNode before = GeneratedValues.render(values).podAnnotations();
        Path newCertificate = KesChart.overlay(dir, "tls.yaml", Map.of("tls", Map.of("checksum", OTHER_CERTIFICATE_SHA256)));
        JsonNode after = KesChart.render(values, newCertificate).podAnnotations();

        assertThat(before.path("checksum/tls").asText()).isEqualTo(KesChart.values(values).at("/tls/checksum").asText());
        assertThat(after.path("checksum/tls").asText()).isEqualTo(OTHER_CERTIFICATE_SHA256);
        assertThat(after.path("checksum/config")).isEqualTo(before.path("checksum/config"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void runsTheProvisioningJobExactlyWhenKeysNeedIt(String name, Path values) {
        JsonNode v = KesChart.values(values);
        List<JsonNode> jobs = KesChart.renderWithHooks(values).ofKind("Job");
        if (!v.path("provisioning").path("enabled").asBoolean()) {
            assertThat(jobs).as("no keys to provision").isEmpty();
            return;
        }
        assertThat(jobs).hasSize(1);
        JsonNode spec = jobs.get(0).at("/spec/template/spec");
        JsonNode container = spec.path("containers").get(0);
        List<String> keys = DeploymentTest.strings(v.path("provisioning").path("keys"));
        List<String> command = DeploymentTest.strings(container.path("command"));
        assertThat(command.subList(command.indexOf("kes-provision") + 1, command.size())).isEqualTo(keys);
        assertThat(DeploymentTest.byName(spec.path("volumes"), "provisioner").at("/secret/secretName").asText())
                .isEqualTo(v.path("provisioning").path("secretName").asText());
        assertThat(DeploymentTest.byName(container.path("env"), "KES_SERVER").path("value").asText())
                .isEqualTo("https://" + v.at("/service/name").asText() + "." + KesChart.NAMESPACE + ".svc:"
                        + v.at("/service/port").asInt());
        assertThat(DeploymentTest.byName(container.path("env"), "SSL_CERT_FILE").path("value").asText())
                .endsWith("/ca.crt");
    }
}

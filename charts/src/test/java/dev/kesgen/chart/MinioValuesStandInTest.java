package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated values of the api-key golden case, rendered with real Helm (helm-java) through stand-ins of the three
 * MinIO chart layouts (src/test/resources/minio-standin, written from the real templates with citations: MinIO's
 * charts are AGPL and are not used here). For a tenant with {@code minioAuth: apiKey} the MinIO pod has
 * {@code MINIO_CONFIG_ENV_FILE} pointing at {@code config.env} inside a volume of exactly the tenant's Secret, no
 * client certificate or key variable, and no key anywhere in the manifests; a certificate tenant keeps its
 * certificate and key files from the same Secret. That {@code config.env} of the Secret holds the key is proved in
 * generator-core's ApiKeyPeerTest, through every secret sink.
 */
class MinioValuesStandInTest {
    static final Path GOLDEN = Path.of("../generator-core/src/test/resources/golden/api-key/expected/tenants")
            .toAbsolutePath().normalize();
    static final Path STANDIN = Path.of("src/test/resources/minio-standin").toAbsolutePath();
    private static final ObjectMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> tenants() {
        return Stream.of(
                Arguments.of("dev/gecko", "official", true),
                Arguments.of("dev/lizard", "legacy", true),
                Arguments.of("dev/newt", "armadillo", true),
                Arguments.of("old/frog", "official", true),
                Arguments.of("dev/toad", "official", false));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("tenants")
    void thePodReadsTheKeyFromTheTenantsSecretAndNothingElse(String tenant, String layout, boolean apiKey)
            throws Exception {
        Path values = GOLDEN.resolve(tenant).resolve("values.yaml");
        String rendered = new Helm(chart(layout)).template().withName("minio").withNamespace("minio")
                .withValuesFile(values).call();
        JsonNode pod = deployment(rendered).at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        String secret = "kes-" + tenant.replace('/', '-') + "-client";

        assertThat(rendered).doesNotContain("kes:v1:").doesNotContain("MINIO_KMS_KES_API_KEY");
        if (apiKey) {
            assertThat(env(container, "MINIO_KMS_KES_CERT_FILE")).isNull();
            assertThat(env(container, "MINIO_KMS_KES_KEY_FILE")).isNull();
            String file = env(container, "MINIO_CONFIG_ENV_FILE");
            assertThat(file).isNotNull().endsWith("/config.env");
            assertThat(secretMountedAt(pod, container, file)).isEqualTo(secret);
        } else {
            assertThat(env(container, "MINIO_CONFIG_ENV_FILE")).isNull();
            assertThat(secretMountedAt(pod, container, env(container, "MINIO_KMS_KES_CERT_FILE"))).isEqualTo(secret);
            assertThat(secretMountedAt(pod, container, env(container, "MINIO_KMS_KES_KEY_FILE"))).isEqualTo(secret);
        }
        assertThat(secretMountedAt(pod, container, env(container, "MINIO_KMS_KES_CAPATH"))).isEqualTo(secret);
    }

    @Test
    void theStandInsRenderNoSecretOfTheirOwn() throws Exception {
        for (String layout : List.of("official", "legacy", "armadillo")) {
            String rendered = new Helm(chart(layout)).template().withName("minio").call();
            assertThat(rendered).doesNotContain("kind: Secret");
        }
    }

    /** The chart of a layout; Armadillo gets the legacy stand-in as its subchart {@code minio}, as 0.16.0 has it. */
    private Path chart(String layout) throws IOException {
        if (!layout.equals("armadillo")) {
            return STANDIN.resolve(layout);
        }
        Path copy = dir.resolve("armadillo");
        copyTree(STANDIN.resolve("armadillo"), copy);
        copyTree(STANDIN.resolve("legacy"), copy.resolve("charts/minio"));
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static JsonNode deployment(String rendered) {
        List<JsonNode> deployments = new ArrayList<>();
        try (var parser = YAML.createParser(rendered)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && "Deployment".equals(doc.path("kind").asText())) {
                    deployments.add(doc);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(deployments).hasSize(1);
        return deployments.get(0);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                assertThat(e.has("valueFrom")).isFalse();
                return e.path("value").asText();
            }
        }
        return null;
    }

    /** The Secret whose volume is mounted at the directory of {@code file}, or null. */
    private static String secretMountedAt(JsonNode pod, JsonNode container, String file) {
        assertThat(file).as("a path").isNotNull();
        String directory = file.substring(0, file.lastIndexOf('/'));
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().replaceAll("/$", "").equals(directory)) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume.path("secret").path("secretName").isMissingNode() ? null
                                : volume.path("secret").path("secretName").asText();
                    }
                }
            }
        }
        return null;
    }
}

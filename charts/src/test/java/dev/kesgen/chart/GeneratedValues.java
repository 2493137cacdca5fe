package dev.kesgen.chart;

import static dev.kesgen.chart.DeploymentTest.byName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.chart.KesChart.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The values files the generator committed (the MOLGENIS example's and every golden topology's, one per KES
 * dialect), found by walking the source tree so a new golden case is proven without touching this module, and
 * the contract the chart keeps with each of them.
 */
final class GeneratedValues {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path EXAMPLE = Path.of("../examples/molgenis/generated/kes").toAbsolutePath().normalize();
    static final Path GOLDEN = Path.of("../generator-core/src/test/resources/golden").toAbsolutePath().normalize();

    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    private GeneratedValues() {
    }

    /** Every generated values file, sorted; fails when a source directory holds none (moved, not empty). */
    static List<Path> all() {
        List<Path> example = find(EXAMPLE, "kes/*/values.yaml", EXAMPLE.getParent());
        List<Path> golden = find(GOLDEN, "*/expected/kes/*/values.yaml", GOLDEN);
        return Stream.concat(example.stream(), golden.stream()).toList();
    }

    private static List<Path> find(Path root, String glob, Path globBase) {
        var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(f -> matcher.matches(globBase.relativize(f)))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new AssertionError("no " + glob + " under " + root);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path as the test names it, relative to the repository root. */
    static String name(Path valuesFile) {
        return ROOT.relativize(valuesFile).toString();
    }

    /** The chart rendered with this file alone, once per run. */
    static Manifests render(Path valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, file -> KesChart.render((Object) file));
    }

    static void assertMountsTheTlsSecretReadOnly(Manifests manifests, JsonNode values) {
        JsonNode volume = volumeOf(manifests, "secret", "secretName", values.at("/tls/secretName").asText());
        JsonNode mount = byName(manifests.kesContainer().path("volumeMounts"), volume.path("name").asText());
        assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/kes/tls");
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
    }

    static void assertRunsTheGeneratedConfig(Manifests manifests, JsonNode values) {
        JsonNode configMap = manifests.one("ConfigMap");
        assertThat(configMap.at("/data/config.yaml").asText()).isEqualTo(values.at("/server/config").asText());
        JsonNode volume = volumeOf(manifests, "configMap", "name", configMap.at("/metadata/name").asText());
        JsonNode item = byKey(volume.at("/configMap/items"), "config.yaml");
        JsonNode mount = byName(manifests.kesContainer().path("volumeMounts"), volume.path("name").asText());
        String mountedFile = mount.path("mountPath").asText() + "/" + item.path("path").asText();
        assertThat(manifests.kesContainer().path("args")).isEqualTo(values.at("/server/args"));
        assertThat(DeploymentTest.strings(values.at("/server/args"))).contains("--config=" + mountedFile);
    }

    static void assertTakesTheAppRoleFromItsSecret(Manifests manifests, JsonNode values) {
        JsonNode env = manifests.kesContainer().path("env");
        String secret = values.at("/vault/approleSecretName").asText();
        for (String[] variable : new String[][] {{"KES_APPROLE_ID", "role-id"}, {"KES_APPROLE_SECRET", "secret-id"}}) {
            JsonNode entry = byName(env, variable[0]);
            assertThat(entry.at("/valueFrom/secretKeyRef/name").asText()).as(variable[0]).isEqualTo(secret);
            assertThat(entry.at("/valueFrom/secretKeyRef/key").asText()).as(variable[0]).isEqualTo(variable[1]);
            assertThat(entry.has("value")).as(variable[0]).isFalse();
        }
    }

    /**
     * A Kubernetes login: no AppRole variables, the pods run as the ServiceAccount the chart creates, and its token (and
     * no other) is mounted read-only where the KES configuration's {@code kubernetes.jwt} names it: projected with the
     * values' audience, or the long-lived token Secret the chart creates for it; the auth-delegator binding exactly
     * when the values ask for it.
     */
    static void assertLogsInWithItsServiceAccount(Manifests manifests, JsonNode values) {
        JsonNode env = manifests.kesContainer().path("env");
        for (JsonNode entry : env) {
            assertThat(entry.path("name").asText()).doesNotStartWith("KES_APPROLE");
        }
        String account = values.at("/serviceAccount/name").asText();
        assertThat(account).isNotEmpty();
        assertThat(manifests.podSpec().path("serviceAccountName").asText()).isEqualTo(account);
        assertThat(manifests.podSpec().path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(manifests.ofKind("ServiceAccount")).singleElement()
                .satisfies(sa -> assertThat(sa.at("/metadata/name").asText()).isEqualTo(account));
        JsonNode volume = byName(manifests.podSpec().path("volumes"), "vault-token");
        JsonNode mount = byName(manifests.kesContainer().path("volumeMounts"), "vault-token");
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        String config = values.at("/server/config").asText();
        assertThat(config).contains("jwt: \"" + mount.path("mountPath").asText() + "/token\"");
        List<JsonNode> secrets = manifests.ofKind("Secret");
        if ("projected".equals(values.at("/serviceAccount/token").asText())) {
            JsonNode token = volume.at("/projected/sources/0/serviceAccountToken");
            assertThat(token.path("path").asText()).isEqualTo("token");
            assertThat(token.path("audience").asText()).isEqualTo(values.at("/serviceAccount/audience").asText());
            assertThat(token.path("expirationSeconds").asInt()).isGreaterThanOrEqualTo(600);
            assertThat(secrets).isEmpty();
        } else {
            assertThat(volume.at("/secret/secretName").asText()).isEqualTo(account + "-token");
            assertThat(byKey(volume.at("/secret/items"), "token").path("path").asText()).isEqualTo("token");
            assertThat(secrets).singleElement().satisfies(secret -> {
                assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/service-account-token");
                assertThat(secret.at("/metadata/name").asText()).isEqualTo(account + "-token");
                assertThat(secret.at("/metadata/annotations").path("kubernetes.io/service-account.name").asText())
                        .isEqualTo(account);
            });
        }
        List<JsonNode> bindings = manifests.ofKind("ClusterRoleBinding");
        if (values.at("/serviceAccount/authDelegator").asBoolean()) {
            assertThat(bindings).singleElement().satisfies(b -> {
                assertThat(b.at("/roleRef/name").asText()).isEqualTo("system:auth-delegator");
                assertThat(b.at("/subjects/0/name").asText()).isEqualTo(account);
                assertThat(b.at("/subjects/0/namespace").asText()).isEqualTo(KesChart.NAMESPACE);
            });
        } else {
            assertThat(bindings).isEmpty();
        }
    }

    static void assertNamesTheServiceAfterValues(Manifests manifests, JsonNode values) {
        assertThat(manifests.one("Service").at("/metadata/name").asText()).isEqualTo(values.at("/service/name").asText());
    }

    private static JsonNode byKey(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (key.equals(item.path("key").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with key " + key + " in " + items);
    }

    /** The pod volume whose {@code source} (secret, configMap) has {@code field} = {@code name}. */
    private static JsonNode volumeOf(Manifests manifests, String source, String field, String name) {
        for (JsonNode volume : manifests.podSpec().path("volumes")) {
            if (name.equals(volume.path(source).path(field).asText())) {
                return volume;
            }
        }
        throw new AssertionError("no " + source + " volume with " + field + " " + name + " in " + manifests.podSpec());
    }
}

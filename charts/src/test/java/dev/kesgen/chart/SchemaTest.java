package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json turns a mistake in a values file into an error at template (and install) time. */
class SchemaTest {

    private static final String SCHEMA_ERROR = "values don't meet the specifications of the schema";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "typo-top-level.yaml, additional properties 'replicas' not allowed",
        "typo-nested.yaml, additional properties 'secretname' not allowed",
        "wrong-type-port.yaml, at '/service/port': got string, want integer",
        "wrong-type-args.yaml, at '/server/args': got string, want array",
        "private-key-in-config.yaml, at '/server/config'",
    })
    void rejectsTheMistake(String overlay, String expectedMessage) {
        assertThatThrownBy(() -> KesChart.render("kes-v0.13.4.yaml", overlay))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SCHEMA_ERROR)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void rejectsProvisioningWithKeysButNoSecret() {
        assertThatThrownBy(() -> KesChart.render("kes-v0.13.4-provisioning.yaml", "provisioning-without-secret.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SCHEMA_ERROR)
                .hasMessageContaining("/provisioning/secretName");
    }

    @Test
    void rejectsAChecksumAnnotationInPodAnnotations() {
        assertThatThrownBy(() -> KesChart.render("kes-v0.13.4.yaml", "pod-annotation-checksum.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SCHEMA_ERROR)
                .hasMessageContaining("invalid propertyName 'checksum/config'");
    }

    @Test
    void requiresTheServerConfig() {
        // The chart's own defaults pass the schema (so lint works) but carry no config.
        assertThatThrownBy(() -> new Helm(KesChart.CHART).template().call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.config is required");
    }
}

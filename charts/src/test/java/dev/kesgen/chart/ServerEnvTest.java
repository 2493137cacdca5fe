package dev.kesgen.chart;

import static dev.kesgen.chart.DeploymentTest.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** server.env: plain variables a KES release needs beside its config (VAULT_CACERT for v0.13.0). */
class ServerEnvTest {

    private static final String SCHEMA_ERROR = "values don't meet the specifications of the schema";

    @Test
    void addsPlainEntriesSortedByNameAfterTheAppRole() {
        JsonNode env = KesChart.render("kes-v0.13.4.yaml", "server-env.yaml").kesContainer().path("env");

        assertThat(names(env)).containsExactly("KES_APPROLE_ID", "KES_APPROLE_SECRET", "GODEBUG", "VAULT_CACERT");
        assertThat(DeploymentTest.byName(env, "VAULT_CACERT").path("value").asText()).isEqualTo("/etc/kes/vault/ca.crt");
        assertThat(DeploymentTest.byName(env, "GODEBUG").path("value").asText()).isEqualTo("x509sha1=1");
        assertThat(DeploymentTest.byName(env, "GODEBUG").has("valueFrom")).isFalse();
    }

    @Test
    void addsNothingByDefault() {
        JsonNode env = KesChart.render("kes-v0.13.4.yaml").kesContainer().path("env");

        assertThat(names(env)).containsExactly("KES_APPROLE_ID", "KES_APPROLE_SECRET");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "server-env-lowercase-name.yaml, invalid propertyName 'vault_cacert'",
        "server-env-approle.yaml, invalid propertyName 'KES_APPROLE_SECRET'",
        "server-env-not-a-string.yaml, at '/server/env/GOMAXPROCS': got number, want string",
    })
    void rejectsTheMistake(String overlay, String expectedMessage) {
        assertThatThrownBy(() -> KesChart.render("kes-v0.13.4.yaml", overlay))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SCHEMA_ERROR)
                .hasMessageContaining(expectedMessage);
    }
}

package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.chart.KesChart.Manifests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigMapTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "kes-v0.13.4.yaml", "kes-2024-03-13.yaml", "kes-v0.13.4-vault-ca.yaml", "kes-v0.13.4-provisioning.yaml"})
    void holdsServerConfigByteForByte(String valuesFile) {
        Manifests manifests = KesChart.render(valuesFile);

        assertThat(manifests.one("ConfigMap").at("/data/config.yaml").asText())
                .isEqualTo(KesChart.values(valuesFile).at("/server/config").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"config-indented-no-final-newline.yaml", "config-trailing-blank-lines.yaml", "config-carriage-return.yaml"})
    void keepsLeadingIndentationAndTrailingNewlinesOfTheConfig(String overlay) {
        Manifests manifests = KesChart.render("kes-v0.13.4.yaml", overlay);

        assertThat(manifests.one("ConfigMap").at("/data/config.yaml").asText())
                .isEqualTo(KesChart.values(overlay).at("/server/config").asText());
    }

    @Test
    void holdsTheVaultCaByteForByte() {
        Manifests manifests = KesChart.render("kes-v0.13.4-vault-ca.yaml");

        assertThat(manifests.one("ConfigMap").at("/data/vault-ca.crt").asText())
                .isEqualTo(KesChart.values("kes-v0.13.4-vault-ca.yaml").at("/vault/caCertificate").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kes-v0.13.4.yaml", "kes-2024-03-13.yaml", "kes-v0.13.4-vault-ca.yaml"})
    void holdsOnlyTheConfigAndTheVaultCaAndNoSecret(String valuesFile) {
        Manifests manifests = KesChart.render(valuesFile);
        JsonNode data = manifests.one("ConfigMap").path("data");

        List<String> keys = new ArrayList<>();
        data.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSubsetOf("config.yaml", "vault-ca.crt");
        String config = data.path("config.yaml").asText();
        assertThat(config).contains("${KES_APPROLE_ID}", "${KES_APPROLE_SECRET}");
        assertThat(data.toString()).doesNotContain("PRIVATE KEY");
        assertThat(manifests.ofKind("Secret")).isEmpty();
    }

    @Test
    void doesNotHoldTheVaultCaWhenNoneIsSet() {
        Manifests manifests = KesChart.render("kes-v0.13.4.yaml");

        assertThat(manifests.one("ConfigMap").path("data").has("vault-ca.crt")).isFalse();
    }
}

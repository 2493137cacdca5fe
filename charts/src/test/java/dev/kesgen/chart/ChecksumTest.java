package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod template's checksum annotations replace the seed's manual "restart the KES pods" step. */
class ChecksumTest {

    private static final String OTHER_CERTIFICATE_SHA256 =
            "0000000000000000000000000000000000000000000000000000000000000001";

    @TempDir
    Path dir;

    @Test
    void changesWhenTheCertificateChecksumChanges() {
        JsonNode before = KesChart.render("kes-v0.13.4.yaml").podAnnotations();
        Path newCertificate = KesChart.overlay(dir, "tls.yaml", Map.of("tls", Map.of("checksum", OTHER_CERTIFICATE_SHA256)));
        JsonNode after = KesChart.render("kes-v0.13.4.yaml", newCertificate).podAnnotations();

        assertThat(after).isNotEqualTo(before);
        assertThat(after.path("checksum/tls").asText()).isEqualTo(OTHER_CERTIFICATE_SHA256);
        assertThat(after.path("checksum/config")).isEqualTo(before.path("checksum/config"));
    }

    @Test
    void changesWhenTheConfigChanges() {
        JsonNode before = KesChart.render("kes-v0.13.4.yaml").podAnnotations();
        String config = KesChart.values("kes-v0.13.4.yaml").at("/server/config").asText().replace("unused: 20s", "unused: 30s");
        Path newConfig = KesChart.overlay(dir, "config.yaml", Map.of("server", Map.of("config", config)));
        JsonNode after = KesChart.render("kes-v0.13.4.yaml", newConfig).podAnnotations();

        assertThat(after.path("checksum/config").asText()).isNotEqualTo(before.path("checksum/config").asText());
        assertThat(after.path("checksum/tls")).isEqualTo(before.path("checksum/tls"));
    }

    @Test
    void changesWhenTheVaultCaChanges() {
        JsonNode without = KesChart.render("kes-v0.13.4.yaml").podAnnotations();
        JsonNode with = KesChart.render("kes-v0.13.4.yaml", "kes-v0.13.4-vault-ca.yaml").podAnnotations();

        assertThat(with.path("checksum/config").asText()).isNotEqualTo(without.path("checksum/config").asText());
    }

    @Test
    void staysTheSameForTheSameValues() {
        JsonNode first = KesChart.render("kes-v0.13.4.yaml").podAnnotations();
        JsonNode second = KesChart.render("kes-v0.13.4.yaml").podAnnotations();

        assertThat(second).isEqualTo(first);
        assertThat(first.path("checksum/config").asText()).matches("[0-9a-f]{64}");
    }
}

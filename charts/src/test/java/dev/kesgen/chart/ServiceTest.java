package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.chart.KesChart.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"kes-v0.13.4.yaml", "kes-2024-03-13.yaml"})
    void isNamedExactlyServiceName(String valuesFile) {
        Manifests manifests = KesChart.render(valuesFile);

        assertThat(manifests.one("Service").at("/metadata/name").asText())
                .isEqualTo(KesChart.values(valuesFile).at("/service/name").asText());
    }

    @Test
    void keepsServiceNameWhenTheReleaseNameDiffers() {
        Manifests manifests = KesChart.render("kes-2024-03-13.yaml");

        assertThat(manifests.one("Service").at("/metadata/name").asText()).isEqualTo("kes-accept");
        assertThat(manifests.one("Deployment").at("/metadata/name").asText()).isEqualTo(KesChart.RELEASE);
    }

    @Test
    void forwardsServicePortToTheKesContainer() {
        Manifests manifests = KesChart.render("kes-v0.13.4.yaml");
        JsonNode port = manifests.one("Service").at("/spec/ports/0");

        assertThat(port.path("port").asInt()).isEqualTo(7373);
        assertThat(port.path("targetPort").asText()).isEqualTo(manifests.kesContainer().at("/ports/0/name").asText());
        assertThat(manifests.one("Service").at("/spec/type").asText()).isEqualTo("ClusterIP");
    }

    @Test
    void selectsThePodsOfTheDeployment() {
        Manifests manifests = KesChart.render("kes-v0.13.4.yaml");
        JsonNode selector = manifests.one("Service").at("/spec/selector");
        JsonNode podLabels = manifests.one("Deployment").at("/spec/template/metadata/labels");

        selector.fields().forEachRemaining(e ->
                assertThat(podLabels.path(e.getKey()).asText()).as(e.getKey()).isEqualTo(e.getValue().asText()));
        assertThat(selector.size()).isPositive();
    }
}

package dev.kesgen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.chart.KesChart.Manifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicy of every generated values file, rendered by real Helm: KES accepts connections on its port only from
 * the tenants' namespaces and the provisioning Job, and may connect only to the cluster DNS, Vault's port and (for the
 * Job) the KES pods.
 */
class NetworkPolicyTest {
    @TempDir
    Path dir;

    static Stream<Arguments> generated() {
        return GeneratedValues.all().stream().map(f -> Arguments.of(GeneratedValues.name(f), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void allowsOnlyTheTenantsInAndOnlyDnsAndVaultOut(String name, Path values) {
        JsonNode v = KesChart.values(values);
        Manifests manifests = KesChart.render(values);
        JsonNode policy = manifests.one("NetworkPolicy").path("spec");
        assertThat(v.at("/networkPolicy/enabled").asBoolean()).as("on in generated values").isTrue();

        JsonNode podLabels = manifests.one("Deployment").at("/spec/template/metadata/labels");
        policy.at("/podSelector/matchLabels").fields().forEachRemaining(e ->
                assertThat(podLabels.path(e.getKey()).asText()).as(e.getKey()).isEqualTo(e.getValue().asText()));
        assertThat(policy.at("/podSelector/matchLabels").has("app.kubernetes.io/component"))
                .as("the Job's pods are selected too").isFalse();
        assertThat(policy.path("policyTypes")).extracting(JsonNode::asText).containsExactly("Ingress", "Egress");

        JsonNode ingress = policy.path("ingress");
        assertThat(ingress).hasSize(1);
        List<String> namespaces = new ArrayList<>();
        List<String> podComponents = new ArrayList<>();
        ingress.get(0).path("from").forEach(peer -> {
            if (peer.has("namespaceSelector")) {
                namespaces.add(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
                assertThat(peer.has("podSelector")).isFalse();
            } else {
                podComponents.add(peer.at("/podSelector/matchLabels/app.kubernetes.io~1component").asText());
            }
            assertThat(peer.has("ipBlock")).as("no address range may reach KES").isFalse();
        });
        List<String> expected = new ArrayList<>();
        v.at("/networkPolicy/ingressNamespaces").forEach(n -> expected.add(n.asText()));
        assertThat(namespaces).isEqualTo(expected).isNotEmpty();
        assertThat(podComponents).containsExactly("provisioning");
        assertThat(ingress.get(0).path("ports")).hasSize(1);
        assertThat(ingress.get(0).at("/ports/0/port").asInt()).isEqualTo(v.at("/service/port").asInt());

        JsonNode egress = policy.path("egress");
        assertThat(egress).hasSize(3);
        assertThat(egress.get(0).at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("kube-system");
        assertThat(egress.get(0).path("ports")).extracting(p -> p.path("protocol").asText() + "/" + p.path("port").asInt())
                .containsExactly("UDP/53", "TCP/53");
        JsonNode vault = egress.get(1);
        assertThat(vault.path("ports")).extracting(p -> p.path("protocol").asText() + "/" + p.path("port").asInt())
                .containsExactly("TCP/" + v.at("/networkPolicy/vault/port").asInt());
        List<String> cidrs = new ArrayList<>();
        v.at("/networkPolicy/vault/cidrs").forEach(c -> cidrs.add(c.asText()));
        List<String> rendered = new ArrayList<>();
        vault.path("to").forEach(t -> rendered.add(t.at("/ipBlock/cidr").asText()));
        assertThat(rendered).isEqualTo(cidrs);
        assertThat(egress.get(2).at("/ports/0/port").asInt()).isEqualTo(v.at("/service/port").asInt());
        assertThat(egress.get(2).at("/to/0/podSelector/matchLabels/app.kubernetes.io~1component").asText())
                .isEqualTo("server");
    }

    @Test
    void anIpLiteralVaultEndpointIsTheOnlyAddressKesMayReach() {
        Path values = GeneratedValues.all().stream()
                .filter(f -> GeneratedValues.name(f).contains("dialect-2023-10-24/")).findFirst().orElseThrow();
        JsonNode egress = KesChart.render(values).one("NetworkPolicy").at("/spec/egress/1");
        assertThat(egress.at("/to/0/ipBlock/cidr").asText()).isEqualTo("10.20.30.40/32");
        assertThat(egress.at("/ports/0/port").asInt()).isEqualTo(8200);
    }

    @Test
    void isOffByDefault() {
        assertThat(KesChart.render("kes-v0.13.4.yaml").ofKind("NetworkPolicy")).isEmpty();
    }

    @Test
    void aDigestPinsTheImageOfServerAndJob() {
        Path values = GeneratedValues.all().stream()
                .filter(f -> GeneratedValues.name(f).contains("dialect-2025-03-12/")).findFirst().orElseThrow();
        String digest = KesChart.values(values).at("/image/digest").asText();
        assertThat(digest).startsWith("sha256:");
        Manifests manifests = KesChart.render(values);
        assertThat(manifests.kesContainer().path("image").asText())
                .isEqualTo("quay.io/minio/kes:2025-03-12T09-35-18Z@" + digest);
        Path withJob = KesChart.overlay(dir, "job.yaml", Map.of("provisioning",
                Map.of("enabled", true, "secretName", "kes-provisioner", "keys", List.of("k"))));
        JsonNode job = KesChart.renderWithHooks(values, withJob).ofKind("Job").get(0);
        assertThat(job.at("/spec/template/spec/containers/0/image").asText()).endsWith("@" + digest);
    }
}

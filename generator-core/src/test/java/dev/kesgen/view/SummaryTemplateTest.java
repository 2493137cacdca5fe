package dev.kesgen.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.render.Renderer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The summary template formats the plain data of {@link SummaryContext} itself: the rows the golden topologies
 * never reach (a subject that may call nothing, only key-less APIs, a chart-chosen image, an instance name Mermaid
 * does not allow as it is).
 */
class SummaryTemplateTest {
  private static SummaryContext.Access tenant(String name, List<SummaryContext.KeyGrant> grants, List<String> apis) {
    return new SummaryContext.Access(Optional.of(name), false, false, Optional.of("0123456789ab…"), grants, apis);
  }

  private static String render() throws Exception {
    SummaryContext.Tenant gecko = new SummaryContext.Tenant("gecko-1", "gecko", "tenant", "RELEASE.2024-01-01T00-00-00Z",
        Optional.empty(), List.of("a", "b"),
        List.of(new SummaryContext.KeyCreator("a", false, true, false, false),
            new SummaryContext.KeyCreator("b", false, false, false, true)),
        "ff", "2027-01-01");
    List<SummaryContext.Access> access = List.of(
        tenant("gecko-1", List.of(), List.of()),
        tenant("only-status", List.of(), List.of("/v1/status")),
        tenant("both", List.of(new SummaryContext.KeyGrant(List.of("create", "generate"), List.of("a", "b")),
            new SummaryContext.KeyGrant(List.of("decrypt"), List.of("c"))), List.of("/v1/status", "/v1/metrics")),
        new SummaryContext.Access(Optional.empty(), true, false, Optional.of("abcdefabcdef…"),
            List.of(new SummaryContext.KeyGrant(List.of("create"), List.of("b"))), List.of()),
        new SummaryContext.Access(Optional.empty(), false, true, Optional.empty(), List.of(), List.of()));
    SummaryContext.Instance instance = new SummaryContext.Instance("eu.west-2", "kes", "v0.22.0", "quay.io/minio/kes:v0",
        "", "", "V0_22", "kes.kes.svc", 7373, 1, "kes-eu.west-2", "kv/kes-eu.west-2", "kes/eu.west-2/values.yaml",
        new SummaryContext.Certificate("kes/eu.west-2", "ee", "2027-01-01"), Optional.empty(), List.of(gecko), access, "");
    SummaryContext context = new SummaryContext("generated", new VaultView("https://vault:8200", "", "kv", 1, "approle"),
        List.of(), List.of(), List.of(instance), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
    return Renderer.create(Renderer.EMBEDDED_TEMPLATES, Optional.empty()).render("summary.md.hbs", context);
  }

  @Test
  void theTemplateWritesEveryCellFromPlainData() throws Exception {
    String summary = render();

    assertThat(summary).startsWith("<!-- generated -->\n# kesgen summary\n")
        .contains("  vault --- kes_eu_west_2[\"KES eu.west-2<br/>kes, v0.22.0\"]\n")
        .contains("  kes_eu_west_2 --- t_eu_west_2_gecko_1[\"gecko-1<br/>gecko\"]\n")
        .contains("| `gecko-1` | `gecko` | tenant | RELEASE.2024-01-01T00-00-00Z | client certificate"
            + " | the chart's (kesgen plans for RELEASE.2024-01-01T00-00-00Z) | `a`, `b`"
            + " | `a`: MinIO at start-up; `b`: nobody (provisioning is off): run kes key create once |\n")
        .contains("| tenant `gecko-1` | `0123456789ab…` | nothing |\n")
        .contains("| tenant `only-status` | `0123456789ab…` | `/v1/status` |\n")
        .contains("| tenant `both` | `0123456789ab…` | create, generate on `a`, `b`; decrypt on `c`;"
            + " `/v1/status`, `/v1/metrics` |\n")
        .contains("| provisioner | `abcdefabcdef…` | create on `b` |\n")
        .contains("| admin | `disabled` | nothing (no admin identity) |\n")
        .doesNotContain("\n\n\n");
  }
}

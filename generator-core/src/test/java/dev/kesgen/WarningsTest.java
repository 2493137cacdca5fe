package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.WarningId;
import dev.kesgen.warning.Warning;
import dev.kesgen.warning.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every warning about the output is in the log and in SUMMARY.md, from one list, with its id; an acknowledgement in
 * the topology marks it (it stays shown) and takes it out of a strict run's refusal; an acknowledgement that matches
 * nothing is a warning of its own.
 */
class WarningsTest {
  /** MinIO 2021-05-16 with KES v0.18.0 (minio/minio#14716), and AppRoles bound to no network. */
  static final String TOPOLOGY = """
      version: 1
      vault: { endpoint: "https://vault.example.org:8200" }
      defaults: { kes: { version: v0.18.0 }, tenant: { minioVersion: RELEASE.2021-05-16T05-32-34Z } }
      instances:
        - name: dev
          namespace: kes-dev
          tenants: [ { name: gecko, namespace: gecko }, { name: lynx, namespace: lynx } ]
      """;
  static final String RESTART = ": MinIO RELEASE.2021-05-16T05-32-34Z with KES v0.18.0 is known to fail on restart with"
      + " \"key already exists\" (minio/minio#14716); pair that MinIO with KES v0.17.x or older, or upgrade MinIO to"
      + " 2022-03-03 or later";

  @TempDir Path dir;

  private GenerateRequest request(String acknowledge) throws Exception {
    Path topology = Files.writeString(dir.resolve("topology.yaml"), TOPOLOGY + acknowledge);
    return GenerateRequest.of(topology).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  private String summary() throws Exception {
    return Files.readString(dir.resolve("generated/SUMMARY.md"));
  }

  @Test
  void everyWarningIsInTheLogAndInSummaryWithItsId() throws Exception {
    List<Warning> logged = new ArrayList<>();
    GenerateResult result = Kesgen.generate(request(""), event -> {
      if (event instanceof KesgenEvent.Warning w) {
        logged.add(w.warning());
      }
    });

    assertThat(result.warnings()).extracting(w -> w.id().id())
        .containsExactly("network-unbound", "minio-14716", "minio-14716");
    assertThat(logged).containsExactlyElementsOf(result.warnings());
    assertThat(logged).extracting(Warning::text).contains("[minio-14716] instance dev, tenant gecko" + RESTART);
    for (Warning w : result.warnings()) {
      assertThat(summary()).contains("- `" + w.id().id() + "`: " + w.message() + ".\n");
    }
    assertThat(summary()).doesNotContain(dir.toString());
    assertThat(Warnings.strictRefusal(result.warnings(), "--strict")).hasValueSatisfying(m -> assertThat(m)
        .startsWith("3 warning(s) not acknowledged, and --strict makes warnings fail:\n  [network-unbound] "));
  }

  @Test
  void anAcknowledgedWarningIsStillShownMarkedAndNoLongerFailsAStrictRun() throws Exception {
    GenerateResult result = Kesgen.generate(request("""
        acknowledge:
          - { id: minio-14716, instance: dev, tenant: gecko, reason: "gecko moves to MinIO 2024 in March" }
          - { id: network-unbound, reason: "a lab Vault on a private network" }
        """));

    assertThat(result.warnings()).extracting(Warning::text).containsExactly(
        "[network-unbound] The AppRoles are bound to no network (vault.approle.tokenBoundCidrs and secretIdBoundCidrs"
            + " are empty): a leaked kes-<instance>-approle Secret logs in from anywhere; bind them to the pod network"
            + " (acknowledged: a lab Vault on a private network)",
        "[minio-14716] instance dev, tenant gecko" + RESTART + " (acknowledged: gecko moves to MinIO 2024 in March)",
        "[minio-14716] instance dev, tenant lynx" + RESTART);
    assertThat(summary()).contains("- `minio-14716`: instance dev, tenant gecko" + RESTART
        + ". Acknowledged: gecko moves to MinIO 2024 in March.\n");
    assertThat(Warnings.strictRefusal(result.warnings(), "--strict")).hasValueSatisfying(m -> assertThat(m)
        .startsWith("1 warning(s) not acknowledged, and --strict makes warnings fail:\n  [minio-14716] instance dev,"
            + " tenant lynx: "));
  }

  @Test
  void anAcknowledgementForEveryTenantCoversThemAll() throws Exception {
    GenerateResult result = Kesgen.generate(request("""
        acknowledge:
          - { id: minio-14716, reason: "every tenant moves in March" }
          - { id: network-unbound, reason: "a lab Vault" }
        """));

    assertThat(result.warnings()).allSatisfy(w -> assertThat(w.acknowledged()).isPresent());
    assertThat(Warnings.strictRefusal(result.warnings(), "--strict")).isEmpty();
  }

  @Test
  void anAcknowledgementThatMatchesNoWarningIsAWarning() throws Exception {
    GenerateResult result = Kesgen.generate(request("""
        acknowledge:
          - { id: network-unbound, reason: "a lab Vault" }
          - { id: minio-14716, reason: "every tenant moves in March" }
          - { id: kes-image-docker-hub, instance: dev, reason: "mirrored" }
        """));

    assertThat(result.warnings()).filteredOn(w -> w.id() == WarningId.ACKNOWLEDGEMENT_UNUSED)
        .extracting(Warning::text).containsExactly("[acknowledgement-unused] acknowledge[2] (kes-image-docker-hub,"
            + " instance dev) acknowledges no warning this topology gives; remove it");
    assertThat(summary()).contains("- `acknowledgement-unused`: acknowledge[2]");
  }

  @Test
  void aCheckReportsTheSameWarnings() throws Exception {
    GenerateResult generated = Kesgen.generate(request(""));

    CheckResult check = Kesgen.check(request(""), Optional.empty());

    assertThat(check.findings()).isEmpty();
    assertThat(check.warnings()).containsExactlyElementsOf(generated.warnings());
  }

  @Test
  void theNetworkWarningNamesWhatKubernetesInstancesCarryNotAnAppRoleSecret() throws Exception {
    String kubernetes = """
        version: 1
        vault:
          endpoint: "http://vault.example.org:8200"
          allowPlaintextHttp: true
          auth: kubernetes
          kubernetes: { host: "https://10.0.0.1:6443" }
          approle: { secretIdBoundCidrs: [10.42.0.0/16] }
        defaults: { kes: { version: 2025-03-12T09-35-18Z }, tenant: { minioVersion: RELEASE.2025-10-15T17-29-55Z } }
        instances:
          - name: dev
            namespace: kes-dev
            tenants: [ { name: gecko, namespace: gecko } ]
        """;
    Path topology = Files.writeString(dir.resolve("topology.yaml"), kubernetes);
    GenerateResult result = Kesgen.generate(GenerateRequest.of(topology).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK));

    // a secret id bound to a network does not bind a Kubernetes instance's token: still unbound
    assertThat(result.warnings()).extracting(Warning::message).contains(
        "Vault endpoint http://vault.example.org:8200 is plain http (vault.allowPlaintextHttp): KES sends its"
            + " ServiceAccount token and reads every key unencrypted; use https with vault.caCertificate",
        "The Vault tokens of the instances that log in with Kubernetes are bound to no network"
            + " (vault.approle.tokenBoundCidrs is empty): a token taken from a KES pod works from anywhere until it"
            + " expires; bind them to the pod network");
    assertThat(result.warnings()).extracting(Warning::message).noneMatch(m -> m.contains("approle Secret")
        || m.contains("secret id"));
    assertThat(summary()).contains("- `network-unbound`: The Vault tokens of the instances that log in with Kubernetes");
  }
}

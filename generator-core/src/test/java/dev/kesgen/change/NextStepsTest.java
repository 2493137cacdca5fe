package dev.kesgen.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands a run prints after it writes: for what changed, in order, with paths from the project directory. */
class NextStepsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/dialect-2024-03-13");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String BASE = """
      version: 1
      vault:
        endpoint: https://vault.example.org:8200
        kv: { mount: secret, version: 2 }
        caCertificate: vault-ca.pem
      defaults:
        kes: { version: 2024-03-13T17-52-13Z }
        tenant: { chart: minio, minioVersion: RELEASE.2024-05-10T01-41-38Z }
      instances:
        - name: dev
          namespace: kes-dev
          tenants:
            - { name: gecko, namespace: minio-gecko, keys: [gecko] }
            - { name: lizard, namespace: minio-lizard, keys: [lizard], chart: armadillo, minioVersion: RELEASE.2020-11-06T23-17-07Z }
        - name: prod
          namespace: kes-prod
          tenants:
            - { name: owl, namespace: minio-owl, keys: [owl] }
      """;

  @TempDir Path dir;

  @Test
  void nothingChangedNoSteps() throws Exception {
    generate(BASE);
    assertThat(steps(BASE)).isEmpty();
    assertThat(NextSteps.lines(List.of())).isEmpty();
  }

  @Test
  void aFirstRunDeploysEverythingInOrder() throws Exception {
    Files.copy(GOLDEN.resolve("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    List<String> steps = steps(BASE);

    assertThat(steps).startsWith(
        "kubectl create namespace kes-dev --dry-run=client -o yaml | kubectl apply --server-side -f -",
        "kubectl create namespace minio-gecko --dry-run=client -o yaml | kubectl apply --server-side -f -");
    assertThat(steps).contains("kubectl apply --server-side -f secrets/kes/dev/secret.yaml",
        "kubectl apply --server-side -f secrets/tenants/dev/gecko/secret.yaml",
        "vault policy write kesgen-operator generated/vault/policies/kesgen-operator.hcl",
        // apply.sh does not write the read-only policy of kesgen vault plan
        "vault policy write kesgen-vault-plan generated/vault/policies/kesgen-vault-plan.hcl",
        "sh generated/vault/apply.sh", "sh generated/vault/bootstrap-dev.sh", "sh generated/vault/bootstrap-prod.sh",
        "helm upgrade --install kes-dev charts/kes --namespace kes-dev -f generated/kes/dev/values.yaml",
        "helm upgrade --install gecko minio --repo https://charts.min.io/ --namespace minio-gecko"
            + " -f generated/tenants/dev/gecko/values.yaml",
        "helm upgrade --install lizard molgenis-armadillo --repo https://helm.molgenis.org/ --no-hooks"
            + " --namespace minio-lizard -f generated/tenants/dev/lizard/values.yaml");
    // Secrets before Vault before KES before the tenants; nothing to restart or delete on a first run
    assertThat(steps.indexOf("kubectl apply --server-side -f secrets/tenants/prod/owl/secret.yaml"))
        .isLessThan(steps.indexOf("sh generated/vault/apply.sh"));
    assertThat(steps.indexOf("sh generated/vault/bootstrap-prod.sh"))
        .isLessThan(steps.indexOf("helm upgrade --install kes-dev charts/kes --namespace kes-dev"
            + " -f generated/kes/dev/values.yaml"));
    assertThat(steps).noneMatch(s -> s.startsWith("kubectl rollout") || s.contains("delete") || s.contains("uninstall"));
    assertThat(steps).doesNotHaveDuplicates();
  }

  @Test
  void addingATenantAppliesItsSecretUpgradesKesAndInstallsIt() throws Exception {
    generate(BASE);
    String added = BASE.replace("      - { name: owl, namespace: minio-owl, keys: [owl] }\n",
        "      - { name: owl, namespace: minio-owl, keys: [owl] }\n"
            + "      - { name: newt, namespace: minio-newt, keys: [newt] }\n");
    assertThat(added).isNotEqualTo(BASE);

    assertThat(steps(added)).containsExactly(
        "kubectl create namespace minio-newt --dry-run=client -o yaml | kubectl apply --server-side -f -",
        "kubectl apply --server-side -f secrets/tenants/prod/newt/secret.yaml",
        "helm upgrade --install kes-prod charts/kes --namespace kes-prod -f generated/kes/prod/values.yaml",
        "helm upgrade --install newt minio --repo https://charts.min.io/ --namespace minio-newt"
            + " -f generated/tenants/prod/newt/values.yaml");
  }

  @Test
  void removingATenantAndAnInstanceDeletesWhatStaysBehind() throws Exception {
    generate(BASE);
    String removed = BASE.substring(0, BASE.indexOf("  - name: prod"))
        .replace("      - { name: lizard, namespace: minio-lizard, keys: [lizard], chart: armadillo,"
            + " minioVersion: RELEASE.2020-11-06T23-17-07Z }\n", "");
    assertThat(removed).doesNotContain("lizard");

    List<String> steps = steps(removed);

    assertThat(steps).containsExactly(
        // the operator's token no longer needs prod's paths, and apply.sh no longer writes prod's policy and role
        "vault policy write kesgen-operator generated/vault/policies/kesgen-operator.hcl",
        "sh generated/vault/apply.sh",
        "helm upgrade --install kes-dev charts/kes --namespace kes-dev -f generated/kes/dev/values.yaml",
        "helm uninstall kes-prod --namespace kes-prod",
        "kubectl delete secret kes-tls kes-provisioner kes-prod-approle --ignore-not-found --namespace kes-prod",
        "vault policy delete kes-prod",
        "vault delete auth/approle/role/kes-prod",
        "helm uninstall lizard --namespace minio-lizard",
        "kubectl delete secret kes-dev-lizard-client --namespace minio-lizard",
        "helm uninstall owl --namespace minio-owl",
        "kubectl delete secret kes-prod-owl-client --namespace minio-owl");
  }

  @Test
  void aNewServerCertificateAppliesEveryTenantSecretAndRestartsTheirMinio() throws Exception {
    generate(BASE);
    Files.writeString(dir.resolve("topology.yaml"), BASE);
    Plan plan = Kesgen.plan(request().withRotate(Set.of("dev")), dev.kesgen.KesgenListener.NONE);

    List<String> steps = Kesgen.nextSteps(plan, Kesgen.changes(plan));

    assertThat(steps).containsExactly(
        "kubectl apply --server-side -f secrets/kes/dev/secret.yaml",
        "kubectl apply --server-side -f secrets/kes/dev/provisioner-secret.yaml", // its ca.crt too
        "kubectl apply --server-side -f secrets/tenants/dev/gecko/secret.yaml",
        "kubectl apply --server-side -f secrets/tenants/dev/lizard/secret.yaml",
        "helm upgrade --install kes-dev charts/kes --namespace kes-dev -f generated/kes/dev/values.yaml",
        // the Armadillo values carry the server certificate (kesCert); the minio layout's do not change
        "helm upgrade --install lizard molgenis-armadillo --repo https://helm.molgenis.org/ --no-hooks"
            + " --namespace minio-lizard -f generated/tenants/dev/lizard/values.yaml",
        "kubectl rollout restart deployment,statefulset --namespace minio-gecko -l app=minio,release=gecko",
        "kubectl rollout restart deployment,statefulset --namespace minio-lizard -l app=minio,release=lizard");
    assertThat(NextSteps.lines(steps).get(0)).startsWith("Next steps, from the project directory");
    assertThat(NextSteps.lines(steps).get(1)).isEqualTo("  " + steps.get(0));
  }

  @Test
  void pathsAreNamedFromTheProjectDirectory() throws Exception {
    Files.copy(GOLDEN.resolve("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    Files.writeString(dir.resolve("topology.yaml"), BASE);
    GenerateRequest request = request().withOutputDirectory(dir.resolve("infra/out"))
        .withSecretsDirectory(dir.resolve("infra/keys"));
    Plan plan = Kesgen.plan(request, dev.kesgen.KesgenListener.NONE);

    assertThat(Kesgen.nextSteps(plan, Kesgen.changes(plan))).contains("sh infra/out/vault/apply.sh",
        "kubectl apply --server-side -f infra/keys/kes/dev/secret.yaml");
    assertThat(plan.files().get("tenants/dev/gecko/values.yaml"))
        .contains("\n#   helm upgrade --install gecko minio --repo https://charts.min.io/ --namespace minio-gecko"
            + " -f infra/out/tenants/dev/gecko/values.yaml\n");
    assertThat(plan.files().get("kes/dev/values.yaml"))
        .contains("\n#   helm upgrade --install kes-dev charts/kes --namespace kes-dev -f infra/out/kes/dev/values.yaml\n");
  }

  @Test
  void withTheSopsSinkTheCommittedEncryptedSecretIsDecryptedAndApplied() throws Exception {
    Files.copy(GOLDEN.resolve("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    String sops = BASE.replace("instances:\n", "secrets:\n  sink: sops\n  sops:\n    ageRecipients:"
        + " [age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p]\ninstances:\n");
    assertThat(sops).isNotEqualTo(BASE);

    List<String> steps = steps(sops);

    assertThat(steps).contains(
        "sops --decrypt generated/kes/dev/secret.sops.yaml | kubectl apply --server-side -f -",
        "sops --decrypt generated/tenants/dev/gecko/secret.sops.yaml | kubectl apply --server-side -f -");
    assertThat(steps).noneMatch(s -> s.contains("secrets/"));
  }

  @Test
  void anOutputDirectoryOutsideTheProjectIsNamedByItsNameOnly() {
    Path project = dir.resolve("project");
    assertThat(dev.kesgen.layout.HelmCommands.directoryName(project, dir.resolve("elsewhere/generated")))
        .isEqualTo("generated");
    assertThat(dev.kesgen.layout.HelmCommands.directoryName(project, project.resolve("a/b"))).isEqualTo("a/b");
    assertThat(dev.kesgen.layout.HelmCommands.directoryName(project, project.resolve("a b")))
        .as("no name a shell or comment would misread").isEqualTo("<directory>");
    assertThat(dev.kesgen.layout.HelmCommands.directoryName(project, project.resolve("a\nb")))
        .isEqualTo("<directory>");
  }

  private List<String> steps(String topology) throws Exception {
    Files.writeString(dir.resolve("topology.yaml"), topology);
    Plan plan = Kesgen.plan(request(), dev.kesgen.KesgenListener.NONE);
    return Kesgen.nextSteps(plan, Kesgen.changes(plan));
  }

  private void generate(String topology) throws Exception {
    if (!Files.exists(dir.resolve("vault-ca.pem"))) {
      Files.copy(GOLDEN.resolve("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    }
    Files.writeString(dir.resolve("topology.yaml"), topology);
    Kesgen.generate(request());
  }

  private GenerateRequest request() {
    return GenerateRequest.of(dir.resolve("topology.yaml")).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(CLOCK);
  }
}

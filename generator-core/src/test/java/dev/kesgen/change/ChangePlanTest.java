package dev.kesgen.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.EnvironmentException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.Plan;
import dev.kesgen.change.Change.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change plan of generate: per file and in words, read from the committed output and the planned output. */
class ChangePlanTest {
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
            - { name: gecko, namespace: minio-gecko, keys: [gecko, gecko-old] }
            - { name: lizard, namespace: minio-lizard, keys: [lizard] }
        - name: prod
          namespace: kes-prod
          tenants:
            - { name: owl, namespace: minio-owl, keys: [owl] }
      """;

  @TempDir Path dir;

  @Test
  void aSecondRunPlansNoChanges() throws Exception {
    generate(BASE);
    ChangeSet plan = Kesgen.changes(plan(BASE));
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.summary()).isEqualTo("No changes.");
    assertThat(plan.lines(50)).extracting(ChangeSet.Line::text).containsExactly("Plan: No changes.");
  }

  @Test
  void aFirstRunAddsEveryFile() throws Exception {
    Files.copy(GOLDEN.resolve("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    Files.writeString(dir.resolve("topology.yaml"), BASE);
    Plan plan = plan(BASE);
    ChangeSet changes = Kesgen.changes(plan);
    assertThat(changes.toAdd()).isEqualTo(plan.files().size());
    assertThat(changes.toChange()).isZero();
    assertThat(changes.destructive()).isEmpty();
    assertThat(changes.changes()).extracting(Change::kind).containsOnly(Kind.INSTANCE_ADDED, Kind.TENANT_ADDED);
  }

  @Test
  void removingAKeyATenantAndAnInstanceIsDestructiveAndSaysWhatStaysBehind() throws Exception {
    generate(BASE);
    String edited = BASE.replace("keys: [gecko, gecko-old]", "keys: [gecko]")
        .replace("      - { name: lizard, namespace: minio-lizard, keys: [lizard] }\n",
            "      - { name: newt, namespace: minio-newt, keys: [newt] }\n");
    String changed = edited.substring(0, edited.indexOf("  - name: prod"));

    ChangeSet plan = Kesgen.changes(plan(changed));

    assertThat(plan.destructive()).extracting(Change::kind, Change::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.INSTANCE_REMOVED, "prod"),
        org.assertj.core.groups.Tuple.tuple(Kind.TENANT_REMOVED, "dev/lizard"),
        org.assertj.core.groups.Tuple.tuple(Kind.TENANT_REMOVED, "prod/owl"),
        org.assertj.core.groups.Tuple.tuple(Kind.KEY_REMOVED, "dev/gecko"));
    assertThat(message(plan, Kind.KEY_REMOVED)).contains("loses decrypt on key gecko-old")
        .contains("the key itself stays in Vault at secret/kes/dev/gecko-old");
    assertThat(message(plan, Kind.TENANT_REMOVED)).contains("kes-dev-lizard-client stays in the cluster");
    assertThat(message(plan, Kind.INSTANCE_REMOVED)).contains("AppRole kes-prod").contains("stay behind");
    assertThat(plan.changes()).extracting(Change::kind, Change::subject)
        .contains(org.assertj.core.groups.Tuple.tuple(Kind.TENANT_ADDED, "dev/newt"));
    assertThat(message(plan, Kind.TENANT_ADDED)).matches("tenant dev/newt added \\(identity [0-9a-f]{12}…\\), keys"
        + " newt: .*");
    assertThat(plan.files()).contains(new FileChange("tenants/dev/newt/values.yaml", FileChange.Operation.ADD),
        new FileChange("tenants/dev/lizard/values.yaml", FileChange.Operation.DELETE),
        new FileChange("kes/dev/values.yaml", FileChange.Operation.CHANGE));
    List<String> lines = plan.lines(50).stream().map(ChangeSet.Line::text).toList();
    assertThat(lines.get(0)).isEqualTo("Plan:");
    assertThat(lines).contains("  ! " + message(plan, Kind.KEY_REMOVED), "  + tenants/dev/newt/values.yaml",
        "  - tenants/dev/lizard/values.yaml", "  ~ kes/dev/values.yaml");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("Plan: " + plan.toAdd() + " to add, " + plan.toChange()
        + " to change, " + plan.toDelete() + " to delete. 4 destructive change(s), marked !.");
    assertThat(plan.refusal(true)).startsWith("4 destructive change(s) and fail-on-destructive is set, so nothing was"
        + " written:\n  ");
  }

  @Test
  void aRotatedTenantIsAnIdentityChangeAndARenewedServerIsDestructive() throws Exception {
    generate(BASE);
    Plan rotated = Kesgen.plan(Kesgen.load(dir.resolve("topology.yaml")), request().withRotate(
        java.util.Set.of("dev/gecko", "prod")), dev.kesgen.KesgenListener.NONE);

    ChangeSet plan = Kesgen.changes(rotated);

    assertThat(plan.changes()).extracting(Change::kind, Change::subject, Change::destructive).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.SERVER_CERTIFICATE_CHANGED, "prod", true),
        org.assertj.core.groups.Tuple.tuple(Kind.IDENTITY_CHANGED, "dev/gecko", false));
    assertThat(message(plan, Kind.IDENTITY_CHANGED)).matches("the identity of tenant dev/gecko changes \\([0-9a-f]{12}…"
        + " -> [0-9a-f]{12}…\\): apply its Secret, upgrade kes-dev and restart its MinIO");
    assertThat(message(plan, Kind.SERVER_CERTIFICATE_CHANGED)).contains("restart the tenants' MinIO");
  }

  @Test
  void anotherDirectoryCanBeTheBase() throws Exception {
    generate(BASE);
    Path base = dir.resolve("base");
    Files.move(dir.resolve("generated"), base);

    ChangeSet plan = Kesgen.changes(plan(BASE), base);
    ChangeSet fresh = Kesgen.changes(plan(BASE));

    assertThat(fresh.toAdd()).isPositive();
    // certificates are issued afresh in memory (the output directory is empty), so they and the policies differ
    assertThat(plan.toAdd()).isZero();
    assertThat(plan.toDelete()).isZero();
  }

  @Test
  void aLinkInTheComparedOutputIsRefused() throws Exception {
    generate(BASE);
    Path policy = dir.resolve("generated/vault/policies/kes-dev.hcl");
    Files.delete(policy);
    Files.createSymbolicLink(policy, Path.of("/dev/zero"));

    assertThatThrownBy(() -> Kesgen.changes(plan(BASE))).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("kes-dev.hcl is a symbolic link");
  }

  private static String message(ChangeSet plan, Kind kind) {
    return plan.changes().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow().message();
  }

  private void generate(String topology) throws Exception {
    if (!Files.exists(dir.resolve("vault-ca.pem"))) {
      Files.copy(GOLDEN.resolve("vault-ca.pem"), dir.resolve("vault-ca.pem"));
    }
    Files.writeString(dir.resolve("topology.yaml"), topology);
    Kesgen.generate(request());
  }

  private Plan plan(String topology) throws Exception {
    Files.writeString(dir.resolve("topology.yaml"), topology);
    return Kesgen.plan(request(), dev.kesgen.KesgenListener.NONE);
  }

  private GenerateRequest request() {
    return GenerateRequest.of(dir.resolve("topology.yaml")).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(CLOCK);
  }
}

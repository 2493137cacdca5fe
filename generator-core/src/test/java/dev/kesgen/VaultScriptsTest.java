package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Vault scripts of the MOLGENIS example, run by a real {@code sh} against stand-ins for the vault
 * and kubectl commands (src/test/resources/scripts) that log every command line and keep state in files.
 */
class VaultScriptsTest {
  static final Path SCRIPTS = Path.of("../examples/molgenis/generated/vault");
  static final Path STUBS = Path.of("src/test/resources/scripts");

  @TempDir Path dir;
  Path state;
  Path log;

  record Run(int exit, String output) {}

  @BeforeEach
  void setUp() throws IOException {
    state = Files.createDirectories(dir.resolve("state"));
    log = dir.resolve("commands.log");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String stub : List.of("vault", "kubectl")) {
      Files.copy(STUBS.resolve(stub), bin.resolve(stub));
      Files.setPosixFilePermissions(bin.resolve(stub), PosixFilePermissions.fromString("rwx------"));
    }
    Path vault = Files.createDirectories(dir.resolve("vault"));
    try (var files = Files.walk(SCRIPTS)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = vault.resolve(SCRIPTS.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  Run sh(Map<String, String> env, String... args) throws Exception {
    return sh(dir.resolve("bin") + ":" + System.getenv("PATH"), env, args);
  }

  Run sh(String path, Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("sh"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.directory(dir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("VAULT_") || name.startsWith("BAO_")
        || name.equals("KESGEN_VAULT_CLI"));
    builder.environment().put("PATH", path);
    builder.environment().put("STATE", state.toString());
    builder.environment().put("LOG", log.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  String commands() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Test
  void bootstrapStoresTheCredentialsInTheSecretWithoutEverPrintingThem() throws Exception {
    Run run = sh(Map.of(), "vault/bootstrap-accept.sh");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(Files.readString(state.resolve("k8s-role-id"))).isEqualTo("ROLE-ID-VALUE");
    assertThat(Files.readString(state.resolve("k8s-secret-id"))).isEqualTo("SECRET-ID-VALUE");
    assertThat(run.output() + commands()).doesNotContain("ROLE-ID-VALUE", "SECRET-ID-VALUE");
    assertThat(commands()).contains("kubectl create secret generic kes-accept-approle --namespace kes-accept",
        "kubectl apply --server-side");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsOnly("state", "commands.log", "bin", "vault");
  }

  @Test
  void bootstrapDoesNothingWhenTheSecretExists() throws Exception {
    Files.createFile(state.resolve("secret-exists"));

    Run run = sh(Map.of(), "vault/bootstrap-accept.sh");

    assertThat(run.exit()).isZero();
    assertThat(run.output()).contains("nothing to do");
    assertThat(commands()).doesNotContain("secret-id");
  }

  @Test
  void rotationReplacesTheSecretAndDestroysOnlyTheOlderSecretIds() throws Exception {
    Files.createFile(state.resolve("secret-exists"));
    Files.writeString(state.resolve("accessors"), "old-accessor-1\nold-accessor-2\n");

    Run run = sh(Map.of(), "vault/bootstrap-accept.sh", "--rotate");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(Files.readAllLines(state.resolve("destroyed"))).containsExactly("old-accessor-1", "old-accessor-2");
    assertThat(Files.readAllLines(state.resolve("accessors"))).containsExactly("new-accessor");
  }

  @Test
  void aSecretThatCannotBeWrittenTakesItsNewSecretIdWithIt() throws Exception {
    Files.writeString(state.resolve("accessors"), "old-accessor\n");

    Run run = sh(Map.of("KUBECTL_FAIL", "yes"), "vault/bootstrap-accept.sh");

    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("the new secret id was destroyed");
    assertThat(Files.readAllLines(state.resolve("destroyed"))).containsExactly("new-accessor");
    assertThat(Files.readAllLines(state.resolve("accessors"))).containsExactly("old-accessor");
  }

  @Test
  void aDeniedListEndsTheRotationBeforeAnythingIsCreatedOrClaimed() throws Exception {
    Files.createFile(state.resolve("secret-exists"));
    Files.writeString(state.resolve("accessors"), "old-accessor\n");

    Run run = sh(Map.of("VAULT_LIST_DENIED", "yes"), "vault/bootstrap-accept.sh", "--rotate");

    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("cannot list the secret ids of kes-accept", "permission denied")
        .doesNotContain("destroyed", "written");
    assertThat(commands()).doesNotContain("secret-id-accessor/destroy", "-field=secret_id", "kubectl apply");
  }

  @Test
  void aDeniedListWithAFailingSecretClaimsNoDestruction() throws Exception {
    Run run = sh(Map.of("VAULT_LIST_DENIED", "yes", "KUBECTL_FAIL", "yes"), "vault/bootstrap-accept.sh");

    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).doesNotContain("was destroyed");
    assertThat(commands()).doesNotContain("-field=secret_id");
  }

  @Test
  void aDestructionThatDidNotHappenIsReportedAsAFailure() throws Exception {
    Files.createFile(state.resolve("secret-exists"));
    Files.writeString(state.resolve("accessors"), "old-accessor\n");

    Run run = sh(Map.of("VAULT_DESTROY_IGNORED", "yes"), "vault/bootstrap-accept.sh", "--rotate");

    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("could not destroy the older secret ids of kes-accept")
        .doesNotContain("Older secret ids of kes-accept destroyed");
  }

  @Test
  void aNewSecretIdThatCouldNotBeDestroyedIsNotReportedAsDestroyed() throws Exception {
    Run run = sh(Map.of("VAULT_DESTROY_IGNORED", "yes", "KUBECTL_FAIL", "yes"), "vault/bootstrap-accept.sh");

    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("the new secret id could not be destroyed").doesNotContain("was destroyed");
  }

  @Test
  void termDuringApplyEndsTheScriptAfterCleanupAndClaimsOnlyWhatHappened() throws Exception {
    Files.createFile(state.resolve("secret-exists"));
    Files.writeString(state.resolve("accessors"), "old-accessor\n");

    Run run = sh(Map.of("KUBECTL_APPLY_SIGNAL", "TERM"), "vault/bootstrap-accept.sh", "--rotate");

    assertThat(run.exit()).isEqualTo(143);
    assertThat(run.output()).contains("interrupted: Secret kes-accept-approle holds the new secret id")
        .doesNotContain("Older secret ids of kes-accept destroyed", "written in namespace");
    assertThat(state.resolve("destroyed")).doesNotExist();
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsOnly("state", "commands.log", "bin", "vault");
  }

  @Test
  void interruptingAFailedApplyDestroysTheNewSecretIdAndEnds() throws Exception {
    Files.writeString(state.resolve("accessors"), "old-accessor\n");

    Run run = sh(Map.of("KUBECTL_APPLY_SIGNAL", "INT", "KUBECTL_FAIL", "yes"), "vault/bootstrap-accept.sh");

    assertThat(run.exit()).isEqualTo(130);
    assertThat(run.output()).contains("interrupted: Secret kes-accept-approle was not changed and the new secret id was destroyed");
    assertThat(Files.readAllLines(state.resolve("destroyed"))).containsExactly("new-accessor");
    assertThat(Files.readAllLines(state.resolve("accessors"))).containsExactly("old-accessor");
  }

  @Test
  void applyWritesEveryPolicyAndAppRole() throws Exception {
    Run run = sh(Map.of("KV_VERSION", "1"), "vault/apply.sh");

    assertThat(run.exit()).as(run.output()).isZero();
    for (String instance : List.of("dev", "accept", "prod")) {
      assertThat(state.resolve("policy-kes-" + instance)).hasSameTextualContentAs(
          SCRIPTS.resolve("policies/kes-" + instance + ".hcl"));
      assertThat(state.resolve("approle-kes-" + instance)).hasSameTextualContentAs(
          SCRIPTS.resolve("approles/kes-" + instance + ".json"));
    }
    assertThat(state.resolve("enabled")).doesNotExist();
  }

  @Test
  void applySaysWhatItWroteAndNoChangesTheSecondTime() throws Exception {
    Run first = sh(Map.of("KV_VERSION", "1"), "vault/apply.sh");
    Run second = sh(Map.of("KV_VERSION", "1"), "vault/apply.sh");

    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("policy kes-dev: written", "role auth/approle/role/kes-prod: written")
        .doesNotContain("no changes");
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output()).isEqualTo("no changes: every mount, policy and AppRole role was already as written"
        + " here\n");
  }

  @Test
  void applyChecksTheTokenFirstAndStopsWithAClearMessage() throws Exception {
    Run run = sh(Map.of("KV_VERSION", "1", "VAULT_TOKEN_DENIED", "yes", "VAULT_ADDR", "https://vault.example.org:8200"),
        "vault/apply.sh");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).startsWith("the Vault token is missing, expired or not accepted at"
        + " https://vault.example.org:8200: set VAULT_TOKEN (or BAO_TOKEN) to a token with the policy in"
        + " vault/policies/kesgen-operator.hcl\n").contains("permission denied");
    assertThat(commands()).isEqualTo("vault token lookup\n");
  }

  @Test
  void applyRefusesAKvMountOfTheOtherVersion() throws Exception {
    Run run = sh(Map.of("KV_VERSION", "2"), "vault/apply.sh");

    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("mount secret/ is KV version 2, but the topology says 1");
    assertThat(commands()).doesNotContain("vault policy write");
  }

  /** The system PATH without any directory that holds a vault or bao command, behind a directory of stand-ins. */
  String pathWithOnly(Path stubs) {
    StringBuilder path = new StringBuilder(stubs.toString());
    for (String entry : System.getenv("PATH").split(":")) {
      if (!entry.isEmpty() && !Files.exists(Path.of(entry, "vault")) && !Files.exists(Path.of(entry, "bao"))) {
        path.append(':').append(entry);
      }
    }
    return path.toString();
  }

  Path baoOnly() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bao-bin"));
    Files.copy(dir.resolve("bin/vault"), bin.resolve("bao"));
    Files.copy(dir.resolve("bin/kubectl"), bin.resolve("kubectl"));
    Files.setPosixFilePermissions(bin.resolve("bao"), PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(bin.resolve("kubectl"), PosixFilePermissions.fromString("rwx------"));
    return bin;
  }

  @Test
  void whereOnlyBaoIsInstalledTheScriptsUseItWithTheBaoVariables() throws Exception {
    String path = pathWithOnly(baoOnly());

    Run apply = sh(path, Map.of("KV_VERSION", "1", "BAO_ADDR", "http://127.0.0.1:8200", "BAO_TOKEN", "bao-token"),
        "vault/apply.sh");
    Run bootstrap = sh(path, Map.of("BAO_ADDR", "http://127.0.0.1:8200", "BAO_TOKEN", "bao-token"),
        "vault/bootstrap-accept.sh");

    assertThat(apply.exit()).as(apply.output()).isZero();
    assertThat(bootstrap.exit()).as(bootstrap.output()).isZero();
    assertThat(commands()).contains("bao policy write kes-dev policies/kes-dev.hcl", "bao write -f -field=secret_id")
        .doesNotContain("vault ");
    assertThat(Files.readString(state.resolve("env"))).isEqualTo("VAULT_ADDR=http://127.0.0.1:8200 "
        + "VAULT_TOKEN=bao-token BAO_ADDR=http://127.0.0.1:8200 BAO_TOKEN=bao-token\n");
  }

  @Test
  void theVaultVariablesWinOverTheBaoOnes() throws Exception {
    Run run = sh(Map.of("KV_VERSION", "1", "VAULT_ADDR", "http://127.0.0.1:1", "VAULT_TOKEN", "vault-token",
        "BAO_ADDR", "http://127.0.0.1:2", "BAO_TOKEN", "bao-token"), "vault/apply.sh");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(commands()).contains("vault policy write").doesNotContain("bao ");
    assertThat(Files.readString(state.resolve("env"))).isEqualTo("VAULT_ADDR=http://127.0.0.1:1 "
        + "VAULT_TOKEN=vault-token BAO_ADDR=http://127.0.0.1:1 BAO_TOKEN=vault-token\n");
  }

  @Test
  void kesgenVaultCliNamesTheCommand() throws Exception {
    Path bao = baoOnly().resolve("bao").toAbsolutePath();

    Run run = sh(Map.of("KV_VERSION", "1", "KESGEN_VAULT_CLI", bao.toString()), "vault/apply.sh");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(commands()).contains("bao policy write kes-prod").doesNotContain("vault ");
  }

  @Test
  void withNeitherCliTheScriptsSaySo() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("empty-bin"));

    Run run = sh(pathWithOnly(bin), Map.of(), "vault/apply.sh");

    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("neither vault nor bao is on the PATH (or name the CLI in KESGEN_VAULT_CLI)");
  }
}

package dev.kesgen.cli;

import static dev.kesgen.cli.Jar.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}, {@code rotate} and {@code chart} run from the jar, with the defaults of the working directory. */
class GenerateIT {
  @TempDir
  Path dir;

  @Test
  void versionNamesTheBuild() {
    Jar.Run run = Jar.run(dir, "--version");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("kesgen " + System.getProperty("kesgen.version") + "\n");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void generateWritesOutputAndSecretsRelativeToTheWorkingDirectory() {
    Jar.project(dir);

    Jar.Run run = Jar.run(dir, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(dir.resolve("generated/SUMMARY.md")).isRegularFile();
    assertThat(dir.resolve("generated/vault/policies/kes-dev.hcl")).isRegularFile();
    assertThat(dir.resolve("generated/tenants/dev/gecko/client.crt")).isRegularFile();
    assertThat(dir.resolve("secrets/tenants/dev/gecko/client.key")).isRegularFile();
    assertThat(run.stdout())
        .contains("instance dev: KES v0.13.4 in namespace kes-dev, 2 tenant(s)")
        .contains("tenants/dev/gecko: issued (no certificate yet), identity ")
        .contains("Files written 14, kept 0, deleted 0; certificates issued 4, renewed 0, kept 0")
        .doesNotContain("warning:");
    assertThat(run.stderr()).contains("warning: --clock is set").doesNotContain("\r").doesNotContain("SLF4J");
  }

  @Test
  void certificatesIssuedByTheShadedJarVerifyWithOpenssl() {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();

    for (String certificate : new String[] {"kes/dev/server.crt", "tenants/dev/gecko/client.crt",
        "kes/dev/provisioner.crt"}) {
      String file = "generated/" + certificate;
      // self-signed: verifying a certificate against itself checks BouncyCastle's signature
      assertThat(Jar.exec(dir, "openssl", "verify", "-attime", "1767312000", "-CAfile", file, file))
          .contains(": OK");
    }
  }

  @Test
  void aSecondGenerateIsUpToDate() throws IOException {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();
    var before = Files.getLastModifiedTime(dir.resolve("generated/SUMMARY.md"));

    Jar.Run run = Jar.run(dir, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).endsWith("Files written 0, kept 14, deleted 0; certificates issued 0, renewed 0, kept 4\n"
        + "Up to date: nothing written.\n");
    assertThat(Files.getLastModifiedTime(dir.resolve("generated/SUMMARY.md"))).isEqualTo(before);
  }

  @Test
  void keptCertificatesAndTenantsAreListedOnlyWithVerbose() {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();

    Jar.Run quiet = Jar.run(dir, "generate", "--clock", CLOCK);
    Jar.Run verbose = Jar.run(dir, "generate", "--clock", CLOCK, "--verbose");

    assertThat(quiet.stdout()).doesNotContain(": kept", "  tenant ").contains("instance ");
    assertThat(verbose.stdout()).contains(": kept", "  tenant ");
  }

  @Test
  void quietPrintsNothingOnStandardOutput() {
    Jar.project(dir);

    Jar.Run run = Jar.run(dir, "generate", "--quiet", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("warning:");
  }

  @Test
  void verboseListsEveryFileWritten() {
    Jar.project(dir);

    Jar.Run run = Jar.run(dir, "generate", "--verbose", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("wrote vault/apply.sh\n").contains("wrote SUMMARY.md\n");
  }

  @Test
  void thePluginsCamelCaseSpellingsWorkToo() {
    Jar.project(dir);

    Jar.Run run = Jar.run(dir, "generate", "--outputDirectory", "out", "--secrets-directory", "keys",
        "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(dir.resolve("out/SUMMARY.md")).isRegularFile();
    assertThat(dir.resolve("keys/kes/dev/server.key")).isRegularFile();
  }

  @Test
  void noProgressLineWhenStandardErrorIsNotATerminal() throws IOException {
    // a first run over many tenants takes more than the one second after which a terminal would show progress
    Jar.project(dir);
    StringBuilder tenants = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      tenants.append("      - name: t").append(i).append("\n        namespace: ns-t").append(i).append('\n');
    }
    String topology = Files.readString(dir.resolve("topology.yaml"));
    Files.writeString(dir.resolve("topology.yaml"), topology.substring(0, topology.indexOf("      - name: gecko"))
        + tenants);

    Jar.Run run = Jar.run(dir, "generate", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout()).contains("certificates issued 152");
    assertThat(run.stderr()).doesNotContain("\r").doesNotContain("kesgen: certificates");
  }

  @Test
  void rotateChangesOnlyTheNamedIdentity() throws IOException {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();
    String gecko = Files.readString(dir.resolve("generated/tenants/dev/gecko/client.crt"));
    String lynx = Files.readString(dir.resolve("generated/tenants/dev/lynx/client.crt"));
    String server = Files.readString(dir.resolve("generated/kes/dev/server.crt"));

    Jar.Run run = Jar.run(dir, "rotate", "dev/gecko", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readString(dir.resolve("generated/tenants/dev/gecko/client.crt"))).isNotEqualTo(gecko);
    assertThat(Files.readString(dir.resolve("generated/tenants/dev/lynx/client.crt"))).isEqualTo(lynx);
    assertThat(Files.readString(dir.resolve("generated/kes/dev/server.crt"))).isEqualTo(server);
    assertThat(run.stdout().lines().filter(l -> l.startsWith("Identity changed: ")))
        .singleElement().asString().matches("Identity changed: tenants/dev/gecko: [0-9a-f]{64} -> [0-9a-f]{64}");
  }

  @Test
  void rotateTakesThePluginsOptionToo() {
    Jar.project(dir);
    assertThat(Jar.run(dir, "generate", "--clock", CLOCK).exit()).isZero();

    Jar.Run run = Jar.run(dir, "rotate", "--rotate", "dev,dev/lynx", "--quiet", "--clock", CLOCK);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdout().lines()).hasSize(2).allMatch(l -> l.startsWith("Identity changed: "));
  }

  @Test
  void chartWritesChartsKesAndKeepsItTheSecondTime() {
    Jar.Run first = Jar.run(dir, "chart");
    Jar.Run second = Jar.run(dir, "chart");

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(dir.resolve("charts/kes/Chart.yaml")).isRegularFile();
    assertThat(dir.resolve("charts/kes/.kesgen-manifest")).isRegularFile();
    assertThat(first.stdout()).startsWith("KES chart in charts/kes: files written ");
    assertThat(second.stdout()).matches("KES chart in charts/kes: files written 0, kept \\d+, deleted 0\n");
  }
}

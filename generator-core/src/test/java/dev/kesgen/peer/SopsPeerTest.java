package dev.kesgen.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.sops.SopsFixture;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * What the sops sink commits, decrypted by the real SOPS ({@code sops} v3.13.3, getsops/sops, MPL-2.0): found as
 * {@code $KESGEN_SOPS}, as {@code sops} v3.13.3 on the PATH, or in {@code ~/.cache/kesgen-peers/sops-v3.13.3/sops};
 * when none is there and Go is, built once into that user cache directory with {@code go install
 * github.com/getsops/sops/v3/cmd/sops@v3.13.3} (about 4.4 CPU-minutes and 250 MB of modules the first time; see
 * CONTRIBUTING.md); without Go the test is skipped, or fails when {@code CI} is set. Each Secret decrypts to its certificate, the peer's certificate as ca.crt and its private key;
 * an unencrypted field changed by hand makes SOPS refuse the file (MAC mismatch).
 */
class SopsPeerTest {
  @TempDir Path dir;

  static synchronized Path sops() throws Exception {
    String configured = System.getenv("KESGEN_SOPS");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Path.of(configured);
    }
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "sops")) && version(Path.of(p, "sops"))) {
        return Path.of(p, "sops");
      }
    }
    Path cached = Path.of(System.getProperty("user.home"), ".cache/kesgen-peers/sops-v3.13.3/sops");
    if (Files.isExecutable(cached)) {
      return cached;
    }
    Path go = null;
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "go"))) {
        go = Path.of(p, "go");
        break;
      }
    }
    if (go != null) {
      // the same script the POM starts in the background as the module begins: it waits for that build
      // (a lock in the cache directory) and builds only if the binary is still missing
      ProcessBuilder build = new ProcessBuilder("sh", "src/test/sh/build-sops.sh", cached.getParent().toString())
          .redirectErrorStream(true);
      long start = System.nanoTime();
      Process process = build.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(1200, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        Assertions.fail("go install of sops v3.13.3 failed: " + output);
      }
      if (!Files.isExecutable(cached)) {
        Assertions.fail("src/test/sh/build-sops.sh left no sops in " + cached.getParent() + ": " + output);
      }
      System.out.printf("sops v3.13.3 ready after %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
      return cached;
    }
    String why = "SopsPeerTest needs the real sops v3.13.3, or Go to build it (go install"
        + " github.com/getsops/sops/v3/cmd/sops@v3.13.3 with GOBIN=" + cached.getParent() + "), or KESGEN_SOPS";
    if (System.getenv("CI") != null) {
      Assertions.fail(why + "; CI is set, so this is a failure rather than a skip");
    }
    Assumptions.abort(why + "; skipped because CI is not set");
    return null;
  }

  /** Whether this sops is v3.13.3, the release the format is written for. */
  private static boolean version(Path sops) throws Exception {
    Process process = new ProcessBuilder(sops.toString(), "--version", "--disable-version-check")
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor(30, TimeUnit.SECONDS) && out.startsWith("sops 3.13.3");
  }

  private record Result(int exit, String out, String err) {}

  private Result decrypt(Path sops, SopsFixture f, Path file) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(sops.toString(), "--disable-version-check", "--decrypt", "--input-type", "yaml",
        "--output-type", "yaml", file.toString());
    builder.environment().put("SOPS_AGE_KEY", f.identity);
    builder.environment().remove("SOPS_AGE_KEY_FILE");
    Path err = dir.resolve("sops.err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      Assertions.fail("sops did not finish in 60 s");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
  }

  @Test
  void sopsDecryptsEverySecretAndRefusesATamperedOne() throws Exception {
    Path sops = sops();
    SopsFixture f = SopsFixture.create(dir);
    Kesgen.generate(GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
        .withClock(SopsFixture.CLOCK));
    String server = Files.readString(f.output.resolve("kes/dev/server.crt"));
    for (String tenant : List.of("alpha", "beta")) {
      Path file = f.output.resolve("tenants/dev/" + tenant + "/secret.sops.yaml");
      Result result = decrypt(sops, f, file);
      assertThat(result.exit()).as(result.err()).isZero();
      Map<String, Object> secret = new Yaml().load(result.out());
      assertThat(secret).doesNotContainKey("sops").containsEntry("kind", "Secret");
      @SuppressWarnings("unchecked")
      Map<String, String> metadata = (Map<String, String>) secret.get("metadata");
      assertThat(metadata).containsEntry("name", "kes-dev-" + tenant + "-client")
          .containsEntry("namespace", "minio-" + tenant);
      @SuppressWarnings("unchecked")
      Map<String, String> data = (Map<String, String>) secret.get("data");
      assertThat(decoded(data.get("ca.crt"))).isEqualTo(server);
      assertThat(decoded(data.get("tls.crt")))
          .isEqualTo(Files.readString(f.output.resolve("tenants/dev/" + tenant + "/client.crt")));
      assertThat(decoded(data.get("tls.key"))).startsWith("-----BEGIN PRIVATE KEY-----\n");

      // a hand-edited unencrypted field: the MAC over all values no longer matches
      Path tampered = dir.resolve(tenant + "-tampered.sops.yaml");
      Files.writeString(tampered, Files.readString(file).replace("    namespace: minio-" + tenant + "\n",
          "    namespace: minio-attacker\n"));
      Result refused = decrypt(sops, f, tampered);
      assertThat(refused.exit()).isNotZero();
      assertThat(refused.err()).contains("MAC mismatch");
      assertThat(refused.out()).doesNotContain("PRIVATE KEY");
    }
  }

  @Test
  void sopsDecryptsTheProvisionersSecretIntoItsCertificateAndKey() throws Exception {
    Path sops = sops();
    SopsFixture f = SopsFixture.create(dir);
    // a second key MinIO does not create: kesgen's provisioner creates it, with a certificate and key of its own
    Files.writeString(f.topology, Files.readString(f.topology).replace("keys: [alpha-key]", "keys: [alpha-key, alpha-archive]"));
    Kesgen.generate(GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
        .withClock(SopsFixture.CLOCK));
    Result result = decrypt(sops, f, f.output.resolve("kes/dev/provisioner-secret.sops.yaml"));
    assertThat(result.exit()).as(result.err()).isZero();
    Map<String, Object> secret = new Yaml().load(result.out());
    @SuppressWarnings("unchecked")
    Map<String, String> metadata = (Map<String, String>) secret.get("metadata");
    assertThat(metadata).containsEntry("name", "kes-provisioner").containsEntry("namespace", "kes-dev");
    @SuppressWarnings("unchecked")
    Map<String, String> data = (Map<String, String>) secret.get("data");
    String certificate = Files.readString(f.output.resolve("kes/dev/provisioner.crt"));
    assertThat(decoded(data.get("tls.crt"))).isEqualTo(certificate);
    assertThat(decoded(data.get("ca.crt"))).isEqualTo(Files.readString(f.output.resolve("kes/dev/server.crt")));
    java.security.PrivateKey key = dev.kesgen.pki.Pem.decodePrivateKey(decoded(data.get("tls.key")));
    java.security.cert.X509Certificate x509 = dev.kesgen.pki.Pem.decodeCertificate(certificate);
    java.security.Signature sign = java.security.Signature.getInstance(
        key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : key.getAlgorithm());
    sign.initSign(key);
    sign.update(new byte[] {1, 2, 3});
    byte[] signature = sign.sign();
    sign.initVerify(x509.getPublicKey());
    sign.update(new byte[] {1, 2, 3});
    assertThat(sign.verify(signature)).as("the decrypted key belongs to the committed provisioner certificate").isTrue();
  }

  private static String decoded(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}

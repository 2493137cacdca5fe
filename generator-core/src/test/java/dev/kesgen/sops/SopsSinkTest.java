package dev.kesgen.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.ConfigurationException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sops sink in the engine: every Secret committed SOPS-encrypted with only {@code data} encrypted, no private key
 * on disk, a second run (also by someone without keys) changes no byte, rotation re-encrypts that Secret only, a
 * removed tenant's file is deleted, and a Secret that must be encrypted again without its key is refused. That SOPS
 * itself decrypts what is committed, and refuses a tampered file, is {@code dev.kesgen.peer.SopsPeerTest}'s proof.
 */
class SopsSinkTest {
  static final String SERVER = "kes/dev/secret.sops.yaml";
  static final String ALPHA = "tenants/dev/alpha/secret.sops.yaml";
  static final String BETA = "tenants/dev/beta/secret.sops.yaml";

  @TempDir Path dir;

  static GenerateRequest request(SopsFixture f) {
    return GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
        .withClock(SopsFixture.CLOCK);
  }

  static Map<String, String> files(Path root) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  @Test
  void everySecretIsCommittedEncryptedWithReadableMetadataAndNoKeyOnDisk() throws Exception {
    SopsFixture f = SopsFixture.create(dir);
    Kesgen.generate(request(f));
    Map<String, String> output = files(f.output);
    assertThat(output).containsKeys(SERVER, ALPHA, BETA);
    assertThat(output.get(ALPHA)).startsWith("apiVersion: v1\nkind: Secret\nmetadata:\n    name: kes-dev-alpha-client\n"
        + "    namespace: minio-alpha\n").contains("type: kubernetes.io/tls\ndata:\n    ca.crt: ENC[AES256_GCM,data:",
        "    tls.key: ENC[AES256_GCM,data:", "        - recipient: " + f.recipient + "\n",
        "    encrypted_regex: ^(data|stringData)$\n", "    lastmodified: \"2026-06-01T00:00:00Z\"\n");
    for (Map.Entry<String, String> file : output.entrySet()) {
      assertThat(file.getValue()).as(file.getKey()).doesNotContain("PRIVATE KEY", "UFJJVkFURSBLRVk");
    }
    if (Files.exists(f.secrets)) {
      assertThat(files(f.secrets).keySet()).noneMatch(p -> p.endsWith(".key") || p.endsWith("secret.yaml"));
    }
    assertThat(Kesgen.check(request(f), Optional.empty()).findings()).isEmpty();
  }

  @Test
  void aSecondRunWithoutKeysChangesNoByteAndRotationReencryptsOneSecret() throws Exception {
    SopsFixture f = SopsFixture.create(dir);
    Kesgen.generate(request(f));
    Map<String, String> first = files(f.output);
    GenerateResult again = Kesgen.generate(request(f).withSecretsDirectory(dir.resolve("someone-else")));
    assertThat(again.upToDate()).isTrue();
    assertThat(files(f.output)).isEqualTo(first);
    assertThat(Kesgen.check(request(f).withSecretsDirectory(dir.resolve("ci")), Optional.empty()).findings())
        .isEmpty();

    Kesgen.generate(request(f).withRotate(Set.of("dev/alpha")));
    Map<String, String> rotated = files(f.output);
    assertThat(rotated.get(ALPHA)).isNotEqualTo(first.get(ALPHA));
    assertThat(rotated.get(BETA)).isEqualTo(first.get(BETA));
    assertThat(rotated.get(SERVER)).isEqualTo(first.get(SERVER));
  }

  @Test
  void aRenewedServerWithoutTheTenantsKeysIsRefusedAndATenantRemovedTakesItsFile() throws Exception {
    SopsFixture f = SopsFixture.create(dir);
    Kesgen.generate(request(f));
    Map<String, String> before = files(f.output);
    // the tenants' ca.crt changes, and their keys are nowhere but in the encrypted files
    assertThatThrownBy(() -> Kesgen.generate(request(f).withRotate(Set.of("dev"))
        .withSecretsDirectory(dir.resolve("other"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(ALPHA + ": the Secret of tenants/dev/alpha must be encrypted again")
        .hasMessageContaining("--rotate dev/alpha");
    assertThat(files(f.output)).isEqualTo(before);
    // renewing the server together with its tenants works
    Kesgen.generate(request(f).withRotate(Set.of("all")).withSecretsDirectory(dir.resolve("other")));

    String topology = Files.readString(f.topology);
    Files.writeString(f.topology, topology.substring(0, topology.indexOf("      - name: beta")));
    assertThat(Kesgen.generate(request(f)).deleted()).contains(BETA);
    assertThat(f.output.resolve(BETA)).doesNotExist();
  }
}

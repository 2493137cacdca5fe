package dev.kesgen.sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kesgen.ConfigurationException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import dev.kesgen.topology.TopologyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sealedSecrets sink in the engine: every Secret is committed sealed, no private key is anywhere on disk, a
 * second run (by the same person or another, without keys) changes no byte, rotation seals new values for that
 * certificate only, and a renewed server re-seals its tenants' ca.crt without their keys. That the controller can
 * unseal what is committed is proven by its own code ({@code dev.kesgen.peer.SealPeerTest}).
 */
class SealedSecretsSinkTest {
  static final String SERVER = "kes/dev/secret.sealed.yaml";
  static final String ALPHA = "tenants/dev/alpha/secret.sealed.yaml";
  static final String BETA = "tenants/dev/beta/secret.sealed.yaml";

  @TempDir Path dir;

  static GenerateRequest request(SealedFixture f) {
    return GenerateRequest.of(f.topology).withOutputDirectory(f.output).withSecretsDirectory(f.secrets)
        .withClock(SealedFixture.CLOCK);
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
  void everySecretIsCommittedSealedAndNoKeyIsOnDisk() throws Exception {
    SealedFixture f = SealedFixture.create(dir, "strict");
    Kesgen.generate(request(f));

    Map<String, String> output = files(f.output);
    assertThat(output).containsKeys(SERVER, ALPHA, BETA);
    String server = output.get(SERVER);
    assertThat(server).contains("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: kes-tls\n"
        + "  namespace: kes-dev\n").contains("    type: kubernetes.io/tls\n")
        .doesNotContain("sealedsecrets.bitnami.com/").contains("    tls.crt: ", "    tls.key: ")
        .doesNotContain("ca.crt");
    assertThat(output.get(ALPHA)).contains("    ca.crt: ", "  namespace: minio-alpha\n");
    for (Map.Entry<String, String> file : output.entrySet()) {
      assertThat(file.getValue()).as(file.getKey()).doesNotContain("PRIVATE KEY", "UFJJVkFURSBLRVk");
    }
    // nothing of a key in the secrets directory: no key file, no Secret manifest
    if (Files.exists(f.secrets)) {
      assertThat(files(f.secrets).keySet()).noneMatch(p -> p.endsWith(".key") || p.endsWith("secret.yaml"));
    }
    assertThat(Kesgen.check(request(f), Optional.empty()).findings()).isEmpty();
  }

  @Test
  void aSecondRunByAnotherPersonWithoutKeysChangesNoByte() throws Exception {
    SealedFixture f = SealedFixture.create(dir, "namespace-wide");
    Kesgen.generate(request(f));
    Map<String, String> first = files(f.output);

    GenerateResult again = Kesgen.generate(request(f).withSecretsDirectory(dir.resolve("someone-else")));
    assertThat(again.upToDate()).isTrue();
    assertThat(files(f.output)).isEqualTo(first);
    assertThat(Kesgen.check(request(f).withSecretsDirectory(dir.resolve("ci")), Optional.empty()).findings())
        .isEmpty();
    assertThat(first.get(SERVER)).contains("    sealedsecrets.bitnami.com/namespace-wide: \"true\"\n", 
        "      annotations:\n        sealedsecrets.bitnami.com/namespace-wide: \"true\"\n");
  }

  @Test
  void rotatingATenantSealsNewValuesForItAloneAndRenewingTheServerResealsOnlyTheTenantsCa() throws Exception {
    SealedFixture f = SealedFixture.create(dir, "strict");
    Kesgen.generate(request(f));
    Map<String, String> before = files(f.output);

    Kesgen.generate(request(f).withRotate(Set.of("dev/alpha")));
    Map<String, String> rotated = files(f.output);
    assertThat(rotated.get(SERVER)).isEqualTo(before.get(SERVER));
    assertThat(rotated.get(BETA)).isEqualTo(before.get(BETA));
    assertThat(value(rotated.get(ALPHA), "tls.key")).isNotEqualTo(value(before.get(ALPHA), "tls.key"));
    assertThat(value(rotated.get(ALPHA), "tls.crt")).isNotEqualTo(value(before.get(ALPHA), "tls.crt"));
    assertThat(value(rotated.get(ALPHA), "ca.crt")).isEqualTo(value(before.get(ALPHA), "ca.crt"));

    // the server renewed by someone who holds no tenant key: each tenant's ca.crt is sealed again, its key kept
    Kesgen.generate(request(f).withRotate(Set.of("dev")).withSecretsDirectory(dir.resolve("other")));
    Map<String, String> renewed = files(f.output);
    assertThat(value(renewed.get(SERVER), "tls.key")).isNotEqualTo(value(rotated.get(SERVER), "tls.key"));
    assertThat(value(renewed.get(BETA), "ca.crt")).isNotEqualTo(value(rotated.get(BETA), "ca.crt"));
    assertThat(value(renewed.get(BETA), "tls.key")).isEqualTo(value(rotated.get(BETA), "tls.key"));
    assertThat(value(renewed.get(BETA), "tls.crt")).isEqualTo(value(rotated.get(BETA), "tls.crt"));
  }

  @Test
  void aTenantRemovedFromTheTopologyTakesItsSealedSecretWithIt() throws Exception {
    SealedFixture f = SealedFixture.create(dir, "strict");
    Kesgen.generate(request(f));
    String topology = Files.readString(f.topology);
    Files.writeString(f.topology, topology.substring(0, topology.indexOf("      - name: beta")));

    GenerateResult removed = Kesgen.generate(request(f));
    assertThat(removed.deleted()).contains(BETA);
    assertThat(f.output.resolve(BETA)).doesNotExist();
    assertThat(f.output.resolve(ALPHA)).exists();
  }

  @Test
  void anUnsealedSecretCopiedIntoTheOutputIsALeakThatCheckReports() throws Exception {
    SealedFixture f = SealedFixture.create(dir, "strict");
    Kesgen.generate(request(f));
    // what kubectl get secret -o yaml prints once the controller has unsealed it, committed by mistake
    String certificate = Files.readString(f.output.resolve("kes/dev/server.crt"));
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    String key = dev.kesgen.pki.Pem.encodePrivateKey(generator.generateKeyPair().getPrivate());
    String unsealed = new dev.kesgen.pki.KubernetesTlsSecret("kes-tls", "kes-dev", certificate, key, Optional.empty())
        .toYaml();
    Files.writeString(f.output.resolve("kes/dev/unsealed.yaml"), unsealed);
    Files.writeString(f.output.resolve(SERVER), Files.readString(f.output.resolve(SERVER))
        + "---\n" + unsealed.lines().filter(l -> !l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n")));

    java.util.List<dev.kesgen.CheckResult.Finding> findings = Kesgen.check(request(f), Optional.empty()).findings();
    assertThat(findings).filteredOn(x -> x.kind() == dev.kesgen.CheckResult.Kind.SECRET_IN_OUTPUT)
        .extracting(dev.kesgen.CheckResult.Finding::subject)
        .containsExactlyInAnyOrder("kes/dev/unsealed.yaml", SERVER);
    assertThat(findings).filteredOn(x -> x.kind() == dev.kesgen.CheckResult.Kind.STALE && x.subject().equals(SERVER))
        .extracting(dev.kesgen.CheckResult.Finding::message).singleElement().asString()
        .contains("must be sealed again");
  }

  @Test
  void aKeptKeyThatMustBeSealedAgainWithoutTheKeyAsksForRotationAndWritesNothing() throws Exception {
    SealedFixture f = SealedFixture.create(dir, "strict");
    Kesgen.generate(request(f));
    Map<String, String> before = files(f.output);
    f.scope("cluster-wide");

    assertThatThrownBy(() -> Kesgen.generate(request(f).withSecretsDirectory(dir.resolve("other"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the secrets cannot all be delivered, so nothing is written:\n  " + SERVER
            + ": the private key of kes/dev must be sealed again")
        .hasMessageContaining("--rotate dev");
    // check reports it, and what else it finds, instead of failing
    assertThat(Kesgen.check(request(f).withSecretsDirectory(dir.resolve("other")), Optional.empty()).findings())
        .extracting(dev.kesgen.CheckResult.Finding::subject).contains(SERVER, ALPHA, BETA);
    assertThat(files(f.output)).isEqualTo(before);
  }

  @Test
  void anExpiredControllerCertificateIsALocatedErrorAndNothingIsWritten() throws Exception {
    SealedFixture f = SealedFixture.create(dir, "strict", "RSA", Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2026-05-01T00:00:00Z"));
    assertThatThrownBy(() -> Kesgen.generate(request(f)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("topology.yaml:7:18: secrets.sealedSecrets.certificate: the Sealed Secrets controller"
            + " certificate sealed-secrets.pem expired on 2026-05-01");
    assertThat(f.output).doesNotExist();
  }

  @Test
  void aControllerCertificateWithoutAnRsaKeyIsRefusedWhereItIsNamed() throws Exception {
    SealedFixture f = SealedFixture.create(dir, "strict", "EC", Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2036-01-01T00:00:00Z"));
    assertThatThrownBy(() -> Kesgen.generate(request(f)))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("topology.yaml:7:18: secrets.sealedSecrets.certificate: file \"sealed-secrets.pem\""
            + " holds a certificate with an EC key; a Sealed Secrets controller certificate has an RSA key");
    assertThat(f.output).doesNotExist();
  }

  /** The base64 sealed value of a data key. */
  static String value(String manifest, String key) {
    return manifest.lines().filter(l -> l.startsWith("    " + key + ": ")).findFirst().orElseThrow();
  }
}

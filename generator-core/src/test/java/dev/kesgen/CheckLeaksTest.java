package dev.kesgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leaks a security review found passing check, now each reported with a clear message. */
class CheckLeaksTest {
  static final String SECRET_ID = "5b2f6e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";

  @TempDir Path dir;

  GenerateRequest request() {
    return GenerateRequest.of(GeneratorTest.TOPOLOGY).withOutputDirectory(dir.resolve("generated"))
        .withSecretsDirectory(dir.resolve("secrets")).withClock(Golden.CLOCK);
  }

  private Path generated(String path) {
    return dir.resolve("generated").resolve(path);
  }

  private List<String> findings(CheckResult.Kind kind) throws Exception {
    return Kesgen.check(request(), Optional.empty()).findings().stream().filter(f -> f.kind() == kind)
        .map(CheckResult.Finding::toString).toList();
  }

  @Test
  void aCopyOfKesgensOwnSecretManifestIsFoundThroughItsBase64Data() throws Exception {
    Kesgen.generate(request());
    Files.copy(dir.resolve("secrets/kes/dev/secret.yaml"), generated("kes/dev/secret.yaml"));

    assertThat(findings(CheckResult.Kind.SECRET_IN_OUTPUT)).containsExactly("kes/dev/secret.yaml: holds a private key"
        + " (in Secret kes-tls, data.tls.key, base64); remove it from the output directory (and from version control"
        + " history) and rotate it");
    assertThat(findings(CheckResult.Kind.UNKNOWN)).containsExactly("kes/dev/secret.yaml: was not written by kesgen"
        + " (it is not in .kesgen-manifest); remove it, or keep it outside the output directory");
  }

  @Test
  void everyFormOfSecretIdIsFound() throws Exception {
    Kesgen.generate(request());
    String base64 = Base64.getEncoder().encodeToString(SECRET_ID.getBytes(StandardCharsets.UTF_8));
    Files.writeString(generated("approle-secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: kes-dev-approle\n"
        + "data:\n  role-id: " + base64 + "\n  secret-id: " + base64 + "\n");
    Files.writeString(generated("vault-output.txt"), "Key                   Value\n---                   -----\n"
        + "secret_id             " + SECRET_ID + "\nsecret_id_accessor    0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\n"
        + "secret_id_num_uses    0\nsecret_id_ttl         0s\n");
    Files.writeString(generated("secret-id"), SECRET_ID + "\n");

    assertThat(findings(CheckResult.Kind.SECRET_IN_OUTPUT)).containsExactly(
        "approle-secret.yaml: holds what looks like an AppRole secret id (in Secret kes-dev-approle, data.secret-id,"
            + " base64); remove it and create a new secret id (bootstrap --rotate)",
        "secret-id: holds what looks like an AppRole secret id; remove it and create a new secret id (bootstrap --rotate)",
        "vault-output.txt: holds what looks like an AppRole secret id; remove it and create a new secret id"
            + " (bootstrap --rotate)");
  }

  @Test
  void aDerKeyIsFoundByItsStructureWhateverItsName() throws Exception {
    Kesgen.generate(request());
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    Files.write(generated("kes/dev/blob.bin"), ec.generateKeyPair().getPrivate().getEncoded());

    assertThat(findings(CheckResult.Kind.SECRET_IN_OUTPUT)).containsExactly("kes/dev/blob.bin: holds a private key;"
        + " remove it from the output directory (and from version control history) and rotate it");
  }

  @Test
  void vaultAndOpenBaoTokensAreFound() throws Exception {
    Kesgen.generate(request());
    Files.writeString(generated("notes.md"), "export VAULT_TOKEN=hvs.CAESIJlWh0kVtQ1bqWcmzGyr8Hx5Hq3UuGZ2Bq9yHvWxLqNyGh4KHGh2cy5xN1FyUWdXOUVxb1hKV0RoT0hGV0k\n");
    Files.writeString(generated("bao.env"), "BAO_TOKEN=s.Xq3MvK8pL2nR7tY4wZ6bC9dF\n");

    assertThat(findings(CheckResult.Kind.SECRET_IN_OUTPUT)).containsExactly(
        "bao.env: holds what looks like a Vault or OpenBao token; remove it (and from version control history) and"
            + " revoke the token",
        "notes.md: holds what looks like a Vault or OpenBao token; remove it (and from version control history) and"
            + " revoke the token");
  }

  @Test
  void everyFileOrLinkKesgenDidNotWriteIsReported() throws Exception {
    Kesgen.generate(request());
    Files.writeString(generated("README.txt"), "hello\n");
    Files.createSymbolicLink(generated("kes/dev/link"), dir.resolve("secrets"));
    Files.createSymbolicLink(generated("vault/apply-copy.sh"), generated("vault/apply.sh"));

    assertThat(findings(CheckResult.Kind.UNKNOWN)).containsExactly(
        "README.txt: was not written by kesgen (it is not in .kesgen-manifest); remove it, or keep it outside the"
            + " output directory",
        "kes/dev/link: is a symbolic link (to " + dir.resolve("secrets") + ") that kesgen did not create (it never"
            + " writes links, and a link can make a tool follow it out of the output directory); remove it",
        "vault/apply-copy.sh: is a symbolic link (to " + generated("vault/apply.sh") + ") that kesgen did not create"
            + " (it never writes links, and a link can make a tool follow it out of the output directory); remove it");
    // the linked secrets directory is not descended into
    assertThat(findings(CheckResult.Kind.SECRET_IN_OUTPUT)).isEmpty();
  }

  @Test
  void freshOutputHasNoFindings() throws Exception {
    Kesgen.generate(request());

    assertThat(Kesgen.check(request(), Optional.empty()).findings()).isEmpty();
  }

  @Test
  void encodedSecretsAreDecodedWhereverTheyAre() throws Exception {
    Kesgen.generate(request());
    // kesgen's own TLS key, as it is in the secrets directory: a PEM key
    String pem = Files.readString(dir.resolve("secrets/kes/dev/secret.yaml")).lines()
        .filter(l -> l.contains("tls.key:")).map(l -> l.substring(l.indexOf(':') + 1).strip())
        .map(b -> new String(Base64.getDecoder().decode(b), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    assertThat(pem).contains("PRIVATE KEY-----");
    String base64Id = Base64.getEncoder().encodeToString(SECRET_ID.getBytes(StandardCharsets.UTF_8));
    String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: kes-dev-approle\ndata:\n  secret-id: " + base64Id + "\n";
    Files.writeString(generated("kes/dev/configmap.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
        + "data:\n  secret.yaml: |\n" + secret.indent(4));
    Files.writeString(generated("kes/dev/binary.yaml"), "approle:\n  secret: !!binary " + base64Id + "\n");
    Files.writeString(generated("kes/dev/double.yaml"), "kind: Secret\nmetadata: {name: kes-tls}\ndata:\n  tls.key: "
        + Base64.getEncoder().encodeToString(Base64.getEncoder().encode(pem.getBytes(StandardCharsets.UTF_8))) + "\n");
    Files.writeString(generated("kes/dev/extra-values.yaml"), "tls:\n  key: "
        + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)) + "\n");
    Files.writeString(generated("kes/dev/key.hex"),
        java.util.HexFormat.of().formatHex(pem.getBytes(StandardCharsets.UTF_8)).replaceAll("(.{60})", "$1\n"));

    String rotate = "; remove it from the output directory (and from version control history) and rotate it";
    assertThat(findings(CheckResult.Kind.SECRET_IN_OUTPUT)).containsExactly(
        "kes/dev/binary.yaml: holds what looks like an AppRole secret id (!!binary); remove it and create a new secret"
            + " id (bootstrap --rotate)",
        "kes/dev/configmap.yaml: holds what looks like an AppRole secret id (in Secret kes-dev-approle,"
            + " data.secret-id, base64, inside a YAML string); remove it and create a new secret id (bootstrap --rotate)",
        "kes/dev/double.yaml: holds a private key (in Secret kes-tls, data.tls.key, base64, base64)" + rotate,
        "kes/dev/extra-values.yaml: holds a private key (base64 at line 2)" + rotate,
        "kes/dev/key.hex: holds a private key (hex at line 1)" + rotate);
  }
}

package dev.kesgen.eso;

import dev.kesgen.GenerateRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A topology with one instance (and its provisioner, through a second tenant key) and two tenants, for the externalSecrets sink. */
public final class EsoFixture {
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  public final Path dir;
  public final Path topology;
  public final Path output;
  public final Path secrets;

  private EsoFixture(Path dir) {
    this.dir = dir;
    this.topology = dir.resolve("topology.yaml");
    this.output = dir.resolve("generated");
    this.secrets = dir.resolve("secrets");
  }

  /** The fixture in {@code dir}, for this KV version, store kind and auth, the Vault at {@code endpoint}. */
  public static EsoFixture create(Path dir, int kvVersion, String storeKind, String auth, String endpoint)
      throws IOException {
    EsoFixture f = new EsoFixture(dir);
    Files.writeString(f.topology, topology(kvVersion, storeKind, auth, endpoint));
    return f;
  }

  public static EsoFixture create(Path dir, int kvVersion, String storeKind, String auth) throws IOException {
    return create(dir, kvVersion, storeKind, auth, "https://vault.example.org:8200");
  }

  public static String topology(int kvVersion, String storeKind, String auth, String endpoint) {
    return """
        version: 1
        vault:
          endpoint: %s
          allowPlaintextHttp: %s
          kv: { mount: %s, version: %d }
          approle:
            tokenBoundCidrs: [127.0.0.0/8]
            secretIdBoundCidrs: [127.0.0.1/32]
        %s
        secrets:
          sink: externalSecrets
          externalSecrets:
            path: kesgen
            store: { kind: %s, name: kesgen }
            auth: %s
        defaults:
          kes: { version: 2025-03-12T09-35-18Z }
          tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }
        instances:
          - name: dev
            namespace: kes-dev
            tenants:
              - name: alpha
                namespace: minio-alpha
                keys: [alpha-key, alpha-archive]
              - name: beta
                namespace: minio-beta
                keys: [beta-key]
        """.formatted(endpoint, endpoint.startsWith("http:"), kvVersion == 2 ? "secret" : "kv1", kvVersion,
        // the reader's role is on the kubernetes auth method of vault.kubernetes
        auth.equals("kubernetes") ? "  kubernetes: { host: \"https://kubernetes.default.svc\" }" : "", storeKind, auth);
  }

  public GenerateRequest request() {
    return GenerateRequest.of(topology).withOutputDirectory(output).withSecretsDirectory(secrets).withClock(CLOCK);
  }
}

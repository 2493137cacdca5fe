package dev.kesgen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark topologies: {@code instances} KES instances with {@code tenants} tenants in all, ECDSA P-256 for
 * every certificate, written as {@code topology.yaml} into a directory. {@code run.sh} calls {@link #main}.
 */
public final class Topologies {
  private Topologies() {}

  /** The topology text: tenants spread evenly over the instances, in instance order. */
  public static String yaml(int instances, int tenants) {
    StringBuilder yaml = new StringBuilder("""
        version: 1
        vault: { endpoint: "https://vault.example.org:8200" }
        defaults:
          kes: { version: 2024-03-13T17-52-13Z, certificate: { keyType: ecdsa-p256 } }
          tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z, chart: minio, certificate: { keyType: ecdsa-p256 } }
        instances:
        """);
    for (int i = 0; i < instances; i++) {
      int count = tenants / instances + (i < tenants % instances ? 1 : 0);
      yaml.append("  - name: i").append(i).append("\n    namespace: kes-i").append(i).append("\n    tenants:\n");
      for (int t = 0; t < count; t++) {
        yaml.append("      - { name: t").append(t).append(", namespace: minio-t").append(t).append(" }\n");
      }
    }
    return yaml.toString();
  }

  /** Writes {@code topology.yaml} into {@code dir}: {@code <dir> <tenants> [instances, default 10]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int tenants = Integer.parseInt(args[1]);
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : Math.min(10, tenants);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("topology.yaml"), yaml(instances, tenants));
  }
}

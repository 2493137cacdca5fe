package dev.kesgen.kes;

import dev.kesgen.topology.CertificateSpec;
import dev.kesgen.topology.ChartLayout;
import dev.kesgen.topology.GoDuration;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KesSettings;
import dev.kesgen.topology.KesVersion;
import dev.kesgen.topology.KeyType;
import dev.kesgen.topology.MinioVersion;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Vault;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small topologies for the kes and vault tests. */
public final class Fixtures {
  public static final String OLD_MINIO = "RELEASE.2020-10-09T22-55-05Z";
  public static final String NEW_MINIO = "RELEASE.2021-05-16T05-32-34Z";
  public static final CertificateSpec CERT =
      new CertificateSpec(KeyType.ECDSA_P256, GoDuration.parse("365d").orElseThrow(), GoDuration.parse("30d").orElseThrow(), List.of(), List.of());

  private Fixtures() {}

  public static Tenant tenant(String name, String minio, String... keys) {
    return new Tenant(name, name, List.of(keys), ChartLayout.MINIO, MinioVersion.of(minio), true, CERT, java.util.Optional.of(Tenant.DEFAULT_IMAGE));
  }

  public static Instance instance(String kes, Tenant... tenants) {
    return instance(kes, KesSettings.DISABLED, tenants);
  }

  public static Instance instance(String kes, String admin, Tenant... tenants) {
    KesSettings settings = new KesSettings(KesVersion.of(kes), java.util.Optional.empty(), java.util.Optional.empty(), "kes", 7373, 1, admin, CERT, true);
    return new Instance("dev", "kes", settings, List.of(tenants));
  }

  public static Vault vault(int kvVersion, boolean allowDeletion) {
    return vault(kvVersion, allowDeletion, "", Optional.empty(), "kes");
  }

  public static Vault vault(int kvVersion, boolean allowDeletion, String namespace, Optional<Path> ca, String prefix) {
    return new Vault(
        URI.create("https://vault.vault.svc:8200"),
        namespace,
        new Vault.Kv("secret", kvVersion),
        prefix,
        new Vault.AppRole("approle", GoDuration.parse("24h").orElseThrow(), GoDuration.parse("0s").orElseThrow(),
            java.util.List.of(), java.util.List.of()),
        ca.map(file -> new Vault.CaCertificate(file, "")),
        allowDeletion,
        false);
  }
}

package dev.kesgen.pki;

import dev.kesgen.topology.CertificateSpec;
import dev.kesgen.topology.ChartLayout;
import dev.kesgen.topology.GoDuration;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KesSettings;
import dev.kesgen.topology.KesVersion;
import dev.kesgen.topology.KeyType;
import dev.kesgen.topology.MinioVersion;
import dev.kesgen.topology.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Shared topology pieces, a fixed clock and cached certificates (RSA key generation is slow). */
final class Fixtures {
  /** A fixed instant, unrelated to today's date. */
  static final Instant T0 = Instant.parse("2031-05-04T10:20:30Z");

  private static final Map<KeyType, IssuedCertificate> SERVERS = new EnumMap<>(KeyType.class);
  private static final Map<KeyType, IssuedCertificate> CLIENTS = new EnumMap<>(KeyType.class);
  private static final Map<KeyType, IssuedCertificate> LIVE_SERVERS = new EnumMap<>(KeyType.class);
  private static final Map<KeyType, IssuedCertificate> LIVE_CLIENTS = new EnumMap<>(KeyType.class);

  private Fixtures() {}

  static Clock clock(Instant at) {
    return Clock.fixed(at, ZoneOffset.UTC);
  }

  static CertificateSpec spec(KeyType keyType) {
    return new CertificateSpec(keyType, new GoDuration(365, 'd'), new GoDuration(30, 'd'), List.of(), List.of());
  }

  static CertificateSpec serverSpec(KeyType keyType) {
    return new CertificateSpec(keyType, new GoDuration(365, 'd'), new GoDuration(30, 'd'),
        List.of("kes.example.org"), List.of("127.0.0.1", "::1"));
  }

  static Instance instance(KeyType serverKey, KeyType clientKey) {
    return instance(serverSpec(serverKey), spec(clientKey));
  }

  static Instance instance(CertificateSpec server, CertificateSpec client) {
    Tenant tenant = new Tenant("minio", "minio-ns", List.of("minio-default"), ChartLayout.MINIO,
        MinioVersion.of("RELEASE.2024-01-01T00-00-00Z"), true, client, java.util.Optional.of(Tenant.DEFAULT_IMAGE));
    KesSettings kes = new KesSettings(KesVersion.of("2024-03-13T17-52-13Z"), java.util.Optional.empty(), java.util.Optional.empty(), "kes", 7373, 1,
        KesSettings.DISABLED, server, true);
    return new Instance("dev", "kes-ns", kes, List.of(tenant));
  }

  static Tenant tenant(Instance instance) {
    return instance.tenants().get(0);
  }

  /** A server certificate of this key type issued at {@link #T0}, made once per test run. */
  static synchronized IssuedCertificate server(KeyType keyType) {
    return SERVERS.computeIfAbsent(keyType, k -> issueServer(k, clock(T0)));
  }

  /** A client certificate of this key type issued at {@link #T0}, made once per test run. */
  static synchronized IssuedCertificate client(KeyType keyType) {
    return CLIENTS.computeIfAbsent(keyType, k -> issueClient(k, clock(T0)));
  }

  /**
   * A server certificate valid now, for real TLS peers (openssl, the JDK) that check validity against the system
   * clock.
   */
  static synchronized IssuedCertificate liveServer(KeyType keyType) {
    return LIVE_SERVERS.computeIfAbsent(keyType, k -> issueServer(k, Clock.systemUTC()));
  }

  /** A client certificate valid now, for real TLS peers. */
  static synchronized IssuedCertificate liveClient(KeyType keyType) {
    return LIVE_CLIENTS.computeIfAbsent(keyType, k -> issueClient(k, Clock.systemUTC()));
  }

  private static IssuedCertificate issueServer(KeyType keyType, Clock clock) {
    return new CertificateIssuer(clock).issue(CertificateProfile.server(instance(keyType, KeyType.ED25519)));
  }

  private static IssuedCertificate issueClient(KeyType keyType, Clock clock) {
    Instance instance = instance(KeyType.ECDSA_P256, keyType);
    return new CertificateIssuer(clock).issue(CertificateProfile.client(instance, tenant(instance)));
  }
}

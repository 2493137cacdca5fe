package dev.kesgen.sealed;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A Sealed Secrets controller for tests: an RSA key pair and its self-signed certificate, as the controller makes
 * them (bitnami-labs/sealed-secrets@v0.27.1:pkg/crypto/keys.go, a self-signed RSA certificate), and a topology that
 * seals for it. The controller's private key is written into the test's temporary directory only, for the unsealing
 * peer.
 */
public final class SealedFixture {
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  public final Path dir;
  public final Path topology;
  public final Path output;
  public final Path secrets;
  public final Path controllerCertificate;
  public final Path controllerKey;
  public final PrivateKey privateKey;

  private SealedFixture(Path dir, Path topology, Path certificate, Path key, PrivateKey privateKey) {
    this.dir = dir;
    this.topology = topology;
    this.output = dir.resolve("generated");
    this.secrets = dir.resolve("secrets");
    this.controllerCertificate = certificate;
    this.controllerKey = key;
    this.privateKey = privateKey;
  }

  /** A topology with one instance (and its provisioner, through a tenant key) and two tenants, sealed in this scope. */
  public static SealedFixture create(Path dir, String scope) throws Exception {
    return create(dir, scope, "RSA", CLOCK.instant().minus(Duration.ofDays(1)), CLOCK.instant().plus(Duration.ofDays(3650)));
  }

  public static SealedFixture create(Path dir, String scope, String algorithm, Instant notBefore, Instant notAfter)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(algorithm.equals("RSA") ? 2048 : 256);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("O=sealed-secret");
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
        name, BigInteger.ONE, Date.from(notBefore), Date.from(notAfter), name, pair.getPublic())
        .build(new JcaContentSignerBuilder(algorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA")
            .build(pair.getPrivate())));
    Path certificateFile = dir.resolve("sealed-secrets.pem");
    Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
    Path keyFile = dir.resolve("controller-key.pem");
    Files.writeString(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Path topology = dir.resolve("topology.yaml");
    Files.writeString(topology, topology(scope));
    return new SealedFixture(dir, topology, certificateFile, keyFile, pair.getPrivate());
  }

  public static String topology(String scope) {
    return """
        version: 1
        vault:
          endpoint: https://vault.example.org:8200
        secrets:
          sink: sealedSecrets
          sealedSecrets:
            certificate: sealed-secrets.pem
            scope: %s
        defaults:
          kes: { version: 2025-03-12T09-35-18Z }
          tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }
        instances:
          - name: dev
            namespace: kes-dev
            tenants:
              - name: alpha
                namespace: minio-alpha
                keys: [alpha-key]
              - name: beta
                namespace: minio-beta
                keys: [beta-key]
        """.formatted(scope);
  }

  /** Rewrites the topology with another scope. */
  public void scope(String scope) throws IOException {
    Files.writeString(topology, topology(scope));
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }
}

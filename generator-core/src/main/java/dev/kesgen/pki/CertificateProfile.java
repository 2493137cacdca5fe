package dev.kesgen.pki;

import dev.kesgen.topology.CertificateSpec;
import dev.kesgen.topology.GoDuration;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.KeyType;
import dev.kesgen.topology.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one certificate must look like: its use, subject, subject alternative names, key and validity.
 *
 * @param kind whether it authenticates a TLS server or a TLS client (decides the extended key usage)
 * @param commonName the subject CN; the subject has no other attributes
 * @param dnsNames DNS subject alternative names, in the order they are written into the certificate
 * @param ipAddresses IP subject alternative names (textual IPv4 or IPv6)
 * @param keyType the key algorithm
 * @param validity how long a new certificate is valid
 * @param renewBefore a certificate whose remaining validity is at most this span is reissued; shorter than validity
 */
public record CertificateProfile(
    Kind kind,
    String commonName,
    List<String> dnsNames,
    List<String> ipAddresses,
    KeyType keyType,
    GoDuration validity,
    GoDuration renewBefore) {

  /** The TLS role of a certificate. */
  public enum Kind {
    /** A TLS server certificate (extended key usage serverAuth), such as a KES server's. */
    SERVER,
    /** A TLS client certificate (extended key usage clientAuth), such as a MinIO tenant's. */
    CLIENT
  }

  public CertificateProfile {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(commonName, "commonName");
    if (commonName.isBlank()) {
      throw new IllegalArgumentException("commonName is blank");
    }
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(renewBefore, "renewBefore");
    // Otherwise a freshly issued certificate would already be due for renewal and every run would reissue it.
    if (renewBefore.seconds() >= validity.seconds()) {
      throw new IllegalArgumentException(
          "renewBefore " + renewBefore + " must be shorter than validity " + validity);
    }
  }

  /**
   * The server certificate of a KES instance: CN = service name, DNS names {@code <service>.<namespace>} and
   * {@code <service>.<namespace>.svc} followed by the configured DNS names (duplicates dropped), configured IPs.
   */
  public static CertificateProfile server(Instance instance) {
    String service = instance.kes().service();
    CertificateSpec spec = instance.kes().certificate();
    List<String> dns = new ArrayList<>();
    dns.add(service + "." + instance.namespace());
    dns.add(instance.serviceHost());
    for (String name : spec.dnsNames()) {
      if (!dns.contains(name)) {
        dns.add(name);
      }
    }
    return new CertificateProfile(
        Kind.SERVER, service, dns, distinct(spec.ipAddresses()),
        spec.keyType(), spec.validity(), spec.renewBefore());
  }

  /** The client certificate a tenant's MinIO presents to KES: CN = {@code <tenant>.<tenant namespace>}. */
  public static CertificateProfile client(Instance instance, Tenant tenant) {
    Objects.requireNonNull(instance, "instance");
    return client(tenant.name() + "." + tenant.namespace(), tenant.certificate());
  }

  /**
   * The record of a tenant's KES API key: an Ed25519 self-signed client certificate, CN
   * {@code apikey.<tenant>.<tenant namespace>}, valid for the longest validity kesgen issues (100 years) and renewed
   * only when it has expired. It carries the public key, so the identity is known before deploy and kept across
   * runs; MinIO never sees it. An API key does not expire (MinIO makes a new 90-day certificate from it at every
   * start, minio/kms-go@kes/v0.3.1:kes/apikey.go:100-143, which KES does not check with client verification off), so
   * only {@code --rotate} replaces it. Its own CN makes a switch between {@code certificate} and {@code apiKey} issue
   * a new key, as a rotation does; the tenant's {@code certificate} profile does not apply.
   */
  public static CertificateProfile apiKey(Tenant tenant) {
    return new CertificateProfile(Kind.CLIENT, "apikey." + tenant.name() + "." + tenant.namespace(), List.of(),
        List.of(), KeyType.ED25519, API_KEY_VALIDITY, API_KEY_RENEW_BEFORE);
  }

  private static final GoDuration API_KEY_VALIDITY =
      new GoDuration(CertificateSpec.MAX_VALIDITY_SECONDS / (24 * 60 * 60), 'd');
  private static final GoDuration API_KEY_RENEW_BEFORE = new GoDuration(0, 's');

  /**
   * A client certificate with this CN and profile; client certificates carry no subject alternative names, since
   * KES identifies a client by its public key alone.
   */
  public static CertificateProfile client(String commonName, CertificateSpec spec) {
    return new CertificateProfile(
        Kind.CLIENT, commonName, List.of(), List.of(), spec.keyType(), spec.validity(), spec.renewBefore());
  }

  private static List<String> distinct(List<String> values) {
    return values.stream().distinct().toList();
  }
}

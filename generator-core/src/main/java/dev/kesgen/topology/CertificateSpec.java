package dev.kesgen.topology;

import java.util.List;
import java.util.Objects;

/**
 * What a certificate kesgen issues must look like and when it is renewed.
 *
 * @param keyType the key algorithm
 * @param validity how long a new certificate is valid
 * @param renewBefore a certificate expiring within this span is reissued
 * @param dnsNames extra DNS subject alternative names (server certificates)
 * @param ipAddresses extra IP subject alternative names (server certificates)
 */
public record CertificateSpec(
    KeyType keyType,
    GoDuration validity,
    GoDuration renewBefore,
    List<String> dnsNames,
    List<String> ipAddresses) {
  public CertificateSpec {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(renewBefore, "renewBefore");
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }
}

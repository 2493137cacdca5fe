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
  /** The longest {@code validity}: 100 years, well inside what X.509 dates (up to 9999-12-31) can hold. */
  public static final long MAX_VALIDITY_SECONDS = 36500L * 24 * 60 * 60;

  public CertificateSpec {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(renewBefore, "renewBefore");
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }
}

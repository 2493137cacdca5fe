package dev.kesgen.view;

import java.util.Objects;

/**
 * The public facts of one certificate that templates show.
 *
 * @param name {@code kes/<instance>} or {@code tenants/<instance>/<tenant>}
 * @param pem the certificate as PEM
 * @param identity its KES identity
 * @param expires its expiry date, {@code YYYY-MM-DD} (UTC)
 * @param sha256 lower-case hex SHA-256 of the PEM text, for Helm checksum annotations
 */
public record IssuedCertificate(String name, String pem, String identity, String expires, String sha256) {
  public IssuedCertificate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(sha256, "sha256");
  }
}

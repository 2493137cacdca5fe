package dev.kesgen.pki;

import java.util.Objects;

/** Whether a committed certificate is kept or a new one (with a new key) is issued, and why. */
public sealed interface Decision permits Decision.Keep, Decision.Issue {

  /** Why a certificate is (re)issued. */
  enum Reason {
    /** There is no committed certificate yet. */
    MISSING,
    /** The committed certificate expires within {@code renewBefore} (or has expired). */
    EXPIRING,
    /**
     * The committed certificate's {@code notBefore} is later than now: TLS peers reject it until then (Go's
     * crypto/x509 with no allowance for clock skew), so it is not kept silently.
     */
    NOT_YET_VALID,
    /**
     * The committed certificate is not one kesgen issues: not self-signed by its own key, a CA, or with other key
     * usages; it was swapped, edited or forged and must not be trusted.
     */
    INVALID,
    /**
     * The committed certificate's subject, SANs, key type or use no longer match the topology, or it is valid for
     * longer than the topology's {@code validity}.
     */
    MISMATCH,
    /** Someone asked to rotate this certificate by name. */
    ROTATION_REQUESTED
  }

  /** The committed certificate stays. */
  record Keep() implements Decision {}

  /**
   * A new key and certificate are issued.
   *
   * @param reason the category
   * @param detail what a person reads, for example {@code expires 2027-01-01T00:00:00Z, within renewBefore 30d}
   */
  record Issue(Reason reason, String detail) implements Decision {
    public Issue {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}

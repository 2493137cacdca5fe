package dev.kesgen;

import java.util.List;
import java.util.Objects;

/**
 * The findings of a check of committed output; it passes when there are none. Warnings are not findings: a strict
 * front end fails on those not acknowledged ({@link dev.kesgen.warning.Warnings#strictRefusal}).
 *
 * @param findings every problem found, in a stable order
 * @param warnings the warnings of the run, as the log shows them
 */
public record CheckResult(List<Finding> findings, List<dev.kesgen.warning.Warning> warnings) {
  public CheckResult {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
  }

  /** Findings without warnings. */
  public CheckResult(List<Finding> findings) {
    this(findings, List.of());
  }

  /** Whether nothing was found. */
  public boolean passed() {
    return findings.isEmpty();
  }

  /**
   * One problem with the committed output.
   *
   * @param kind what sort of problem
   * @param subject the file (relative to the output directory) or certificate it concerns
   * @param message what is wrong and how to fix it
   */
  public record Finding(Kind kind, String subject, String message) {
    public Finding {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return subject + ": " + message;
    }
  }

  /** The sorts of findings. */
  public enum Kind {
    /** A committed file differs from what generate would write. */
    STALE,
    /** A file generate would write is not committed. */
    MISSING,
    /** A committed file that generate would delete. */
    EXTRA,
    /** A file, symbolic link or special file in the output directory that kesgen did not write. */
    UNKNOWN,
    /** A certificate expires within its renewBefore (or the check's own limit), or would be reissued. */
    CERTIFICATE,
    /** A private key, AppRole secret id or Vault token under the output directory, also inside a Secret's data. */
    SECRET_IN_OUTPUT,
    /**
     * A KES configuration or Vault policy (as committed, or as generate would write it) lets an identity reach another
     * tenant's keys or more than it needs, or refuses a call its MinIO or KES makes, as kesgen's access models decide.
     */
    ACCESS
  }
}

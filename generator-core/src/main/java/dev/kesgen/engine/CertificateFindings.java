package dev.kesgen.engine;

import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.pki.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a check reports about certificates: those generate would issue or renew, and those expiring soon. */
final class CertificateFindings {
  private CertificateFindings() {}

  static List<Finding> of(Certificates certificates, Instant now, Optional<Duration> limit) {
    List<Finding> findings = new ArrayList<>();
    for (CertificateOutcome o : certificates.outcomes()) {
      String subject = o.target().certificatePath();
      // with an explicit limit, the limit below decides about expiry instead of renewBefore
      if (o.decision() instanceof Decision.Issue issue
          && !(issue.reason() == Decision.Reason.EXPIRING && limit.isPresent())) {
        if (issue.reason() == Decision.Reason.INVALID) {
          findings.add(new Finding(Finding.Kind.CERTIFICATE, subject, issue.detail() + "; it may have been swapped:"
              + " find out who committed it, then run generate to replace it with a new key and certificate"));
        } else {
          String verb = issue.reason() == Decision.Reason.MISSING ? "would be issued" : "would be renewed";
          findings.add(new Finding(Finding.Kind.CERTIFICATE, subject,
              verb + " (" + issue.detail() + "); run generate and commit the output"));
        }
      }
      if (limit.isPresent() && o.decision() instanceof Decision.Keep
          || limit.isPresent() && o.decision() instanceof Decision.Issue i && i.reason() == Decision.Reason.EXPIRING) {
        // the committed certificate's expiry, not that of the one this check made in memory to replace it
        Instant notAfter = certificates.committedNotAfter(o.target().id()).orElse(o.notAfter());
        if (!notAfter.isAfter(now.plus(limit.get()))) {
          findings.add(new Finding(Finding.Kind.CERTIFICATE, subject, "expires " + notAfter
              + ", within " + limit.get().toDays() + "d (the check's expiry limit: --fail-on-expiring-within,"
              + " kesgen.failOnExpiringWithin); run generate to renew it"));
        }
      }
    }
    return findings;
  }
}

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

  static List<Finding> of(List<CertificateOutcome> outcomes, Instant now, Optional<Duration> limit) {
    List<Finding> findings = new ArrayList<>();
    for (CertificateOutcome o : outcomes) {
      String subject = o.target().certificatePath();
      if (o.decision() instanceof Decision.Issue issue) {
        if (issue.reason() == Decision.Reason.EXPIRING && limit.isPresent()) {
          continue; // the explicit limit below decides instead of renewBefore
        }
        if (issue.reason() == Decision.Reason.INVALID) {
          findings.add(new Finding(Finding.Kind.CERTIFICATE, subject, issue.detail() + "; it may have been swapped:"
              + " find out who committed it, then run generate to replace it with a new key and certificate"));
          continue;
        }
        String verb = issue.reason() == Decision.Reason.MISSING ? "would be issued" : "would be renewed";
        findings.add(new Finding(Finding.Kind.CERTIFICATE, subject,
            verb + " (" + issue.detail() + "); run generate and commit the output"));
      }
      if (limit.isPresent() && o.decision() instanceof Decision.Keep
          || limit.isPresent() && o.decision() instanceof Decision.Issue i && i.reason() == Decision.Reason.EXPIRING) {
        if (!o.notAfter().isAfter(now.plus(limit.get()))) {
          findings.add(new Finding(Finding.Kind.CERTIFICATE, subject, "expires " + o.notAfter()
              + ", within " + limit.get().toDays() + "d (failOnExpiringWithin); run generate to renew it"));
        }
      }
    }
    return findings;
  }
}

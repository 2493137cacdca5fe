package dev.kesgen;

import dev.kesgen.warning.Warning;
import java.util.List;

/**
 * What a run did: output files written, kept unchanged and deleted (relative paths, sorted), every certificate's
 * fate, and warnings a person should read.
 *
 * @param written files in the output directory that were created or changed
 * @param kept files whose content was already right (not touched)
 * @param deleted files a previous run wrote that the topology no longer produces
 * @param certificates one report per certificate, in topology order
 * @param warnings things that are not errors but need a person (for example a missing key)
 */
public record GenerateResult(
    List<String> written,
    List<String> kept,
    List<String> deleted,
    List<CertificateReport> certificates,
    List<Warning> warnings) {
  public GenerateResult {
    written = List.copyOf(written);
    kept = List.copyOf(kept);
    deleted = List.copyOf(deleted);
    certificates = List.copyOf(certificates);
    warnings = List.copyOf(warnings);
  }

  /** Whether the run changed nothing in the output directory. */
  public boolean upToDate() {
    return written.isEmpty() && deleted.isEmpty();
  }

  /** The certificates whose identity changed. */
  public List<CertificateReport> changedIdentities() {
    return certificates.stream().filter(CertificateReport::identityChanged).toList();
  }
}

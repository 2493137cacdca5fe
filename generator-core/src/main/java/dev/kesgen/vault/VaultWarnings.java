package dev.kesgen.vault;

import dev.kesgen.topology.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a reviewer must be told about how KES reaches and logs in to Vault. */
public final class VaultWarnings {
  private VaultWarnings() {}

  /** Set when the endpoint is plain http (accepted only with {@code vault.allowPlaintextHttp}); for the log and SUMMARY.md. */
  public static Optional<String> plaintext(Vault vault) {
    if (!vault.isPlaintext()) {
      return Optional.empty();
    }
    return Optional.of("Vault endpoint " + vault.endpoint() + " is plain http (vault.allowPlaintextHttp): KES sends its"
        + " AppRole secret id and reads every key unencrypted; use https with vault.caCertificate");
  }

  /** Set while neither tokens nor secret ids are bound to a network; for SUMMARY.md. */
  public static Optional<String> unbound(Vault vault) {
    if (!vault.approle().isUnbound()) {
      return Optional.empty();
    }
    return Optional.of("The AppRoles are bound to no network (vault.approle.tokenBoundCidrs and secretIdBoundCidrs are"
        + " empty): a leaked kes-<instance>-approle Secret logs in from anywhere; bind them to the pod network");
  }

  /** Every warning of this Vault, plaintext first. */
  public static List<String> all(Vault vault) {
    List<String> all = new ArrayList<>();
    plaintext(vault).ifPresent(all::add);
    unbound(vault).ifPresent(all::add);
    return all;
  }
}

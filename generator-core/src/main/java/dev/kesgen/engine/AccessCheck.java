package dev.kesgen.engine;

import dev.kesgen.layout.CertificateId;

import dev.kesgen.access.KesAccess;
import dev.kesgen.access.VaultAcl;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Tenant;
import dev.kesgen.topology.Topology;
import dev.kesgen.view.SummaryContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tenant isolation, completeness and Vault least privilege, decided by the access models ({@link KesAccess},
 * {@link VaultAcl}) on output texts as they are (rendered with overrides, or committed), and the access matrix
 * SUMMARY.md shows. KES is never run: the models cite the KES and OpenBao sources they follow.
 *
 * <p>Linear in the keys of each instance: a tenant is tried on its own key names, adversarial variants of them
 * ({@code <key>-x}, {@code <key>x}, {@code <key>*}, {@code <key>/x}) and {@code *}; other tenants' keys are tried
 * through the patterns of its policy — a literal pattern can reach only the key it names, and only a wildcard pattern
 * is tried on every key of the instance (tenants of other instances use another KES, so they are never tried).
 */
final class AccessCheck {
  private final Set<Finding> findings = new LinkedHashSet<>();
  private final Map<String, List<SummaryContext.Access>> matrix = new LinkedHashMap<>();

  private AccessCheck() {}

  /**
   * Checks every instance whose files {@code texts} holds ({@code kes/<i>/values.yaml},
   * {@code vault/policies/kes-<i>.hcl}, and through {@link GrantCheck} and {@link ScriptCheck} the AppRole, the
   * NetworkPolicy values and the Vault scripts) and the policy of {@code kesgen vault plan} ({@link PlanPolicyRules});
   * an absent file is skipped (a check reports it as missing).
   */
  static AccessCheck of(Topology topology, Function<String, Optional<String>> texts, Certificates certificates) {
    return of(topology, texts, id -> certificates.find(id).map(o -> o.identity().hex()));
  }

  /**
   * As {@link #of(Topology, Function, Certificates)}, with the identity of each certificate from {@code identities}:
   * a check proves the committed files with the committed certificates' identities, never with those of keys it made
   * in memory. A tenant or provisioner without an identity there (its certificate is not committed) is not tried: the
   * check reports the certificate as missing.
   */
  static AccessCheck of(Topology topology, Function<String, Optional<String>> texts,
      Function<CertificateId, Optional<String>> identities) {
    // Instances are independent (each has its own KES and Vault policy), so they are checked on every core and
    // merged in topology order: the findings and the matrix are those of a loop. {@code texts} must be thread-safe.
    int tenants = topology.instances().stream().mapToInt(i -> i.tenants().size()).sum();
    List<AccessCheck> parts = InOrder.map(topology.instances(), tenants, instance -> {
      AccessCheck part = new AccessCheck();
      String values = OutputLayout.kesValues(instance);
      texts.apply(values).ifPresent(text -> part.matrix.put(instance.name(),
          new KesRules(part.findings).check(instance, values, text, identities)));
      String policy = OutputLayout.vaultPolicy(instance);
      texts.apply(policy).ifPresent(text -> new VaultRules(part.findings).check(topology, instance, policy, text));
      part.findings.addAll(GrantCheck.of(topology, instance, texts));
      part.findings.addAll(ApiKeyCheck.of(instance, texts));
      return part;
    });
    AccessCheck check = new AccessCheck();
    for (AccessCheck part : parts) {
      check.findings.addAll(part.findings);
      check.matrix.putAll(part.matrix);
    }
    check.findings.addAll(ScriptCheck.of(topology, texts));
    texts.apply(OutputLayout.VAULT_PLAN_POLICY).ifPresent(text -> new PlanPolicyRules(check.findings)
        .check(topology, text));
    return check;
  }

  /** What breaks a rule, in topology order. */
  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** The access matrix of an instance, one row per subject; empty when its configuration could not be read. */
  List<SummaryContext.Access> matrix(Instance instance) {
    return matrix.getOrDefault(instance.name(), List.of());
  }

  /** An identity as a message shows it: the first 12 hex digits. */
  static String shortId(String identity) {
    return identity.length() > 12 ? identity.substring(0, 12) + "…" : identity;
  }
}

package dev.kesgen.eso;

import dev.kesgen.topology.Secrets;
import dev.kesgen.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code external-secrets/apply.sh} writes into Vault for External Secrets Operator's readers, as
 * {@code kesgen vault plan} compares it: per reader its policy (the committed file's text) and its auth role (the body
 * the script writes, on {@code vault.approle.mount} or {@code vault.kubernetes.mount}).
 */
public final class VaultReaders {
  /** The prefix of every reader's policy and role name (the writer's policy has it too). */
  public static final String PREFIX = Reader.NAME;
  /** The writer's policy name the docs have the operator write; never a reader's (the loader sees to that). */
  public static final String WRITER = Reader.NAME + "-" + Secrets.ExternalSecrets.WRITER;
  private static final Pattern STORE = Pattern.compile("external-secrets/([^/]+)/secret-store\\.yaml");

  private VaultReaders() {}

  /**
   * One reader as Vault should hold it.
   *
   * @param name the policy's and the role's name
   * @param policy the policy text generate wrote ({@code external-secrets/policies/<name>.hcl}), empty when absent
   * @param rolePath the role's API path, {@code auth/<mount>/role/<name>}
   * @param roleJson the role body the script writes
   * @param kubernetes whether the role is on the kubernetes auth method (else AppRole)
   */
  public record Expected(String name, String policy, String rolePath, String roleJson, boolean kubernetes) {
    public Expected {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(rolePath, "rolePath");
      Objects.requireNonNull(roleJson, "roleJson");
    }
  }

  /**
   * The readers of a run's planned files: none without the externalSecrets sink; the one of a
   * {@code ClusterSecretStore}; or one per namespace whose {@code SecretStore} the run commits.
   */
  public static List<Expected> of(Topology topology, Map<String, String> files) {
    if (!(topology.secrets() instanceof Secrets.ExternalSecrets eso)) {
      return List.of();
    }
    List<Reader> readers = new ArrayList<>();
    if (eso.isClusterStore()) {
      readers.add(Reader.cluster());
    } else {
      new java.util.TreeSet<>(files.keySet()).forEach(path -> {
        Matcher m = STORE.matcher(path);
        if (m.matches()) {
          readers.add(Reader.of(m.group(1)));
        }
      });
    }
    return readers.stream().map(r -> new Expected(r.name(), files.getOrDefault(r.policyFile(), ""),
        r.rolePath(eso, topology.vault()), WriteScript.roleJson(eso, topology.vault(), r), eso.usesKubernetesAuth()))
        .toList();
  }

  /** The auth mount the readers log in at: {@code vault.approle.mount} or {@code vault.kubernetes.mount}. */
  public static String authMount(Topology topology) {
    return topology.secrets() instanceof Secrets.ExternalSecrets eso ? Reader.authMount(eso, topology.vault())
        : topology.vault().approle().mount();
  }
}

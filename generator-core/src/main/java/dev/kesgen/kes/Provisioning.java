package dev.kesgen.kes;

import dev.kesgen.topology.Instance;
import java.util.List;

/**
 * The one rule for key provisioning: an instance gets a provisioner identity, policy and Job when provisioning is on
 * and some key of its tenants is created by neither KES nor MinIO.
 */
public final class Provisioning {
  private Provisioning() {}

  /** Whether the instance needs a provisioner. */
  public static boolean needed(Instance instance) {
    return instance.kes().provisioning() && !keysNobodyElseCreates(instance).isEmpty();
  }

  /** The keys of the instance's tenants that neither KES nor MinIO creates, sorted. */
  public static List<String> keysNobodyElseCreates(Instance instance) {
    return unprovisioned(KesServerConfig.keyCreations(instance)).stream().map(KeyCreation::key).sorted().toList();
  }

  /** The keys nobody creates at all: those a provisioner would create, when provisioning is off; else none. */
  public static List<KeyCreation> uncreated(Instance instance) {
    return instance.kes().provisioning() ? List.of() : unprovisioned(KesServerConfig.keyCreations(instance));
  }

  static List<KeyCreation> unprovisioned(List<KeyCreation> creations) {
    return creations.stream().filter(k -> k.creator() == KeyCreator.PROVISIONER).toList();
  }
}

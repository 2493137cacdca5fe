package dev.kesgen;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link OutputExtension} gets: the topology and, per KES instance, its rendered chart values with the
 * names and paths that go with them, so an extension parses no paths.
 *
 * @param topology the loaded topology
 * @param kesInstances one per instance, in topology order
 */
public record ExtensionInput(Topology topology, List<KesInstance> kesInstances) {
  public ExtensionInput {
    Objects.requireNonNull(topology, "topology");
    kesInstances = List.copyOf(kesInstances);
  }

  /**
   * One KES instance as the chart sees it.
   *
   * @param instance the instance
   * @param releaseName its Helm release, {@code kes-<instance>}
   * @param namespace the namespace it is installed in
   * @param valuesPath the output-relative path of its values, {@code kes/<instance>/values.yaml}
   * @param values the rendered values
   * @param manifestsPath where rendered manifests of it go, {@code kes/<instance>/manifests.yaml}
   */
  public record KesInstance(Instance instance, String releaseName, String namespace, String valuesPath, String values,
      String manifestsPath) {
    public KesInstance {
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(releaseName, "releaseName");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(valuesPath, "valuesPath");
      Objects.requireNonNull(values, "values");
      Objects.requireNonNull(manifestsPath, "manifestsPath");
    }
  }
}

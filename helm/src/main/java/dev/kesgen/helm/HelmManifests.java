package dev.kesgen.helm;

import com.marcnuri.helm.Helm;
import dev.kesgen.OutputExtension;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds {@code kes/<instance>/manifests.yaml}: the KES chart rendered by real Helm with the instance's generated
 * values, so a pull request shows what Kubernetes will get. On the class path means switched on.
 */
public final class HelmManifests implements OutputExtension {
  private static final Pattern VALUES = Pattern.compile("kes/([^/]+)/values\\.yaml");

  @Override
  public Map<String, String> files(Topology topology, SortedMap<String, String> files) throws Exception {
    SortedMap<String, String> valuesByInstance = new TreeMap<>();
    files.forEach((path, text) -> {
      Matcher matcher = VALUES.matcher(path);
      if (matcher.matches()) {
        valuesByInstance.put(matcher.group(1), text);
      }
    });
    SortedMap<String, String> manifests = new TreeMap<>();
    if (valuesByInstance.isEmpty()) {
      return manifests;
    }
    try (EmbeddedChart chart = EmbeddedChart.extract()) {
      for (Map.Entry<String, String> values : valuesByInstance.entrySet()) {
        String name = values.getKey();
        Instance instance = topology.instance(name).orElseThrow(() -> new IllegalStateException(
            "kes/" + name + "/values.yaml belongs to no instance of the topology"));
        Path valuesFile = Files.writeString(chart.work().resolve(name + ".yaml"), values.getValue(), StandardCharsets.UTF_8);
        manifests.put("kes/" + name + "/manifests.yaml", ManifestsText.of(name, render(chart, instance, valuesFile)));
      }
    }
    return manifests;
  }

  private static String render(EmbeddedChart chart, Instance instance, Path valuesFile) {
    try {
      return new Helm(chart.path()).template()
          .withName("kes-" + instance.name())
          .withNamespace(instance.namespace())
          .withValuesFile(valuesFile)
          .call();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("helm template of the KES chart with kes/" + instance.name()
          + "/values.yaml failed (is the values file the one kesgen wrote, and kesgen-helm of the same version?): "
          + e.getMessage(), e);
    }
  }
}

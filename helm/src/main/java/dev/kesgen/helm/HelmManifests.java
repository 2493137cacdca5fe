package dev.kesgen.helm;

import com.marcnuri.helm.Helm;
import dev.kesgen.ExtensionInput;
import dev.kesgen.OutputExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Adds {@code kes/<instance>/manifests.yaml}: the KES chart rendered by real Helm with the instance's generated
 * values, so a pull request shows what Kubernetes will get. On the class path means switched on.
 */
public final class HelmManifests implements OutputExtension {
  @Override
  public Map<String, String> files(ExtensionInput input) throws Exception {
    SortedMap<String, String> manifests = new TreeMap<>();
    if (input.kesInstances().isEmpty()) {
      return manifests;
    }
    try (EmbeddedChart chart = EmbeddedChart.extract()) {
      for (ExtensionInput.KesInstance kes : input.kesInstances()) {
        Path valuesFile = Files.writeString(chart.work().resolve(kes.instance().name() + ".yaml"), kes.values(),
            StandardCharsets.UTF_8);
        manifests.put(kes.manifestsPath(), ManifestsText.of(kes.valuesPath(), render(chart, kes, valuesFile)));
      }
    }
    return manifests;
  }

  private static String render(EmbeddedChart chart, ExtensionInput.KesInstance kes, Path valuesFile) {
    try {
      return new Helm(chart.path()).template()
          .withName(kes.releaseName())
          .withNamespace(kes.namespace())
          .withValuesFile(valuesFile)
          .call();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("helm template of the KES chart with " + kes.valuesPath()
          + " failed (is the values file the one kesgen wrote, and kesgen-helm of the same version?): "
          + e.getMessage(), e);
    }
  }
}

package dev.kesgen.chart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The KES Helm chart kesgen writes values for (charts/kes in the kesgen repository), as it travels in this
 * library: the same version as the generator, so a team can have the chart its values were written for.
 */
public final class KesChart {
  /** Where the chart's files are on the class path. */
  public static final String RESOURCE_ROOT = "dev/kesgen/chart/kes/";
  /** The list of the chart's files, one relative path a line. */
  public static final String INDEX = "dev/kesgen/chart/kes.index";

  private KesChart() {}

  /** Every file of the chart by its path inside the chart, for example {@code templates/deployment.yaml}. */
  public static SortedMap<String, byte[]> files() throws IOException {
    ClassLoader loader = KesChart.class.getClassLoader();
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String name : read(loader, INDEX).split("\n")) {
      if (!name.isBlank()) {
        files.put(name.strip(), readBytes(loader, RESOURCE_ROOT + name.strip()));
      }
    }
    return Collections.unmodifiableSortedMap(files);
  }

  /** Copies the chart into {@code directory}, which must not exist yet or be empty (for a temporary copy). */
  public static void copyTo(Path directory) throws IOException {
    for (var file : files().entrySet()) {
      Path target = directory.resolve(file.getKey()).normalize();
      if (!target.startsWith(directory.normalize())) {
        throw new IOException("chart file outside the chart: " + file.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  private static String read(ClassLoader loader, String resource) throws IOException {
    return new String(readBytes(loader, resource), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(ClassLoader loader, String resource) throws IOException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the KES chart file " + resource + " is missing from kesgen-core's class path");
      }
      return in.readAllBytes();
    }
  }
}

package dev.kesgen;

import dev.kesgen.topology.TopologyException;
import dev.kesgen.chart.KesChart;
import dev.kesgen.output.FileContent;
import dev.kesgen.output.OutputDirectory;
import dev.kesgen.output.OutputException;
import dev.kesgen.output.WriteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one entry point of the kesgen library: compiles a topology into Vault, KES, MinIO and Helm files and
 * certificates, or checks committed output against it.
 *
 * <pre>{@code
 * GenerateResult result = Kesgen.generate(GenerateRequest.of(Path.of("topology.yaml")));
 * result.written().forEach(f -> System.out.println("wrote " + f));
 * }</pre>
 */
public final class Kesgen {
  private Kesgen() {}

  /**
   * Loads the topology, keeps or issues certificates, renders every file and writes what changed. Nothing is
   * written when the topology or a template is wrong.
   */
  public static GenerateResult generate(GenerateRequest request) throws TopologyException, KesgenException {
    return new Generator(request).generate();
  }

  /**
   * Writes the KES Helm chart of this kesgen version into {@code directory} (for example {@code charts/kes} of an
   * infrastructure repository), with the same safety as generated output: unchanged files are not touched, files
   * an earlier version wrote that this one does not are deleted ({@code .kesgen-manifest} keeps the list).
   */
  public static GenerateResult writeChart(Path directory) throws KesgenException {
    try {
      SortedMap<String, FileContent> files = new TreeMap<>();
      KesChart.files().forEach((name, bytes) -> files.put(name, new FileContent(bytes)));
      WriteResult written = new OutputDirectory(directory).write(files);
      return new GenerateResult(written.written(), written.kept(), written.deleted(), List.of(),
          List.of("KES chart in " + directory), List.of());
    } catch (IOException | OutputException e) {
      throw new KesgenException("cannot write the KES chart to " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Compares committed output with what {@link #generate} would write, checks certificate expiry (within each
   * certificate's renewBefore, or within {@code failOnExpiringWithin} when given) and looks for secrets in the
   * output directory. Writes nothing and issues nothing.
   */
  public static CheckResult check(GenerateRequest request, Optional<Duration> failOnExpiringWithin)
      throws TopologyException, KesgenException {
    return new Generator(request).check(failOnExpiringWithin);
  }
}

package dev.kesgen;

import dev.kesgen.topology.TopologyException;
import java.time.Duration;
import java.util.Optional;

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
   * Compares committed output with what {@link #generate} would write, checks certificate expiry (within each
   * certificate's renewBefore, or within {@code failOnExpiringWithin} when given) and looks for secrets in the
   * output directory. Writes nothing and issues nothing.
   */
  public static CheckResult check(GenerateRequest request, Optional<Duration> failOnExpiringWithin)
      throws TopologyException, KesgenException {
    return new Generator(request).check(failOnExpiringWithin);
  }
}

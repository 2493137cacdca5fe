package dev.kesgen;

import java.nio.file.Path;

/** Run by {@link UmaskTest} in a JVM started under {@code umask 000} or {@code 077}: one generate into the given directories. */
public final class UmaskProbe {
  private UmaskProbe() {}

  /** Arguments: topology, output directory, secrets directory. */
  public static void main(String[] args) throws Exception {
    Kesgen.generate(GenerateRequest.of(Path.of(args[0])).withOutputDirectory(Path.of(args[1]))
        .withSecretsDirectory(Path.of(args[2])).withClock(Golden.CLOCK));
  }
}

package dev.kesgen;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to generate from: the topology file, where output and secrets go, optional template overrides, the clock
 * that decides renewals, and which certificates to rotate.
 *
 * @param topology the topology file
 * @param outputDirectory where the committed output goes (default {@code generated/} beside the topology)
 * @param secretsDirectory where private keys and Secret manifests go (default {@code secrets/} beside the topology)
 * @param templateDirectory a directory whose templates override the embedded ones by file name
 * @param clock the time certificates are issued and renewed at
 * @param rotate certificates to reissue with new keys: an instance name ({@code dev}, its server certificate),
 *     {@code <instance>/<tenant>} (a tenant's client certificate), {@code <instance>:provisioner}, or {@code all}
 *     (see {@link dev.kesgen.layout.CertificateId#rotationName()})
 * @param projectDirectory the directory commands are pasted in (the repository root: Maven's project directory,
 *     the command line's working directory): the committed values' {@code helm upgrade --install} lines and the next
 *     steps name the output and secrets directories relative to it (default: the topology's directory)
 */
public record GenerateRequest(
    Path topology,
    Path outputDirectory,
    Path secretsDirectory,
    Optional<Path> templateDirectory,
    Clock clock,
    Set<String> rotate,
    Path projectDirectory) {
  /** Rotation of every certificate. */
  public static final String ROTATE_ALL = dev.kesgen.layout.CertificateId.ROTATE_ALL;

  public GenerateRequest {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(secretsDirectory, "secretsDirectory");
    Objects.requireNonNull(templateDirectory, "templateDirectory");
    Objects.requireNonNull(clock, "clock");
    rotate = Set.copyOf(new TreeSet<>(rotate));
    Objects.requireNonNull(projectDirectory, "projectDirectory");
  }

  /** A request whose project directory is the topology's directory. */
  public GenerateRequest(Path topology, Path outputDirectory, Path secretsDirectory, Optional<Path> templateDirectory,
      Clock clock, Set<String> rotate) {
    this(topology, outputDirectory, secretsDirectory, templateDirectory, clock, rotate,
        topology.toAbsolutePath().getParent());
  }

  /** A request with the defaults: {@code generated/} and {@code secrets/} beside the topology, the system clock. */
  public static GenerateRequest of(Path topology) {
    Path base = topology.toAbsolutePath().getParent();
    return new GenerateRequest(topology, base.resolve("generated"), base.resolve("secrets"), Optional.empty(),
        Clock.systemUTC(), Set.of());
  }

  public GenerateRequest withOutputDirectory(Path directory) {
    return new GenerateRequest(topology, directory, secretsDirectory, templateDirectory, clock, rotate,
        projectDirectory);
  }

  public GenerateRequest withSecretsDirectory(Path directory) {
    return new GenerateRequest(topology, outputDirectory, directory, templateDirectory, clock, rotate,
        projectDirectory);
  }

  public GenerateRequest withTemplateDirectory(Path directory) {
    return new GenerateRequest(topology, outputDirectory, secretsDirectory, Optional.ofNullable(directory), clock,
        rotate, projectDirectory);
  }

  public GenerateRequest withClock(Clock newClock) {
    return new GenerateRequest(topology, outputDirectory, secretsDirectory, templateDirectory, newClock, rotate,
        projectDirectory);
  }

  public GenerateRequest withRotate(Set<String> names) {
    return new GenerateRequest(topology, outputDirectory, secretsDirectory, templateDirectory, clock, names,
        projectDirectory);
  }

  public GenerateRequest withProjectDirectory(Path directory) {
    return new GenerateRequest(topology, outputDirectory, secretsDirectory, templateDirectory, clock, rotate,
        directory);
  }
}

package dev.kesgen.maven;

import dev.kesgen.ConfigurationException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.KesgenException;
import dev.kesgen.report.Messages;
import dev.kesgen.topology.TopologyException;
import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters that generate, check and rotate share, and how they become a {@link GenerateRequest}. */
abstract class AbstractKesgenMojo extends AbstractMojo {
  /** The topology file; a relative path resolves against the project directory (or the current directory). */
  @Parameter(property = "kesgen.topology", defaultValue = "${basedir}/topology.yaml")
  File topology;

  /** Where the committed output goes: Vault policies, KES configuration, Helm values, certificates. */
  @Parameter(property = "kesgen.outputDirectory", defaultValue = "${basedir}/generated")
  File outputDirectory;

  /** Where private keys and Secret manifests go; keep it out of version control. */
  @Parameter(property = "kesgen.secretsDirectory", defaultValue = "${basedir}/secrets")
  File secretsDirectory;

  /** A directory whose templates override the embedded ones with the same relative name (e.g. vault/policy.hcl.hbs). */
  @Parameter(property = "kesgen.templateDirectory")
  File templateDirectory;

  /**
   * The project directory (the current directory without a project): the values' {@code helm upgrade --install}
   * lines and the next steps name the output and secrets directories relative to it.
   */
  @Parameter(defaultValue = "${basedir}", readonly = true)
  File basedir;

  /**
   * Fails the build on every warning the topology does not acknowledge ({@code acknowledge: [{id, reason}]} in the
   * topology); generate then writes nothing. Used by generate, check and plan.
   */
  @Parameter(property = "kesgen.strict", defaultValue = "false")
  boolean strict;

  /** Skips the goal. */
  @Parameter(property = "kesgen.skip", defaultValue = "false")
  boolean skip;

  /**
   * TEST ONLY: an ISO-8601 instant (for example {@code 2026-01-01T00:00:00Z}) used instead of the system clock to
   * issue, renew and check certificates. It exists for tests and for reproducing a past run; never set it in a
   * real build, or certificates are issued for the wrong time.
   */
  @Parameter(property = "kesgen.clock")
  String clock;

  /** The request these parameters describe. */
  GenerateRequest request() throws MojoFailureException {
    return new GenerateRequest(topology.toPath(), outputDirectory.toPath(), secretsDirectory.toPath(),
        Optional.ofNullable(templateDirectory).map(File::toPath), clock(), Set.of(),
        (basedir == null ? new File("") : basedir).toPath().toAbsolutePath());
  }

  /** Fails the build when {@code strict} is set and a warning is not acknowledged; {@code after} ends the message. */
  void strict(java.util.List<dev.kesgen.warning.Warning> warnings, String after) throws MojoFailureException {
    if (strict) {
      Optional<String> refusal = dev.kesgen.warning.Warnings.strictRefusal(warnings, "kesgen.strict");
      if (refusal.isPresent()) {
        throw new MojoFailureException(refusal.get() + after);
      }
    }
  }

  /** Whether to skip, saying so in the log. */
  boolean skipped() {
    if (skip) {
      getLog().info("kesgen: skipped (kesgen.skip)");
    }
    return skip;
  }

  /**
   * A topology that cannot be used fails the build listing every problem, each as file:line:column; one that cannot
   * be read at all (missing, not a regular file) is the environment's, an execution error, as the command line's
   * exit 3.
   */
  static void fail(TopologyException e) throws MojoFailureException, MojoExecutionException {
    MojoFailureException failure = failure(e);
    if (e.unreadable()) {
      throw new MojoExecutionException(failure.getMessage());
    }
    throw failure;
  }

  /** A build failure listing every problem of the topology, each as file:line:column. */
  static MojoFailureException failure(TopologyException e) {
    // No cause: Maven appends a cause's message to the failure, which would print every problem twice.
    return new MojoFailureException(Messages.topologyProblems(e));
  }

  /**
   * The failure a library error becomes: a mistake the user can fix fails the build ({@code MojoFailureException});
   * a file-system problem or a bug is an execution error ({@code MojoExecutionException}).
   */
  static Exception failure(KesgenException e) {
    if (e instanceof ConfigurationException) {
      return new MojoFailureException(e.getMessage(), e);
    }
    return new MojoExecutionException(e.getMessage(), e);
  }

  /** {@link #failure(KesgenException)}, thrown. */
  static void fail(KesgenException e) throws MojoFailureException, MojoExecutionException {
    Exception failure = failure(e);
    if (failure instanceof MojoFailureException f) {
      throw f;
    }
    throw (MojoExecutionException) failure;
  }

  private Clock clock() throws MojoFailureException {
    if (clock == null || clock.isBlank()) {
      return Clock.systemUTC();
    }
    try {
      Instant now = Instant.parse(clock.trim());
      getLog().warn("kesgen.clock is set: using the fixed time " + now + " instead of the system clock (tests only)");
      return Clock.fixed(now, ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new MojoFailureException("kesgen.clock '" + clock + "' is not an ISO-8601 instant like 2026-01-01T00:00:00Z");
    }
  }
}

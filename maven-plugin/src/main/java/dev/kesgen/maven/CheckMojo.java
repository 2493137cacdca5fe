package dev.kesgen.maven;

import dev.kesgen.CheckResult;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenException;
import dev.kesgen.report.Messages;
import dev.kesgen.topology.TopologyException;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the committed output differs from what generate would write, a certificate expires soon, a
 * secret lies in the output directory or the topology is invalid. Writes nothing; the goal for pull-request CI.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public final class CheckMojo extends AbstractKesgenMojo {
  /**
   * Fail when a certificate expires within this time ({@code <n>s}, {@code <n>m}, {@code <n>h} or {@code <n>d}, for
   * example {@code 30d}) instead of within each certificate's own renewBefore.
   */
  @Parameter(property = "kesgen.failOnExpiringWithin")
  String failOnExpiringWithin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    Optional<Duration> limit = DurationParameter.parse("kesgen.failOnExpiringWithin", failOnExpiringWithin);
    CheckResult result = null;
    try {
      result = Kesgen.check(request(), limit);
    } catch (TopologyException e) {
      throw failure(e);
    } catch (KesgenException e) {
      fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen check failed unexpectedly: " + e, e);
    }
    if (!result.passed()) {
      throw new MojoFailureException(Messages.checkFound(
          result.findings().stream().map(CheckResult.Finding::toString).toList(), "kesgen:generate (or kesgen:rotate)"));
    }
    getLog().info(Messages.CHECK_PASSED);
  }
}

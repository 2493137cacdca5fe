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
      result = Kesgen.check(request(), limit, ResultLog.warningsOnly(getLog()));
    } catch (TopologyException e) {
      fail(e);
    } catch (KesgenException e) {
      fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen check failed unexpectedly (a bug in kesgen; mvn -e shows where): "
          + dev.kesgen.files.Failures.describe(e), e);
    }
    if (!result.passed()) {
      throw new MojoFailureException(Messages.checkFound(
          result.findings().stream().map(this::located).toList(), "kesgen:generate (or kesgen:rotate)"));
    }
    strict(result.warnings(), "");
    getLog().info(Messages.CHECK_PASSED);
  }

  /** A finding named as the command line names it: the file with the output directory in front. */
  private String located(CheckResult.Finding finding) {
    return dev.kesgen.layout.HelmCommands.path(dev.kesgen.layout.HelmCommands.directoryName(
        (basedir == null ? new java.io.File("") : basedir).toPath(), outputDirectory.toPath()), finding.subject())
        + ": " + finding.message();
  }
}

package dev.kesgen.maven;

import dev.kesgen.Kesgen;
import dev.kesgen.KesgenException;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.topology.TopologyException;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what generate would change (+ add, ~ change, - delete) and what it means, destructive changes marked; writes
 * nothing. With {@code against}, compares with another output directory, such as the base branch's in a pull request.
 */
@Mojo(name = "plan", requiresProject = false, threadSafe = true)
public final class PlanMojo extends AbstractKesgenMojo {
  /** Another output directory to compare with instead of {@code outputDirectory} (read only). */
  @Parameter(property = "kesgen.against")
  File against;

  /** Fails the build when the plan has a destructive change. */
  @Parameter(property = "kesgen.failOnDestructive", defaultValue = "false")
  boolean failOnDestructive;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    ResultLog log = new ResultLog(getLog());
    try {
      Plan plan = Kesgen.plan(request(), ResultLog.warningsOnly(getLog()));
      ChangeSet changes = against == null ? Kesgen.changes(plan) : Kesgen.changes(plan, against.toPath());
      log.plan(changes, Integer.MAX_VALUE);
      if (failOnDestructive && !changes.destructive().isEmpty()) {
        throw new MojoFailureException(changes.refusal(false));
      }
      strict(plan.warnings(), "");
    } catch (TopologyException e) {
      fail(e);
    } catch (KesgenException e) {
      fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen plan failed unexpectedly (a bug in kesgen; mvn -e shows where): "
          + dev.kesgen.files.Failures.describe(e), e);
    }
  }
}

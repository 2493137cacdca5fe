package dev.kesgen.maven;

import dev.kesgen.CheckResult;
import dev.kesgen.ContinuousIntegration;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenException;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.topology.TopologyException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates Vault policies, KES configuration, Helm values and certificates from the topology; writes only changes.
 * Where the environment variable {@code CI} is set it writes nothing and fails when the committed output is stale.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false, threadSafe = true)
public final class GenerateMojo extends AbstractKesgenMojo {
  /**
   * Writes nothing and fails when the plan has a destructive change: a key or tenant removed (data becomes unreadable
   * to it, or objects stay behind), an instance removed, a KES server certificate renewed (every tenant's MinIO
   * restarts).
   */
  @Parameter(property = "kesgen.failOnDestructive", defaultValue = "false")
  boolean failOnDestructive;

  static final String WRITE_IN_CI = "-Dkesgen.writeInCi=true";

  /**
   * Write even where the environment variable {@code CI} is set. Without it, generate in CI only compares the
   * committed output with what it would write and fails when they differ, so a build that binds generate before
   * check cannot pass on output nobody committed (and issue keys on the runner nobody keeps).
   */
  @Parameter(property = "kesgen.writeInCi", defaultValue = "false")
  boolean writeInCi;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    ResultLog log = new ResultLog(getLog());
    try {
      boolean ci = ContinuousIntegration.detected(System.getenv());
      if (ci && writeInCi) {
        getLog().info("kesgen: CI is set and kesgen.writeInCi is true: generate writes");
      } else if (ci) {
        getLog().info("kesgen: " + ContinuousIntegration.notice(WRITE_IN_CI));
        // only the warnings: a comparison issues nothing, so "issued" lines would mislead
        CheckResult compared = ContinuousIntegration.compare(request(), WRITE_IN_CI, event -> {
          if (event instanceof KesgenEvent.Warning warning) {
            getLog().warn(warning.message());
          }
        });
        strict(compared.warnings(), "");
        getLog().info("kesgen: the committed output is up to date; nothing written");
        return;
      }
      Plan plan = Kesgen.plan(request(), log);
      ChangeSet changes = Kesgen.changes(plan);
      log.plan(changes);
      if (failOnDestructive && !changes.destructive().isEmpty()) {
        throw new MojoFailureException(changes.refusal(true));
      }
      strict(plan.warnings(), "\nNothing written.");
      java.util.List<String> steps = Kesgen.nextSteps(plan, changes);
      log.finished(Kesgen.write(plan, log));
      log.nextSteps(steps);
    } catch (TopologyException e) {
      fail(e);
    } catch (KesgenException e) {
      fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen generate failed unexpectedly (a bug in kesgen; mvn -e shows where): "
          + dev.kesgen.files.Failures.describe(e), e);
    }
  }
}

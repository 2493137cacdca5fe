package dev.kesgen.maven;

import dev.kesgen.Kesgen;
import dev.kesgen.KesgenException;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.topology.TopologyException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Generates Vault policies, KES configuration, Helm values and certificates from the topology; writes only changes. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false, threadSafe = true)
public final class GenerateMojo extends AbstractKesgenMojo {
  /**
   * Writes nothing and fails when the plan has a destructive change: a key or tenant removed (data becomes unreadable
   * to it, or objects stay behind), an instance removed, a KES server certificate renewed (every tenant's MinIO
   * restarts).
   */
  @Parameter(property = "kesgen.failOnDestructive", defaultValue = "false")
  boolean failOnDestructive;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    ResultLog log = new ResultLog(getLog());
    try {
      Plan plan = Kesgen.plan(request(), log);
      ChangeSet changes = Kesgen.changes(plan);
      log.plan(changes);
      if (failOnDestructive && !changes.destructive().isEmpty()) {
        throw new MojoFailureException(changes.refusal(true));
      }
      log.finished(Kesgen.write(plan, log));
    } catch (TopologyException e) {
      throw failure(e);
    } catch (KesgenException e) {
      fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen generate failed unexpectedly: " + e, e);
    }
  }
}

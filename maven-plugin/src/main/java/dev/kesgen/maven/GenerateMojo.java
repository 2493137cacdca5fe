package dev.kesgen.maven;

import dev.kesgen.Kesgen;
import dev.kesgen.KesgenException;
import dev.kesgen.topology.TopologyException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Generates Vault policies, KES configuration, Helm values and certificates from the topology; writes only changes. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false, threadSafe = true)
public final class GenerateMojo extends AbstractKesgenMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    ResultLog log = new ResultLog(getLog());
    try {
      log.finished(Kesgen.write(Kesgen.plan(request(), log), log));
    } catch (TopologyException e) {
      throw failure(e);
    } catch (KesgenException e) {
      fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen generate failed unexpectedly: " + e, e);
    }
  }
}

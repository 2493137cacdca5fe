package dev.kesgen.maven;

import dev.kesgen.CertificateReport;
import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenException;
import dev.kesgen.Plan;
import dev.kesgen.change.ChangeSet;
import dev.kesgen.report.RunLog;
import dev.kesgen.topology.TopologyException;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reissues the named certificates with new keys, regenerates, and reports every KES identity that changed. */
@Mojo(name = "rotate", requiresProject = false, threadSafe = true)
public final class RotateMojo extends AbstractKesgenMojo {
  /**
   * What to reissue, comma-separated: an instance ({@code dev}, its KES server certificate), a tenant
   * ({@code dev/gecko}, its client certificate), a provisioner ({@code dev:provisioner}), or {@code all}.
   */
  @Parameter(property = "kesgen.rotate", required = true)
  String rotate;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    Set<String> names = RotateList.parse("kesgen.rotate", rotate);
    try {
      ResultLog log = new ResultLog(getLog());
      Plan plan = Kesgen.plan(request().withRotate(names), log);
      ChangeSet changes = Kesgen.changes(plan);
      log.plan(changes);
      java.util.List<String> steps = Kesgen.nextSteps(plan, changes);
      GenerateResult result = Kesgen.write(plan, log);
      log.finished(result);
      for (CertificateReport changed : result.changedIdentities()) {
        getLog().info(RunLog.identityChanged(changed));
      }
      log.nextSteps(steps);
    } catch (TopologyException e) {
      fail(e);
    } catch (KesgenException e) {
      fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen rotate failed unexpectedly (a bug in kesgen; mvn -e shows where): "
          + dev.kesgen.files.Failures.describe(e), e);
    }
  }
}

package dev.kesgen.maven;

import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenException;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the KES Helm chart of this kesgen version (the chart the generated {@code kes/<instance>/values.yaml}
 * files are for) into {@code chartDirectory}, to commit beside the output: unchanged files are not touched and
 * files an older kesgen wrote that this one does not are deleted.
 */
@Mojo(name = "chart", requiresProject = false, threadSafe = true)
public final class ChartMojo extends AbstractMojo {
  /** Where the chart goes; {@code helm upgrade --install ... <chartDirectory>} installs it. */
  @Parameter(property = "kesgen.chartDirectory", defaultValue = "${basedir}/charts/kes")
  private File chartDirectory;

  /** Skips the goal. */
  @Parameter(property = "kesgen.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("kesgen: skipped (kesgen.skip)");
      return;
    }
    try {
      GenerateResult result = Kesgen.writeChart(chartDirectory.toPath());
      getLog().info("KES chart in " + chartDirectory + ": files written " + result.written().size() + ", kept "
          + result.kept().size() + ", deleted " + result.deleted().size());
    } catch (KesgenException e) {
      AbstractKesgenMojo.fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen failed unexpectedly (a bug in kesgen; mvn -e shows where): "
          + dev.kesgen.files.Failures.describe(e), e);
    }
  }
}

package dev.kesgen.maven;

import dev.kesgen.EnvironmentException;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenException;
import dev.kesgen.live.LivePlan;
import dev.kesgen.topology.TopologyException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Compares the Vault objects the topology generates with a live Vault or OpenBao ({@code VAULT_ADDR},
 * {@code VAULT_TOKEN}, {@code VAULT_NAMESPACE}, {@code VAULT_CACERT}, or their {@code BAO_} names), reading only, and
 * logs one line per object. Fails the build on drift; an unreachable Vault, a refused token or an object the token
 * cannot read is an execution error.
 */
@Mojo(name = "vault-plan", requiresProject = false, threadSafe = true)
public final class VaultPlanMojo extends AbstractKesgenMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    LivePlan plan = null;
    try {
      plan = Kesgen.vaultPlan(request(), System.getenv(), ResultLog.warningsOnly(getLog()));
    } catch (TopologyException e) {
      throw failure(e);
    } catch (EnvironmentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (KesgenException e) {
      fail(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("kesgen vault-plan failed unexpectedly: " + e, e);
    }
    plan.lines().forEach(getLog()::info);
    if (plan.drifted()) {
      throw new MojoFailureException("Vault differs from what the topology generates (" + plan.summary() + "): review"
          + " the plan, then run generated/vault/apply.sh or change the topology");
    }
    if (plan.incomplete()) {
      throw new MojoExecutionException("The token could not read every object, so Vault is not known to be in sync ("
          + plan.summary() + "): give it the policy in generated/vault/policies/kesgen-vault-plan.hcl");
    }
  }
}

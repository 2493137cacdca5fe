package dev.kesgen.cli;

import dev.kesgen.ConfigurationException;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.live.LiveObject;
import dev.kesgen.live.LivePlan;
import dev.kesgen.topology.TopologyException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kesgen vault plan}: the Vault objects the topology generates compared with a live Vault or OpenBao, read
 * only, like {@code terraform plan}. Exit 0 in sync, 1 drift (or the inputs are wrong, as for check), 3 Vault
 * cannot be reached, refuses the token, or an object cannot be read.
 */
@Command(name = "plan", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Compares the policies, AppRole roles and mounts the topology generates with a live Vault or "
        + "OpenBao (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE, VAULT_CACERT, or their BAO_ names), reading only. "
        + "One line per object: in sync, will change, missing, not managed, unreadable.",
        "Exit 0 in sync; 1 drift; 3 Vault cannot be reached or refuses the token, or an object cannot be read."})
final class VaultPlanCommand extends Subcommand {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (the plan on standard output) or json (one document on standard output).")
  Format format;

  @Mixin
  RunOptions options;

  @Override
  int run(Console console) throws Exception {
    boolean json = format == Format.JSON;
    GenerateRequest request = options.request(console);
    List<dev.kesgen.warning.Warning> warnings = new ArrayList<>();
    KesgenListener listener = event -> {
      if (event instanceof KesgenEvent.Warning w) {
        warnings.add(w.warning());
        if (!json) {
          console.warn(w.message());
        }
      }
    };
    LivePlan plan;
    try {
      plan = Kesgen.vaultPlan(request, System.getenv(), listener);
    } catch (TopologyException | ConfigurationException e) {
      if (!json) {
        throw e;
      }
      Report.json(console, e instanceof TopologyException t ? t.problems().stream().map(Finding::of).toList()
          : List.of(Finding.configuration(e.getMessage())), warnings, null);
      return ExitCodes.FINDINGS;
    } catch (Exception e) {
      int code = failed(console, e);
      if (json) {
        Report.json(console, List.of(), warnings, e.getMessage());
      }
      return code;
    }
    int code = plan.exitCode(); // FINDINGS for drift, ENVIRONMENT for an unreadable object
    if (json) {
      console.result(json(plan, warnings));
      return code;
    }
    plan.lines().forEach(console::info);
    if (plan.drifted()) {
      console.error("Vault differs from what the topology generates: review the plan, then run"
          + " generated/vault/apply.sh or change the topology (objects not managed are deleted by hand)");
    } else if (plan.incomplete()) {
      console.error("the token could not read every object, so Vault is not known to be in sync: give it the policy"
          + " in generated/vault/policies/kesgen-vault-plan.hcl");
    }
    return code;
  }

  /**
   * {@code {"ok":..,"vault":..,"summary":..,"counts":{"in_sync":N,..},"objects":[{"kind":..,"name":..,"path":..,
   * "status":..,"changes":[..],"notes":[..]}],"warnings":[..]}}.
   */
  static String json(LivePlan plan, List<dev.kesgen.warning.Warning> warnings) {
    return "{\"ok\":" + plan.inSync() + ",\"vault\":" + Json.string(plan.vault())
        + ",\"summary\":" + Json.string(plan.summary())
        + ",\"counts\":{" + plan.counts().entrySet().stream()
            .map(e -> Json.string(e.getKey().json()) + ":" + e.getValue()).collect(Collectors.joining(",")) + "}"
        + ",\"objects\":[" + plan.objects().stream().map(VaultPlanCommand::json).collect(Collectors.joining(",")) + "]"
        + ",\"warnings\":" + Report.warnings(warnings) + "}";
  }

  private static String json(LiveObject o) {
    return "{\"kind\":" + Json.string(o.kind().json()) + ",\"name\":" + Json.string(o.name())
        + ",\"path\":" + Json.string(o.path()) + ",\"status\":" + Json.string(o.status().json())
        + ",\"changes\":[" + o.changes().stream().map(Json::string).collect(Collectors.joining(",")) + "]"
        + ",\"notes\":[" + o.notes().stream().map(Json::string).collect(Collectors.joining(",")) + "]}";
  }
}

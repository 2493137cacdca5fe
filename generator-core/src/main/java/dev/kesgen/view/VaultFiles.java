package dev.kesgen.view;

import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.Vault;
import dev.kesgen.vault.AppRoleRole;
import dev.kesgen.vault.VaultPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plans the Vault files: one policy and AppRole per instance, the apply script and a bootstrap script each. */
public final class VaultFiles {
  private VaultFiles() {}

  /** The Secret the bootstrap script creates and the KES chart reads the AppRole credentials from. */
  public static String approleSecretName(Instance instance) {
    return "kes-" + instance.name() + "-approle";
  }

  static Map<String, Object> vault(Vault vault) {
    return Ctx.of()
        .put("endpoint", vault.endpoint().toString())
        .put("namespace", vault.namespace())
        .put("kvMount", vault.kv().mount())
        .put("kvVersion", vault.kv().version())
        .put("approleMount", vault.approle().mount())
        .map();
  }

  static Map<String, Object> instance(Instance instance) {
    return Ctx.of()
        .put("name", instance.name())
        .put("namespace", instance.namespace())
        .put("vaultName", instance.vaultName())
        .map();
  }

  /** Every Vault file of the topology. */
  public static List<PlannedFile> plan(Topology topology, String header) {
    Vault vault = topology.vault();
    List<PlannedFile> files = new ArrayList<>();
    List<Map<String, Object>> instances = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      VaultPolicy policy = VaultPolicy.of(vault, instance);
      List<Map<String, Object>> rules = policy.rules().stream()
          .map(r -> Ctx.of().put("path", r.pattern()).put("capabilities", r.capabilities()).map())
          .toList();
      files.add(PlannedFile.rendered("vault/policies/" + instance.vaultName() + ".hcl", "vault/policy.hcl.hbs", Ctx.of()
          .put("header", header)
          .put("vault", vault(vault))
          .put("instance", instance(instance))
          .put("keyPath", VaultPolicy.keyLocation(vault, instance))
          .put("rules", rules)
          .map()));
      AppRoleRole role = AppRoleRole.of(vault, instance);
      files.add(PlannedFile.rendered("vault/approles/" + instance.vaultName() + ".json", "vault/approle.json.hbs",
          Ctx.of().put("header", header).put("instance", instance(instance)).put("role", role.parameters()).map()));
      String rolePath = "auth/" + vault.approle().mount() + "/role/" + instance.vaultName();
      files.add(PlannedFile.rendered("vault/bootstrap-" + instance.name() + ".sh", "vault/bootstrap.sh.hbs", Ctx.of()
          .put("header", header)
          .put("vault", vault(vault))
          .put("instance", instance(instance))
          .put("secretName", approleSecretName(instance))
          .put("roleIdPath", rolePath + "/role-id")
          .put("secretIdPath", rolePath + "/secret-id")
          .put("accessorsPath", rolePath + "/secret-id")
          .put("destroyPath", rolePath + "/secret-id-accessor/destroy")
          .map()));
      instances.add(Ctx.of()
          .put("name", instance.name())
          .put("namespace", instance.namespace())
          .put("vaultName", instance.vaultName())
          .put("policyFile", "policies/" + instance.vaultName() + ".hcl")
          .put("approleFile", "approles/" + instance.vaultName() + ".json")
          .put("approlePath", rolePath)
          .map());
    }
    files.add(PlannedFile.rendered("vault/apply.sh", "vault/apply.sh.hbs", Ctx.of()
        .put("header", header)
        .put("vault", vault(vault))
        .put("approleMountKey", "\"" + vault.approle().mount() + "/\"")
        .put("kvMountKey", "\"" + vault.kv().mount() + "/\"")
        .put("kvOptionsPath", "sys/internal/ui/mounts/" + vault.kv().mount())
        .put("instances", instances)
        .map()));
    return files;
  }
}

package dev.kesgen.engine;

import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.Vault;
import dev.kesgen.vault.AppRoleRole;
import dev.kesgen.vault.InstanceRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the Vault scripts write, proven against the files kesgen proves: {@code vault/apply.sh} writes each instance's
 * policy file to the policy {@code kes-<i>} ({@code sys/policies/acl/kes-<i>}) and its AppRole file to
 * {@code auth/<mount>/role/kes-<i>}, once each, and nothing else; {@code vault/bootstrap-<i>.sh} touches only its own
 * role's role id and secret ids and only its own AppRole Secret. Every command that runs the Vault CLI is read
 * ({@link ShellCommands}, command substitutions included); one whose path is computed at run time, or a command kesgen
 * cannot follow ({@code eval} of other text, {@code curl}, another shell), is refused, as not proven.
 */
final class ScriptCheck {
  /** Commands whose effect on Vault or the cluster cannot be read from the script. */
  private static final Set<String> OPAQUE = Set.of("eval", "sh", "bash", "dash", "zsh", "exec", "source", ".",
      "curl", "wget", "nc", "xargs", "env", "sudo", "command");
  /** The only {@code eval} arguments the shipped scripts have (the environment preamble), as written. */
  private static final Set<String> SHIPPED_EVALS = Set.of(
      "\"kesgen_value=\\${VAULT_$kesgen_name:-\\${BAO_$kesgen_name:-}}\"",
      "\"VAULT_$kesgen_name=\\$kesgen_value BAO_$kesgen_name=\\$kesgen_value\"");
  /**
   * Variables that decide where the CLI sends its token, whom it trusts, or which program runs: kesgen's scripts take
   * them from the environment (the namespace excepted, which they set to the topology's).
   */
  private static final Set<String> STEERING = Set.of("VAULT_ADDR", "BAO_ADDR", "VAULT_TOKEN", "BAO_TOKEN",
      "VAULT_CACERT", "BAO_CACERT", "VAULT_CAPATH", "BAO_CAPATH", "VAULT_SKIP_VERIFY", "BAO_SKIP_VERIFY",
      "VAULT_TLS_SERVER_NAME", "BAO_TLS_SERVER_NAME", "VAULT_CLIENT_CERT", "BAO_CLIENT_CERT", "VAULT_CLIENT_KEY",
      "BAO_CLIENT_KEY", "VAULT_AGENT_ADDR", "BAO_AGENT_ADDR", "VAULT_HTTP_PROXY", "VAULT_PROXY_ADDR", "HTTP_PROXY",
      "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "KESGEN_VAULT_CLI", "PATH", "KUBECONFIG",
      "VAULT_NAMESPACE", "BAO_NAMESPACE", "vault_cli");
  /** The CLI choice of the shipped preamble, as written. */
  private static final Set<String> SHIPPED_CLI = Set.of("vault_cli=$KESGEN_VAULT_CLI", "vault_cli=vault",
      "vault_cli=bao");
  /** The only options the bootstrap script passes the CLI. */
  private static final Set<String> BOOTSTRAP_OPTIONS = Set.of("-format=json", "-field=role_id", "-field=secret_id",
      "-f");
  private static final Set<String> KEYWORDS = Set.of("if", "then", "elif", "else", "fi", "while", "until", "do",
      "done", "!", "{", "}", "time");

  private ScriptCheck() {}

  /** What the apply script and every bootstrap script break; an absent file is skipped. */
  static List<Finding> of(Topology topology, Function<String, Optional<String>> texts) {
    List<Finding> findings = new ArrayList<>();
    texts.apply(OutputLayout.VAULT_APPLY).ifPresent(text -> readable(text, t -> apply(topology, t))
        .forEach(m -> findings.add(new Finding(Finding.Kind.ACCESS, OutputLayout.VAULT_APPLY, m))));
    for (Instance instance : topology.instances()) {
      String file = OutputLayout.vaultBootstrap(instance);
      texts.apply(file).ifPresent(text -> readable(text, t -> bootstrap(topology, instance, t))
          .forEach(m -> findings.add(new Finding(Finding.Kind.ACCESS, file, m))));
    }
    return findings;
  }

  private static List<String> readable(String text, Function<String, List<String>> proof) {
    try {
      return proof.apply(text);
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage() + ", so what it writes is not proven");
    }
  }

  private static List<String> apply(Topology topology, String text) {
    List<String> out = new ArrayList<>();
    Map<String, Instance> byPolicy = new HashMap<>();
    Map<String, Instance> byRole = new HashMap<>();
    topology.instances().forEach(i -> {
      byPolicy.put(i.vaultName(), i);
      byRole.put(InstanceRole.of(topology.vault(), i).path(), i);
    });
    Map<String, Integer> policies = new HashMap<>();
    Map<String, Integer> roles = new HashMap<>();
    String mount = topology.vault().approle().mount();
    String kv = topology.vault().kv().mount();
    // the kubernetes auth method and its configuration, where an instance or External Secrets Operator logs in with it
    Optional<String> kubernetes = topology.kubernetesAuth().map(Vault.Kubernetes::mount);
    String kubernetesConfig = kubernetes.map(k -> "auth/" + k + "/config").orElse("");
    boolean configWritten = false;
    for (ShellCommands.Command c : ShellCommands.of(text)) {
      environment(topology, c, out);
      List<ShellCommands.Word> w = words(c);
      if (w.isEmpty() || !vaultCli(w.get(0))) {
        opaque(c, w, out);
        continue;
      }
      String at = "line " + c.line() + ": ";
      List<String> args = args(w);
      String verb = args.isEmpty() ? "" : args.get(0);
      if (!literal(w, at, out)) {
        continue;
      }
      if (verb.equals("policy") && args.size() == 4 && args.get(1).equals("write")) {
        Instance instance = byPolicy.get(args.get(2));
        if (instance == null || !args.get(3).equals(OutputLayout.vaultPolicyFromVaultDirectory(instance))) {
          out.add(at + "writes the policy " + args.get(2) + " from " + args.get(3) + "; it may write only an"
              + " instance's policy kes-<instance> from its file policies/kes-<instance>.hcl, which kesgen proves");
        } else if (policies.put(instance.name(), c.line()) != null) {
          out.add(at + "writes the policy " + args.get(2) + " a second time");
        }
      } else if (kubernetes.isPresent() && verb.equals("write") && args.size() == 3
          && args.get(1).equals(kubernetesConfig) && args.get(2).equals("-") && c.stdin().isPresent()) {
        if (!c.stdin().get().literal()
            || !c.stdin().get().text().equals(OutputLayout.VAULT_KUBERNETES_CONFIG_FROM_VAULT_DIRECTORY)) {
          out.add(at + "writes " + kubernetesConfig + " from " + c.stdin().get().raw() + "; it may write it only from "
              + OutputLayout.VAULT_KUBERNETES_CONFIG_FROM_VAULT_DIRECTORY + ", which kesgen writes");
        } else if (configWritten) {
          out.add(at + "writes " + kubernetesConfig + " a second time");
        }
        configWritten = true;
      } else if (verb.equals("write") && args.size() == 3 && args.get(2).equals("-") && c.stdin().isPresent()) {
        Instance instance = byRole.get(args.get(1));
        String from = c.stdin().get().text();
        if (instance == null || !c.stdin().get().literal()
            || !from.equals(OutputLayout.vaultRoleFromVaultDirectory(instance))) {
          out.add(at + "writes " + args.get(1) + " from " + c.stdin().get().raw() + "; it may write only an"
              + " instance's role auth/" + mount + "/role/kes-<instance> from its file approles/kes-<instance>.json"
              + " (kubernetes/kes-<instance>.json for one that logs in with Kubernetes), which kesgen proves");
        } else if (roles.put(instance.name(), c.line()) != null) {
          out.add(at + "writes the role " + args.get(1) + " a second time");
        }
      } else if (args.size() == 3 && args.subList(0, 2).equals(List.of("policy", "read"))
          && byPolicy.containsKey(args.get(2))
          || args.size() == 3 && args.subList(0, 2).equals(List.of("read", "-format=table"))
          && (byRole.containsKey(args.get(2)) || kubernetes.isPresent() && args.get(2).equals(kubernetesConfig))) {
        continue; // reads an instance's own policy or role back, to say whether it changed
      } else if (kubernetes.isPresent() && args.equals(List.of("auth", "enable", "-path=" + kubernetes.get(),
          "kubernetes"))) {
        continue; // enables the kubernetes auth method where it is missing
      } else if (!List.of(List.of("token", "lookup"), List.of("auth", "list", "-format=json"),
          List.of("secrets", "list", "-format=json"),
          List.of("auth", "enable", "-path=" + mount, "approle"),
          List.of("secrets", "enable", "-path=" + kv, "-version=" + topology.vault().kv().version(), "kv"),
          List.of("read", "-format=table", "-field=options",
              dev.kesgen.vault.OperatorPolicy.kvOptionsPath(topology))).contains(args)) {
        out.add(at + "runs the Vault CLI with " + String.join(" ", args) + ", which kesgen's apply script does not;"
            + " it writes the proven policies and roles and enables the AppRole and KV mounts, nothing else");
      }
    }
    for (Instance instance : topology.instances()) {
      if (!policies.containsKey(instance.name())) {
        out.add("does not write the policy " + instance.vaultName() + " from "
            + OutputLayout.vaultPolicyFromVaultDirectory(instance) + " (instance " + instance.name() + ")");
      }
      if (!roles.containsKey(instance.name())) {
        out.add("does not write the role " + InstanceRole.of(topology.vault(), instance).path() + " from "
            + OutputLayout.vaultRoleFromVaultDirectory(instance) + " (instance " + instance.name() + ")");
      }
    }
    if (kubernetes.isPresent() && !configWritten) {
      out.add("does not write " + kubernetesConfig + " from " + OutputLayout.VAULT_KUBERNETES_CONFIG_FROM_VAULT_DIRECTORY
          + " (an instance logs in with Kubernetes)");
    }
    return out;
  }

  private static List<String> bootstrap(Topology topology, Instance instance, String text) {
    List<String> out = new ArrayList<>();
    AppRoleRole role = AppRoleRole.of(topology.vault(), instance);
    String secret = KubernetesNames.appRoleSecret(instance);
    for (ShellCommands.Command c : ShellCommands.of(text)) {
      environment(topology, c, out);
      List<ShellCommands.Word> w = words(c);
      String at = "line " + c.line() + ": ";
      if (!w.isEmpty() && w.get(0).literal() && w.get(0).text().equals("kubectl")) {
        kubectl(w, at, instance, secret, out);
        continue;
      }
      if (w.isEmpty() || !vaultCli(w.get(0))) {
        opaque(c, w, out);
        continue;
      }
      List<String> args = args(w);
      String verb = args.isEmpty() ? "" : args.get(0);
      List<String> paths = args.stream().skip(1).filter(a -> !a.startsWith("-") && !a.contains("=")).toList();
      // the path is the first word that is no option and no key=value; values may be computed (an accessor)
      boolean pathLiteral = w.stream().skip(2).filter(x -> !x.text().startsWith("-") && !x.text().contains("="))
          .findFirst().map(ShellCommands.Word::literal).orElse(true);
      List<String> allowed = switch (verb) {
        case "read" -> List.of(role.roleIdPath());
        case "list" -> List.of(role.secretIdPath());
        case "write" -> List.of(role.secretIdPath(), role.accessorDestroyPath());
        default -> List.of();
      };
      List<String> options = args.stream().skip(1).filter(a -> a.startsWith("-")).toList();
      if (allowed.isEmpty() || paths.size() != 1 || !pathLiteral || !allowed.contains(paths.get(0))
          || !BOOTSTRAP_OPTIONS.containsAll(options)) {
        out.add(at + "runs the Vault CLI with " + String.join(" ", args) + "; the bootstrap script of instance "
            + instance.name() + " may only read " + role.roleIdPath() + ", list and create secret ids at "
            + role.secretIdPath() + " and destroy them at " + role.accessorDestroyPath() + ", with no options but "
            + String.join(" ", new java.util.TreeSet<>(BOOTSTRAP_OPTIONS)));
      }
    }
    return out;
  }

  /** A {@code kubectl ... secret <name>} must name the instance's AppRole Secret in the instance's namespace. */
  private static void kubectl(List<ShellCommands.Word> w, String at, Instance instance, String secret,
      List<String> out) {
    List<String> args = args(w);
    int kind = args.indexOf("secret");
    if (kind < 0) {
      return;
    }
    Optional<String> name = args.stream().skip(kind + 1).filter(a -> !a.startsWith("-") && !a.equals("generic"))
        .findFirst();
    Optional<String> namespace = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("--namespace") || a.equals("-n")) && i + 1 < args.size()) {
        namespace = Optional.of(args.get(i + 1));
      } else if (a.startsWith("--namespace=")) {
        namespace = Optional.of(a.substring("--namespace=".length()));
      }
    }
    boolean literal = w.stream().skip(kind + 1).limit(2).allMatch(ShellCommands.Word::literal);
    if (!literal || !name.equals(Optional.of(secret)) || !namespace.equals(Optional.of(instance.namespace()))) {
      out.add(at + "runs kubectl " + String.join(" ", args) + "; the bootstrap script of instance " + instance.name()
          + " may only touch the Secret " + secret + " in namespace " + instance.namespace());
    }
  }

  /**
   * Assignments (before a command, or given to export, readonly or local) of a variable that steers the CLI: only
   * the shipped preamble's choice of CLI and the topology's namespace.
   */
  private static void environment(Topology topology, ShellCommands.Command c, List<String> out) {
    List<ShellCommands.Word> w = c.words();
    int first = 0;
    while (first < w.size() && KEYWORDS.contains(w.get(first).raw())) {
      first++;
    }
    boolean declaring = first < w.size() && Set.of("export", "readonly", "local").contains(w.get(first).raw());
    for (int i = first + (declaring ? 1 : 0); i < w.size(); i++) {
      ShellCommands.Word word = w.get(i);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=.*", java.util.regex.Pattern.DOTALL)
          .matcher(word.raw());
      if (!m.matches()) {
        if (declaring) {
          continue;
        }
        break; // the command itself: what follows are its arguments
      }
      String name = m.group(1);
      if (!STEERING.contains(name) || SHIPPED_CLI.contains(word.raw())
          || name.equals("VAULT_NAMESPACE") && word.literal()
              && word.text().equals("VAULT_NAMESPACE=" + topology.vault().namespace())
          || word.raw().equals("BAO_NAMESPACE=$VAULT_NAMESPACE")) {
        continue;
      }
      out.add("line " + c.line() + ": sets " + name + ", which decides where the Vault CLI sends its token, whom it"
          + " trusts or what runs; kesgen's scripts take it from the environment"
          + (name.endsWith("NAMESPACE") ? " (the namespace is the topology's vault.namespace)" : ""));
    }
  }

  /** The command's words without leading keywords and variable assignments. */
  private static List<ShellCommands.Word> words(ShellCommands.Command c) {
    List<ShellCommands.Word> w = new ArrayList<>(c.words());
    while (!w.isEmpty() && (KEYWORDS.contains(w.get(0).raw())
        || w.get(0).raw().matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
      w.remove(0);
    }
    return w;
  }

  private static List<String> args(List<ShellCommands.Word> w) {
    return w.stream().skip(1).map(ShellCommands.Word::text).toList();
  }

  /** Whether the word runs the Vault CLI kesgen's scripts choose: {@code "$vault_cli"}, {@code vault} or {@code bao}. */
  private static boolean vaultCli(ShellCommands.Word word) {
    return Set.of("\"$vault_cli\"", "$vault_cli", "${vault_cli}", "\"${vault_cli}\"").contains(word.raw())
        || word.literal() && Set.of("vault", "bao").contains(word.text());
  }

  /** Whether every argument of a CLI command is written out; a finding otherwise. */
  private static boolean literal(List<ShellCommands.Word> w, String at, List<String> out) {
    for (ShellCommands.Word word : w.subList(1, w.size())) {
      if (!word.literal()) {
        out.add(at + "passes the Vault CLI " + word.raw() + ", which the shell computes when the script runs, so"
            + " what it writes is not proven; write the path and file out");
        return false;
      }
    }
    return true;
  }

  /** A command that runs something kesgen cannot follow, or a program whose name is computed. */
  private static void opaque(ShellCommands.Command c, List<ShellCommands.Word> w, List<String> out) {
    if (w.isEmpty()) {
      return;
    }
    ShellCommands.Word first = w.get(0);
    String at = "line " + c.line() + ": ";
    if (!first.literal()) {
      out.add(at + "runs " + first.raw() + ", a program the shell names when the script runs, so what it does is"
          + " not proven; name the program");
    } else if (first.text().equals("eval") && w.size() == 2 && SHIPPED_EVALS.contains(w.get(1).raw())) {
      return;
    } else if (first.text().equals("command") && w.size() == 3 && w.get(1).text().equals("-v")) {
      return; // command -v vault: finds the CLI, runs nothing
    } else if (first.text().equals("cd") && !(w.size() == 2 && w.get(1).raw().equals("\"$(dirname \"$0\")\""))) {
      out.add(at + "changes to another directory, so the files it writes to Vault are not the proven ones beside it;"
          + " only cd \"$(dirname \"$0\")\"");
    } else if (OPAQUE.contains(first.text())) {
      out.add(at + "runs " + first.text() + ", whose effect kesgen cannot read from the script, so what it writes is"
          + " not proven; run the Vault CLI and kubectl directly");
    }
  }
}

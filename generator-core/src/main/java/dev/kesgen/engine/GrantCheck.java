package dev.kesgen.engine;

import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.vault.AppRoleRole;
import dev.kesgen.view.KesFiles;
import dev.kesgen.view.KesValuesContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files besides the KES configuration and the Vault policy that grant or restrict access, proven to say exactly
 * what kesgen computes for the topology: the AppRole of each instance ({@code vault/approles/kes-<i>.json}: its
 * policies, no default policy, its CIDR bindings and TTLs, and no parameter kesgen does not write, such as the old
 * {@code policies} or {@code bound_cidr_list}, which Vault still reads), the NetworkPolicy of the KES chart
 * ({@code networkPolicy} in {@code kes/<i>/values.yaml}) and the AppRole Secret its pods log in with
 * ({@code vault.approleSecretName}). The scripts are {@link ScriptCheck}'s.
 */
final class GrantCheck {
  /** Why each AppRole parameter must be what kesgen writes, for the message. */
  private static final Map<String, String> WHY = Map.of(
      "token_policies", "the instance's policy only, the one file kesgen proves",
      "token_no_default_policy", "else Vault attaches the default policy, which kesgen does not prove",
      "token_period", "vault.approle.tokenPeriod, in seconds",
      "token_bound_cidrs", "vault.approle.tokenBoundCidrs",
      "secret_id_ttl", "vault.approle.secretIdTtl, in seconds",
      "secret_id_num_uses", "KES logs in again whenever its token cannot be renewed",
      "secret_id_bound_cidrs", "vault.approle.secretIdBoundCidrs",
      "bind_secret_id", "else the role id alone logs in");

  private GrantCheck() {}

  /** What the AppRole and the NetworkPolicy values of an instance break; an absent file is skipped. */
  static List<Finding> of(Topology topology, Instance instance, Function<String, Optional<String>> texts) {
    List<Finding> findings = new ArrayList<>();
    String approle = OutputLayout.vaultAppRole(instance);
    texts.apply(approle).ifPresent(text -> appRole(topology, instance, text)
        .forEach(m -> findings.add(new Finding(Finding.Kind.ACCESS, approle, m))));
    String values = OutputLayout.kesValues(instance);
    texts.apply(values).ifPresent(text -> networkPolicy(topology, instance, text)
        .forEach(m -> findings.add(new Finding(Finding.Kind.ACCESS, values, m))));
    return findings;
  }

  private static List<String> appRole(Topology topology, Instance instance, String text) {
    AppRoleRole role = AppRoleRole.of(topology.vault(), instance);
    String where = "instance " + instance.name() + ", AppRole " + role.name() + ": ";
    Object json;
    try {
      json = load(text);
    } catch (RuntimeException e) {
      return List.of(where + "cannot be read as a JSON object (" + e.getMessage().lines().findFirst().orElse("")
          + "), so what Vault would make of it is not proven; it must be the object kesgen writes");
    }
    List<String> differences = new ArrayList<>();
    exactly(json, role.parameters().body(), "", differences, WHY);
    return differences.stream().map(d -> where + d).toList();
  }

  private static List<String> networkPolicy(Topology topology, Instance instance, String text) {
    String where = "instance " + instance.name() + ", NetworkPolicy of the KES chart: ";
    Object values;
    try {
      values = load(text);
    } catch (RuntimeException e) {
      if (unreadableToTheAccessModel(text)) {
        return List.of(); // the KES access model reports why the values cannot be read: one message per problem
      }
      return List.of(where + "the chart values cannot be read (" + e.getMessage().lines().findFirst().orElse("")
          + ")");
    }
    if (!(values instanceof Map<?, ?> map)) {
      return List.of(where + "the chart values are not a mapping");
    }
    KesValuesContext.NetworkPolicy expected = KesFiles.networkPolicy(instance, topology.vault());
    Map<String, Object> vault = new LinkedHashMap<>();
    vault.put("port", (long) expected.vaultPort());
    vault.put("cidrs", expected.vaultCidrs());
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("enabled", Boolean.TRUE);
    policy.put("ingressNamespaces", expected.ingressNamespaces());
    policy.put("vault", vault);
    Map<String, String> why = Map.of(
        "networkPolicy.enabled", "else any pod may reach KES and KES may reach any address",
        "networkPolicy.ingressNamespaces", "the namespaces of the instance's tenants, each once, sorted",
        "networkPolicy.vault.port", "the port of vault.endpoint",
        "networkPolicy.vault.cidrs", "the address of vault.endpoint when it is an IP literal, else none",
        "networkPolicy.dns", "the chart's cluster DNS default is the only DNS kesgen allows");
    List<String> differences = new ArrayList<>();
    Object actual = map.containsKey("networkPolicy") ? map.get("networkPolicy") : Absent.VALUE;
    exactly(actual, policy, "networkPolicy", differences, why);
    List<String> findings = new ArrayList<>(differences.stream().map(d -> where + d).toList());
    // the Secret the pods log in to Vault with: another instance's would give them that instance's keys
    Object vaultValues = map.get("vault");
    Object secret = vaultValues instanceof Map<?, ?> v && v.containsKey("approleSecretName") ? v.get("approleSecretName")
        : Absent.VALUE;
    List<String> login = new ArrayList<>();
    exactly(secret, KubernetesNames.appRoleSecret(instance), "vault.approleSecretName", login, Map.of(
        "vault.approleSecretName", "the Secret bootstrap-" + instance.name() + ".sh writes; another would log KES in"
            + " with another AppRole"));
    login.forEach(d -> findings.add("instance " + instance.name() + ", Vault login of the KES chart: " + d));
    return findings;
  }

  /** A key that is not there, told apart from one whose value is null. */
  private enum Absent { VALUE }

  /**
   * Adds a difference for each place {@code actual} is not {@code expected}: the same keys (none more, none less),
   * the same lists in the same order, the same scalars of the same type (an integer of any width is a number).
   */
  private static void exactly(Object actual, Object expected, String path, List<String> out, Map<String, String> why) {
    String reason = Optional.ofNullable(why.get(path)).map(w -> " (" + w + ")").orElse("");
    String name = path.isEmpty() ? "the object" : path;
    if (actual == Absent.VALUE) {
      out.add(name + " is missing; kesgen writes " + show(expected) + reason);
      return;
    }
    if (expected instanceof Map<?, ?> want) {
      if (!(actual instanceof Map<?, ?> have)) {
        out.add(name + " is " + show(actual) + ", but must be a mapping" + reason);
        return;
      }
      for (Map.Entry<?, ?> e : want.entrySet()) {
        String key = String.valueOf(e.getKey());
        exactly(have.containsKey(key) ? have.get(key) : Absent.VALUE, e.getValue(), join(path, key), out, why);
      }
      for (Map.Entry<?, ?> e : have.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!want.containsKey(key)) {
          String extra = join(path, key);
          out.add(extra + " is set (to " + show(e.getValue()) + "), but kesgen does not write it, so what it grants"
              + " or lifts is not proven; remove it"
              + Optional.ofNullable(why.get(extra)).map(w -> " (" + w + ")").orElse(""));
        }
      }
      return;
    }
    if (!normal(actual).equals(normal(expected))) {
      out.add(name + " is " + show(actual) + ", but must be " + show(expected) + reason);
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Integers of every width as one type, so that 0 and 0L are the same number; lists element by element. */
  private static Object normal(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return new BigInteger(value.toString());
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GrantCheck::normal).toList();
    }
    return value == null ? Absent.VALUE : value;
  }

  private static String show(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GrantCheck::show).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> e.getKey() + ": " + show(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }

  /**
   * A JSON or YAML document as maps, lists and scalars; a duplicate key is an error (Vault's JSON reader and Helm
   * would each keep one of the two, so neither can be proven). JSON is read as the YAML it is a subset of: what is
   * YAML but not JSON fails Vault's reader, and the script that writes it stops.
   */
  static Object load(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(16 * 1024 * 1024);
    return new Yaml(new SafeConstructor(options)).load(text);
  }

  private static boolean unreadableToTheAccessModel(String values) {
    try {
      dev.kesgen.access.KesChartValues.serverConfig(values);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }
}

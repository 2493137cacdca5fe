package dev.kesgen.engine;

import dev.kesgen.layout.KubernetesNames;
import dev.kesgen.layout.OutputLayout;
import dev.kesgen.topology.Instance;
import dev.kesgen.topology.Topology;
import dev.kesgen.topology.VaultAuth;
import dev.kesgen.vault.InstanceRole;
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
  private static final Map<String, String> WHY = Map.ofEntries(
      Map.entry("token_policies", "the instance's policy only, the one file kesgen proves"),
      Map.entry("token_no_default_policy", "else Vault attaches the default policy, which kesgen does not prove"),
      Map.entry("token_period", "vault.approle.tokenPeriod, in seconds"),
      Map.entry("token_bound_cidrs", "vault.approle.tokenBoundCidrs"),
      Map.entry("secret_id_ttl", "vault.approle.secretIdTtl, in seconds"),
      Map.entry("secret_id_num_uses", "KES logs in again whenever its token cannot be renewed"),
      Map.entry("secret_id_bound_cidrs", "vault.approle.secretIdBoundCidrs"),
      Map.entry("bind_secret_id", "else the role id alone logs in"),
      Map.entry("bound_service_account_names", "the instance's ServiceAccount only (kes.serviceAccount)"),
      Map.entry("bound_service_account_namespaces", "the instance's namespace only"),
      Map.entry("audience", "the aud of the projected token the chart mounts, \"\" for a token Secret, which has none"),
      Map.entry("alias_name_source", "the ServiceAccount's uid, which a new account of the same name does not have"),
      Map.entry("token_ttl", "0: the token is periodic (token_period)"),
      Map.entry("token_max_ttl", "0: the token is periodic (token_period)"));

  private GrantCheck() {}

  /** What the AppRole and the NetworkPolicy values of an instance break; an absent file is skipped. */
  static List<Finding> of(Topology topology, Instance instance, Function<String, Optional<String>> texts) {
    List<Finding> findings = new ArrayList<>();
    String approle = OutputLayout.vaultRole(instance);
    texts.apply(approle).ifPresent(text -> appRole(topology, instance, text)
        .forEach(m -> findings.add(new Finding(Finding.Kind.ACCESS, approle, m))));
    String values = OutputLayout.kesValues(instance);
    texts.apply(values).ifPresent(text -> networkPolicy(topology, instance, text)
        .forEach(m -> findings.add(new Finding(Finding.Kind.ACCESS, values, m))));
    return findings;
  }

  private static List<String> appRole(Topology topology, Instance instance, String text) {
    InstanceRole role = InstanceRole.of(topology.vault(), instance);
    String where = "instance " + instance.name() + (instance.vaultAuth() == VaultAuth.APPROLE ? ", AppRole "
        : ", kubernetes auth role ") + instance.vaultName() + ": ";
    Object json;
    try {
      json = load(text);
    } catch (RuntimeException e) {
      return List.of(where + "cannot be read as a JSON object (" + e.getMessage().lines().findFirst().orElse("")
          + "), so what Vault would make of it is not proven; it must be the object kesgen writes");
    }
    List<String> differences = new ArrayList<>();
    exactly(json, role.parameters(), "", differences, WHY);
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
    List<String> login = new ArrayList<>();
    if (instance.vaultAuth() == VaultAuth.KUBERNETES) {
      // the ServiceAccount the pods log in as: another would be another instance's role, or none
      Object auth = vaultValues instanceof Map<?, ?> v && v.containsKey("auth") ? v.get("auth") : Absent.VALUE;
      exactly(auth, "kubernetes", "vault.auth", login, Map.of("vault.auth", "the instance logs in with Kubernetes"));
      Object account = map.containsKey("serviceAccount") ? map.get("serviceAccount") : Absent.VALUE;
      KesValuesContext.ServiceAccount want = KesFiles.serviceAccount(instance, topology.vault());
      Map<String, Object> expectedAccount = new LinkedHashMap<>();
      expectedAccount.put("name", want.name());
      expectedAccount.put("token", want.token());
      expectedAccount.put("audience", want.audience());
      expectedAccount.put("authDelegator", want.authDelegator());
      exactly(account, expectedAccount, "serviceAccount", login, Map.of(
          "serviceAccount.name", "the ServiceAccount the Vault role " + instance.vaultName() + " binds",
          "serviceAccount.token", "projected where KES reads the token at every login, else a token Secret"));
    } else {
      Object secret = vaultValues instanceof Map<?, ?> v && v.containsKey("approleSecretName")
          ? v.get("approleSecretName") : Absent.VALUE;
      exactly(secret, KubernetesNames.appRoleSecret(instance), "vault.approleSecretName", login, Map.of(
          "vault.approleSecretName", "the Secret bootstrap-" + instance.name() + ".sh writes; another would log KES"
              + " in with another AppRole"));
    }
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

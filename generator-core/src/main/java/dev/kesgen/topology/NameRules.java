package dev.kesgen.topology;

import java.util.regex.Pattern;

/**
 * The syntax rules names and addresses kesgen handles must follow, with the sources that impose them: the one place
 * each rule is written, used by the topology loader to report a mistake and by whatever else relies on it.
 */
public final class NameRules {
  private NameRules() {}

  /** Kubernetes namespaces and most object names: RFC 1123 label. */
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  /** Kubernetes object names such as Secrets: RFC 1123 subdomain. */
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  /** Kubernetes Service names: RFC 1035 label (must start with a letter). */
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  /**
   * KES names: [0-9A-Za-z_-], at most 80, not only '_', no leading or trailing '-'
   * (K@2023-10-24T20-26-51Z:auth.go:113-133; unchanged in K@2025-03-12T09-35-18Z:auth.go). Key names follow the same
   * rule here, so one name is valid for every release.
   */
  private static final Pattern KES_NAME = Pattern.compile("(?!_$)([0-9A-Za-z_]|[0-9A-Za-z_][0-9A-Za-z_-]*[0-9A-Za-z_])");
  private static final Pattern DNS_NAME =
      Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern IDENTITY = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VAULT_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
  /**
   * A container image repository without tag or digest: an optional registry host (with port) and lower-case path
   * components (the distribution reference grammar, github.com/distribution/reference regexp.go).
   */
  private static final Pattern IMAGE_REPOSITORY = Pattern.compile(
      "([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]+)?/)?"
          + "[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*");

  /**
   * The file name of a topology, which every generated file's header quotes inside a comment: {@code # ...} in
   * shell, HCL and YAML, {@code <!-- ... -->} in Markdown, and wherever a template override puts it (a string in
   * a script, a JSON value). Letters, digits, '.', '_', '-' and '+' (and single spaces between them) end none of
   * these and start no expansion; a line break, {@code -->}, {@code *}{@code /}, quotes, backticks, {@code $},
   * {@code \}, {@code #} and every invisible character are outside the rule. ASCII only, so that no letter can look
   * like another.
   */
  private static final Pattern TOPOLOGY_FILE_NAME = Pattern.compile("[A-Za-z0-9._+-]+( [A-Za-z0-9._+-]+)*");
  /** {@link #isTopologyFileName}, as a message says it. */
  public static final String TOPOLOGY_FILE_NAME_RULE =
      "ASCII letters, digits, '.', '_', '-', '+' and single spaces only (for example topology.yaml)";

  /** A topology file name kesgen may quote in generated files: see {@link #TOPOLOGY_FILE_NAME_RULE}. */
  public static boolean isTopologyFileName(String s) {
    return s.length() <= 255 && TOPOLOGY_FILE_NAME.matcher(s).matches();
  }

  /** A container image repository without tag or digest. */
  public static boolean isImageRepository(String s) {
    return s.length() <= 255 && IMAGE_REPOSITORY.matcher(s).matches();
  }

  /** An RFC 1123 label: Kubernetes namespaces and most object names, at most 63. */
  public static boolean isDns1123Label(String s) {
    return s.length() <= 63 && DNS_1123_LABEL.matcher(s).matches();
  }

  /** An RFC 1123 subdomain: Kubernetes Secret names, at most 253. */
  public static boolean isDns1123Subdomain(String s) {
    return s.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(s).matches();
  }

  /** An RFC 1035 label: Kubernetes Service names. */
  public static boolean isDns1035Label(String s) {
    return s.length() <= 63 && DNS_1035_LABEL.matcher(s).matches();
  }

  /** A KES policy, identity or key name valid for every release. */
  public static boolean isKesName(String s) {
    return s.length() <= 80 && KES_NAME.matcher(s).matches();
  }

  /** A DNS name for a certificate SAN, optionally with a leading wildcard. */
  public static boolean isDnsName(String s) {
    return s.length() <= 253 && DNS_NAME.matcher(s).matches();
  }

  /** An IPv4 or IPv6 literal; never resolves a host name. */
  /** A container image digest as registries print it: {@code sha256:} and 64 lower-case hex digits. */
  public static boolean isImageDigest(String s) {
    return s.matches("sha256:[0-9a-f]{64}");
  }

  /** An IPv4 or IPv6 network in CIDR notation, {@code 10.0.0.0/8} or {@code fd00::/8}, or a single address. */
  public static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    if (!isIpAddress(address)) {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    String bits = s.substring(slash + 1);
    if (!bits.matches("[0-9]{1,3}")) {
      return false;
    }
    int max = address.contains(":") ? 128 : 32;
    return Integer.parseInt(bits) <= max;
  }

  public static boolean isIpAddress(String s) {
    if (IPV4.matcher(s).matches()) {
      return true;
    }
    if (!s.contains(":") || !IPV6_CHARS.matcher(s).matches()) {
      return false;
    }
    try {
      // a string with ':' is parsed as an IPv6 literal, never looked up
      java.net.InetAddress.getByName(s);
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** A KES identity: 64 lowercase hex digits. */
  public static boolean isIdentity(String s) {
    return IDENTITY.matcher(s).matches();
  }

  /** A relative Vault path. */
  public static boolean isVaultPath(String s) {
    if (!VAULT_PATH.matcher(s).matches()) {
      return false;
    }
    for (String segment : s.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return false; // Vault would resolve them, so the policy would not say what it grants
      }
    }
    return true;
  }
}

package dev.kesgen.topology;

import java.util.regex.Pattern;

/** The syntax rules names and addresses in a topology must follow, with the sources that impose them. */
final class Rules {
  private Rules() {}

  /** Kubernetes namespaces and most object names: RFC 1123 label. */
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  /** Kubernetes Service names: RFC 1035 label (must start with a letter). */
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  /**
   * KES names: [0-9A-Za-z_-], at most 80, no leading or trailing '-' (minio/kes@2023-10-24T20-26-51Z
   * auth.go validName). Key names follow the same rule here, so one name is valid for every release.
   */
  private static final Pattern KES_NAME = Pattern.compile("[0-9A-Za-z_]|[0-9A-Za-z_][0-9A-Za-z_-]*[0-9A-Za-z_]");
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

  static boolean isImageRepository(String s) {
    return s.length() <= 255 && IMAGE_REPOSITORY.matcher(s).matches();
  }

  static boolean isDns1123Label(String s) {
    return s.length() <= 63 && DNS_1123_LABEL.matcher(s).matches();
  }

  static boolean isDns1035Label(String s) {
    return s.length() <= 63 && DNS_1035_LABEL.matcher(s).matches();
  }

  static boolean isKesName(String s) {
    return s.length() <= 80 && KES_NAME.matcher(s).matches();
  }

  static boolean isDnsName(String s) {
    return s.length() <= 253 && DNS_NAME.matcher(s).matches();
  }

  /** An IPv4 or IPv6 literal; never resolves a host name. */
  static boolean isIpAddress(String s) {
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

  static boolean isIdentity(String s) {
    return IDENTITY.matcher(s).matches();
  }

  static boolean isVaultPath(String s) {
    return VAULT_PATH.matcher(s).matches();
  }
}

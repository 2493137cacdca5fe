package dev.kesgen.topology;

import java.util.regex.Pattern;

/**
 * The textual forms of the Vault secrets kesgen handles: the one owner of these patterns, used by the topology
 * loader to refuse a secret written into the topology and by the leak scan of generated output.
 */
public final class SecretForms {
  private SecretForms() {}

  /** A UUID, the form of an AppRole secret id (and of its accessor, which is not secret). */
  public static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private static final Pattern ANY_UUID = Pattern.compile("(?<![0-9a-fA-F])" + UUID + "(?![0-9a-fA-F])");

  /**
   * Tokens: Vault 1.10+ {@code hvs.}/{@code hvb.}/{@code hvr.} (service, batch, recovery); the legacy and OpenBao
   * {@code s.}/{@code b.}/{@code r.} (openbao.org/docs/concepts/tokens, "Token formats"). The short legacy prefixes
   * need 24 or more base62 characters with an upper-case letter, so that lower-case DNS names never match.
   */
  private static final Pattern TOKEN = Pattern.compile(
      "(?<![\\w.-])(?:hv[sbr]\\.[A-Za-z0-9_-]{24,}|[sbr]\\.(?=[A-Za-z0-9_-]*[A-Z])[A-Za-z0-9_-]{24,})");

  /** Whether {@code text} holds what looks like a Vault or OpenBao token. */
  public static boolean containsToken(CharSequence text) {
    return TOKEN.matcher(text).find();
  }

  /** Whether {@code text} holds a UUID anywhere (where none belongs, it may be a secret id). */
  public static boolean containsUuid(CharSequence text) {
    return ANY_UUID.matcher(text).find();
  }
}

package dev.kesgen.engine;

import dev.kesgen.pki.DerPrivateKeys;
import dev.kesgen.topology.SecretForms;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The secrets one file's bytes hold, in the forms they leak in: PEM and DER private keys, AppRole secret ids (as a
 * {@code secret...} value, the Vault CLI's table, or a file holding only the id), Vault and OpenBao tokens, and
 * all of these encoded: base64 under {@code data:} (or plain under {@code stringData:}) of a Kubernetes Secret, such
 * as a copy of kesgen's own {@code secrets/.../secret.yaml}, also when that Secret is a YAML string inside another
 * file (a ConfigMap value, a Helm values block scalar); YAML {@code !!binary} data; and any long base64 or hex run of
 * any file ({@link EncodedRuns}), decoded up to {@value #MAX_DEPTH} times (base64 of base64). Certificates, KES
 * identities (64 hex digits) and SHA-256 checksums match none of these forms.
 */
final class Leaks {
  /** What was found, in report order. */
  enum Kind {
    PRIVATE_KEY("holds a private key",
        "remove it from the output directory (and from version control history) and rotate it"),
    SECRET_ID("holds what looks like an AppRole secret id",
        "remove it and create a new secret id (bootstrap --rotate)"),
    TOKEN("holds what looks like a Vault or OpenBao token",
        "remove it (and from version control history) and revoke the token"),
    API_KEY("holds a KES API key",
        "remove it (and from version control history) and rotate the tenant (generate --rotate <instance>/<tenant>)");

    final String what;
    final String fix;

    Kind(String what, String fix) {
      this.what = what;
      this.fix = fix;
    }
  }

  private static final String UUID = SecretForms.UUID;
  /**
   * {@code secret_id: <uuid>}, {@code "secret": "<uuid>"}, {@code KES_APPROLE_SECRET=<uuid>}, and the Vault CLI's table
   * row {@code secret_id   <uuid>}; group 1 is the key, so that {@code secret_id_accessor} (not a secret) is skipped.
   */
  private static final Pattern SECRET_ID = Pattern.compile(
      "(?i)(secret[\\w.-]*)[\"']?(?:\\s*[:=]\\s*[\"']?|[ \\t]+)" + UUID + "(?![\\w-])");
  private static final Pattern ONLY_UUID = Pattern.compile("\\s*[\"']?" + UUID + "[\"']?\\s*");
  private static final Pattern PEM_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
  /** A KES API key's text form ({@link dev.kesgen.pki.KesApiKey}): {@code kes:v1:} and base64. */
  private static final Pattern API_KEY = Pattern.compile("kes:v1:[A-Za-z0-9+/]{40}");
  /**
   * {@code kind: Secret} as YAML or JSON writes it, also inside a quoted string where a line break is {@code \n}
   * and quotes are escaped: whatever matches is parsed as YAML, which decides.
   */
  private static final Pattern KIND_SECRET = Pattern.compile("kind[\\\\\"']*[ \\t]*:[ \\t]*[\\\\\"']*Secret\\b");
  /** A {@code key: base64} line, for Secrets that do not parse as YAML. */
  private static final Pattern BASE64_LINE = Pattern.compile(
      "(?m)^[ \\t]*[\"']?([\\w.-]+)[\"']?[ \\t]*:[ \\t]*[\"']?([A-Za-z0-9+/]{8,}={0,2})[\"']?[ \\t]*$");
  /** A value that is base64 and nothing else, decoded again inside an encoded value (base64 of base64). */
  private static final Pattern ONLY_BASE64 = Pattern.compile("\\s*[A-Za-z0-9+/]{8,}={0,2}\\s*");
  private static final int MAX_YAML = 64 * 1024 * 1024;
  /** How many decodings deep a value is searched: enough for base64 of base64 inside a Secret in a YAML string. */
  static final int MAX_DEPTH = 4;

  private Leaks() {}

  /** Each kind found, with where in the file (empty for the file as a whole, or "in Secret x, data.tls.key"). */
  static Map<Kind, String> in(byte[] bytes) {
    Map<Kind, String> found = new EnumMap<>(Kind.class);
    scan(bytes, "", found, 0);
    Map<Kind, String> described = new EnumMap<>(Kind.class);
    found.forEach((kind, where) -> described.put(kind, where.isEmpty() ? "" : " (" + where + ")"));
    return described;
  }

  private static void scan(byte[] bytes, String where, Map<Kind, String> found, int depth) {
    // ISO-8859-1 maps every byte to one char, so binary files are searched too
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (text.contains("PRIVATE KEY-----") && PEM_KEY.matcher(text).find() || DerPrivateKeys.isPrivateKey(bytes)) {
      found.putIfAbsent(Kind.PRIVATE_KEY, where);
    }
    if (ONLY_UUID.matcher(text).matches() || secretId(text)) {
      found.putIfAbsent(Kind.SECRET_ID, where);
    }
    if (SecretForms.containsToken(text)) {
      found.putIfAbsent(Kind.TOKEN, where);
    }
    if (text.contains("kes:v1:") && API_KEY.matcher(text).find()) {
      found.putIfAbsent(Kind.API_KEY, where);
    }
    if (depth >= MAX_DEPTH || found.size() == Kind.values().length) {
      return;
    }
    // a Secret's own keys name the finding better than a base64 run's line, so Secrets are decoded first
    boolean secret = text.contains("Secret") && KIND_SECRET.matcher(text).find();
    if (secret || text.contains("!!binary")) {
      yaml(bytes, text, where, found, depth, secret);
    }
    if (depth > 0 && ONLY_BASE64.matcher(text).matches()) {
      decoded(text).ifPresent(value -> scan(value, within(where, "base64"), found, depth + 1));
      return;
    }
    for (EncodedRuns.Run run : EncodedRuns.of(text)) {
      scan(run.bytes(), within(where, run.where()), found, depth + 1);
    }
  }

  private static String within(String outer, String inner) {
    return outer.isEmpty() ? inner : inner.isEmpty() ? outer : outer + ", " + inner;
  }

  static boolean secretId(String text) {
    // the expression starts with "secret" in any case, and find() with (?i) tried at every character was slow: it
    // is tried only where "secret" starts, and, as find() does, never inside the match before it
    Matcher m = null;
    int from = 0;
    for (int i = nextSecret(text, 0); i >= 0; i = nextSecret(text, Math.max(i + 1, from))) {
      if (m == null) {
        m = SECRET_ID.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      m.region(i, text.length());
      if (m.lookingAt()) {
        if (!m.group(1).toLowerCase(java.util.Locale.ROOT).contains("accessor")) {
          return true;
        }
        from = m.end();
      }
    }
    return false;
  }

  /** Where "secret" in any ASCII case (as {@code (?i)} matches it) first starts at or after {@code from}, or -1. */
  private static int nextSecret(String text, int from) {
    int last = text.length() - 6;
    for (int i = from; i <= last; i++) {
      char c = text.charAt(i);
      if ((c == 's' || c == 'S') && text.regionMatches(true, i + 1, "ecret", 0, 5)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether "secret" appears in any ASCII case (as {@code (?i)} matches it), in one pass. */
  static boolean mentionsSecret(String text) {
    return nextSecret(text, 0) >= 0;
  }

  private static void yaml(byte[] bytes, String text, String where, Map<Kind, String> found, int depth,
      boolean secret) {
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setAllowRecursiveKeys(false);
      options.setCodePointLimit(MAX_YAML);
      for (Object document : new Yaml(new SafeConstructor(options))
          .loadAll(new String(bytes, StandardCharsets.UTF_8))) {
        visit(document, where, found, depth, 0);
      }
    } catch (RuntimeException e) {
      if (!secret) {
        return;
      }
      // not YAML after all (or a template): decode every "key: base64" line instead
      Matcher m = BASE64_LINE.matcher(text);
      while (m.find()) {
        String key = m.group(1);
        decoded(m.group(2)).ifPresent(value -> scan(value, within(where, "in a Secret, " + key + ", base64"), found,
            depth + 1));
      }
    }
  }

  private static void visit(Object node, String where, Map<Kind, String> found, int depth, int nesting) {
    if (nesting > 64) {
      return;
    }
    if (node instanceof Map<?, ?> map) {
      if ("Secret".equals(map.get("kind"))) {
        secret(map, where, found, depth);
      }
      map.values().forEach(v -> visit(v, where, found, depth, nesting + 1));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> visit(v, where, found, depth, nesting + 1));
    } else if (node instanceof byte[] binary) {
      scan(binary, within(where, "!!binary"), found, depth + 1);
    } else if (node instanceof String string && string.contains("Secret") && KIND_SECRET.matcher(string).find()) {
      // a whole Secret manifest kept as a string: a ConfigMap value, a Helm values block scalar
      yaml(string.getBytes(StandardCharsets.UTF_8), string, within(where, "inside a YAML string"), found, depth + 1,
          true);
    }
  }

  private static void secret(Map<?, ?> secret, String where, Map<Kind, String> found, int depth) {
    String name = secret.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
    if (secret.get("data") instanceof Map<?, ?> data) {
      // keys naming a secret first, so that the report points at secret-id rather than at role-id beside it
      data.entrySet().stream().sorted(java.util.Comparator.comparing(e -> !String.valueOf(e.getKey()).contains("secret")))
          .forEach(e -> decoded(String.valueOf(e.getValue())).ifPresent(bytes -> scan(bytes,
              within("in Secret " + name + ", data." + e.getKey() + ", base64", where), found, depth + 1)));
    }
    if (secret.get("stringData") instanceof Map<?, ?> data) {
      data.forEach((key, value) -> scan(String.valueOf(value).getBytes(StandardCharsets.UTF_8),
          within("in Secret " + name + ", stringData." + key, where), found, depth + 1));
    }
  }

  private static java.util.Optional<byte[]> decoded(String base64) {
    try {
      return java.util.Optional.of(Base64.getMimeDecoder().decode(base64.strip()));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}

package dev.kesgen.eso;

import dev.kesgen.topology.Secrets;
import dev.kesgen.topology.Vault;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code external-secrets/apply.sh}: with the operator's token, writes each reader's policy and auth role, an AppRole
 * reader's credentials Secret (created once, like {@code vault/bootstrap-<instance>.sh}), and every {@link KvEntry}
 * that Vault does not hold yet, from the committed certificates and the private keys the run left in the secrets
 * directory. Never overwrites: an entry that exists is left alone (KV v2 {@code -cas=0} would refuse it anyway; KV v1
 * has no check-and-set, so the script lists the parent first and writes only a missing key, which is its "create
 * only"). Values travel as {@code @file} arguments, never on a command line, and nothing secret is printed.
 */
final class WriteScript {
  static final String PATH = dev.kesgen.layout.OutputLayout.EXTERNAL_SECRETS_APPLY;

  private WriteScript() {}

  static String render(Secrets.ExternalSecrets eso, Vault vault, List<Reader> readers, List<KvEntry> entries) {
    String kv = vault.kv().mount();
    StringBuilder s = new StringBuilder("#!/bin/sh\n").append(Manifests.HEADER)
        .append("#\n")
        .append("# Puts the private keys of this topology into Vault KV ").append(kv).append('/').append(eso.path())
        .append("/ for External Secrets Operator, and writes\n")
        .append("# its read-only login: the policies in external-secrets/policies/ and their ").append(eso.auth())
        .append(" roles. Run it after vault/apply.sh and after\n")
        .append("# every generate that issued a key, from the repository, with a token of the policy in\n")
        .append("# external-secrets/policies/").append(Reader.NAME).append("-writer.hcl. Idempotent, and it never overwrites: a KV entry that exists\n")
        .append("# is left alone (each entry's key path names its certificate, so a new certificate is a new entry).\n")
        .append("# Run it from the directory that holds the secrets directory generate wrote the keys to (KESGEN_SECRETS_DIR,\n")
        .append("# default secrets), as the README's commands are; prints no secret.\n")
        .append("set -eu\n")
        .append("out=$(cd \"$(dirname \"$0\")/..\" && pwd)\n")
        .append("secrets_dir=${KESGEN_SECRETS_DIR:-secrets}\n")
        .append(CLI)
        .append(vault.namespace().isEmpty() ? "" : "VAULT_NAMESPACE=" + q(vault.namespace())
            + "\nBAO_NAMESPACE=$VAULT_NAMESPACE\nexport VAULT_NAMESPACE BAO_NAMESPACE\n")
        .append("umask 077\nwork=$(mktemp -d)\ntrap 'rm -rf \"$work\"' EXIT\nkesgen_changed=no\n\n")
        .append("if ! kesgen_error=$(\"$vault_cli\" token lookup 2>&1 >/dev/null); then\n")
        .append("  echo \"the Vault token is missing, expired or not accepted at ${VAULT_ADDR:-the CLI's default address}: set\" \\\n")
        .append("    \"VAULT_TOKEN (or BAO_TOKEN) to a token with the policy in external-secrets/policies/")
        .append(Reader.NAME).append("-writer.hcl\" >&2\n")
        .append("  echo \"$kesgen_error\" >&2\n  exit 1\nfi\n");
    String authMount = Reader.authMount(eso, vault);
    s.append("if ! \"$vault_cli\" secrets list -format=json | grep -qF '\"").append(kv).append("/\"'; then\n")
        .append("  echo \"the KV mount ").append(kv).append("/ does not exist: run vault/apply.sh first\" >&2\n  exit 1\nfi\n")
        .append("if ! \"$vault_cli\" auth list -format=json | grep -qF '\"").append(authMount).append("/\"'; then\n");
    if (eso.auth().equals("appRole")) {
      s.append("  echo \"the AppRole auth method ").append(authMount).append("/ does not exist: run vault/apply.sh first\" >&2\n");
    } else {
      // vault/apply.sh enables and configures it (vault.kubernetes), once, also where KES instances use it
      s.append("  echo \"the Kubernetes auth method ").append(authMount).append("/ does not exist: run vault/apply.sh first\" >&2\n");
    }
    s.append("  exit 1\nfi\n");
    for (Reader reader : readers) {
      s.append("\n# reader ").append(reader.name()).append(": written every run, reported only when Vault's copy differs afterwards\n")
          .append("kesgen_before=$(\"$vault_cli\" policy read ").append(q(reader.name())).append(" 2>/dev/null || true)\n")
          .append("\"$vault_cli\" policy write ").append(q(reader.name())).append(" \"$out\"/").append(q(reader.policyFile())).append(" >/dev/null\n")
          .append("kesgen_after=$(\"$vault_cli\" policy read ").append(q(reader.name())).append(")\n")
          .append("if [ \"$kesgen_before\" != \"$kesgen_after\" ]; then\n  echo \"policy ").append(reader.name())
          .append(": written\"\n  kesgen_changed=yes\nfi\n")
          .append("kesgen_before=$(\"$vault_cli\" read -format=table ").append(q(reader.rolePath(eso, vault))).append(" 2>/dev/null || true)\n")
          .append("\"$vault_cli\" write ").append(q(reader.rolePath(eso, vault))).append(" - >/dev/null <<'EOF'\n")
          .append(roleJson(eso, vault, reader)).append("\nEOF\n")
          .append("kesgen_after=$(\"$vault_cli\" read -format=table ").append(q(reader.rolePath(eso, vault))).append(")\n")
          .append("if [ \"$kesgen_before\" != \"$kesgen_after\" ]; then\n  echo \"role ").append(reader.rolePath(eso, vault))
          .append(": written\"\n  kesgen_changed=yes\nfi\n");
      if (eso.auth().equals("appRole")) {
        String ns = reader.credentialsNamespace();
        String role = reader.rolePath(eso, vault);
        s.append("if ! kubectl get secret ").append(Reader.CREDENTIALS).append(" --namespace ").append(ns).append(" >/dev/null 2>&1; then\n")
            .append("  \"$vault_cli\" read -field=role_id ").append(q(role + "/role-id")).append(" > \"$work/role-id\"\n")
            .append("  \"$vault_cli\" write -f -field=secret_id ").append(q(role + "/secret-id")).append(" > \"$work/secret-id\"\n")
            .append("  # server-side apply keeps no second copy of the values in a last-applied annotation\n")
            .append("  kubectl create secret generic ").append(Reader.CREDENTIALS).append(" --namespace ").append(ns)
            .append(" \\\n    --from-file=role-id=\"$work/role-id\" --from-file=secret-id=\"$work/secret-id\" \\\n")
            .append("    --dry-run=client -o yaml | kubectl apply --server-side --force-conflicts -f - > /dev/null\n")
            .append("  rm -f \"$work/role-id\" \"$work/secret-id\"\n")
            .append("  echo \"Secret ").append(Reader.CREDENTIALS).append(" written in namespace ").append(ns)
            .append(" (the role id and a new secret id of ").append(reader.name()).append(")\"\n")
            .append("  kesgen_changed=yes\nfi\n");
      }
    }
    s.append("\n# $1 the KV key, $2 its parent, $3 tls.crt, $4 tls.key in the secrets directory, $5 ca.crt or nothing\n")
        .append("kesgen_put() {\n")
        .append("  if \"$vault_cli\" kv list -mount=").append(kv).append(" -format=json \"$2\" > \"$work/list\" 2> \"$work/list-error\"; then\n")
        .append("    if grep -qF \"\\\"${1##*/}\\\"\" \"$work/list\"; then\n      return 0\n    fi\n")
        .append("  elif grep -q 'No value found' \"$work/list-error\" \\\n")
        .append("      || { [ ! -s \"$work/list-error\" ] && [ \"$(tr -d ' \\t\\r\\n' < \"$work/list\")\" = '{}' ]; }; then\n")
        .append("    :\n")
        .append("  else\n")
        .append("    echo \"cannot list ").append(kv).append("/$2 (needs list on it):\" >&2\n")
        .append("    cat \"$work/list-error\" >&2\n    exit 1\n  fi\n")
        .append("  if [ ! -f \"$secrets_dir/$4\" ]; then\n")
        .append("    echo \"the private key of $1 is not in $secrets_dir/$4: run this where generate issued it, or set\" \\\n")
        .append("      \"KESGEN_SECRETS_DIR (or rotate the certificate and run again)\" >&2\n    exit 1\n  fi\n")
        .append("  if [ -n \"${5:-}\" ]; then\n")
        .append("    \"$vault_cli\" kv put -mount=").append(kv).append(vault.kv().version() == 2 ? " -cas=0" : "")
        .append(" \"$1\" ca.crt=@\"$out/$5\" tls.crt=@\"$out/$3\" tls.key=@\"$secrets_dir/$4\" >/dev/null\n")
        .append("  else\n")
        .append("    \"$vault_cli\" kv put -mount=").append(kv).append(vault.kv().version() == 2 ? " -cas=0" : "")
        .append(" \"$1\" tls.crt=@\"$out/$3\" tls.key=@\"$secrets_dir/$4\" >/dev/null\n")
        .append("  fi\n")
        .append("  echo \"").append(kv).append("/$1: written\"\n")
        .append("  kesgen_changed=yes\n}\n");
    for (KvEntry entry : entries) {
      s.append("kesgen_put ").append(q(entry.key())).append(' ').append(q(entry.parent())).append(' ')
          .append(q(entry.certificateFile())).append(' ').append(q(entry.keyFile()));
      entry.caFile().ifPresent(ca -> s.append(' ').append(q(ca)));
      s.append('\n');
    }
    s.append("if [ \"$kesgen_changed\" = no ]; then\n  echo \"no changes: every policy, role and KV entry was already in Vault\"\nfi\n");
    return s.toString();
  }

  /** The body of a reader's auth role. */
  static String roleJson(Secrets.ExternalSecrets eso, Vault vault, Reader reader) {
    String policies = "\"token_policies\": [\"" + reader.name() + "\"], \"token_no_default_policy\": true, "
        + "\"token_ttl\": \"1h\", \"token_max_ttl\": \"1h\"";
    if (eso.auth().equals("appRole")) {
      return "{" + policies + ", \"secret_id_ttl\": \"0\", \"secret_id_num_uses\": 0, \"token_bound_cidrs\": "
          + list(vault.approle().tokenBoundCidrs()) + ", \"secret_id_bound_cidrs\": "
          + list(vault.approle().secretIdBoundCidrs()) + "}";
    }
    Secrets.ExternalSecrets.ServiceAccount account = reader.loginAccount(eso);
    return "{" + policies + ", \"bound_service_account_names\": [\"" + account.name()
        + "\"], \"bound_service_account_namespaces\": [\"" + account.namespace() + "\"]}";
  }

  /**
   * The policy of the token that runs this script: exactly the calls it makes (and {@code kv put}'s and
   * {@code kv list}'s preflight, which reads the mount's version).
   */
  static String writerPolicy(Secrets.ExternalSecrets eso, Vault vault, List<Reader> readers) {
    String kv = vault.kv().mount();
    StringBuilder p = new StringBuilder(Manifests.HEADER)
        .append("# The token that runs external-secrets/apply.sh: exactly the paths it calls. It may create KV entries\n")
        .append("# under ").append(kv).append('/').append(eso.path()).append("/ but never read one.\n");
    rule(p, "auth/token/lookup-self", "read");
    rule(p, "sys/auth", "read");
    rule(p, "sys/mounts", "read");
    rule(p, "sys/internal/ui/mounts/" + kv + "/*", "read");
    for (Reader reader : readers) {
      rule(p, "sys/policies/acl/" + reader.name(), "create", "read", "update");
      rule(p, reader.rolePath(eso, vault), "create", "read", "update");
      if (eso.auth().equals("appRole")) {
        rule(p, reader.rolePath(eso, vault) + "/role-id", "read");
        rule(p, reader.rolePath(eso, vault) + "/secret-id", "update");
      }
    }
    if (vault.kv().version() == 2) {
      rule(p, kv + "/data/" + eso.path() + "/*", "create");
      rule(p, kv + "/metadata/" + eso.path() + "/*", "list");
    } else {
      rule(p, kv + "/" + eso.path() + "/*", "create", "list");
    }
    return p.toString();
  }

  private static void rule(StringBuilder p, String path, String... capabilities) {
    p.append("path \"").append(path).append("\" {\n  capabilities = [")
        .append(java.util.Arrays.stream(capabilities).map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")))
        .append("]\n}\n");
  }

  private static String list(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  private static String q(String value) {
    return "'" + value + "'";
  }

  private static final String CLI = """
      # The CLI: $KESGEN_VAULT_CLI if set, else vault where it is on the PATH, else OpenBao's bao (same commands).
      if [ -n "${KESGEN_VAULT_CLI:-}" ]; then
        vault_cli=$KESGEN_VAULT_CLI
      elif command -v vault >/dev/null 2>&1; then
        vault_cli=vault
      elif command -v bao >/dev/null 2>&1; then
        vault_cli=bao
      else
        echo "neither vault nor bao is on the PATH (or name the CLI in KESGEN_VAULT_CLI)" >&2
        exit 1
      fi
      # VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE and VAULT_CACERT, or the BAO_ variable of the same name where the
      # VAULT_ one is unset or empty; exported under both names so that either CLI sees the same value.
      for kesgen_name in ADDR TOKEN NAMESPACE CACERT; do
        eval "kesgen_value=\\${VAULT_$kesgen_name:-\\${BAO_$kesgen_name:-}}"
        if [ -n "$kesgen_value" ]; then
          eval "VAULT_$kesgen_name=\\$kesgen_value BAO_$kesgen_name=\\$kesgen_value"
          export "VAULT_$kesgen_name" "BAO_$kesgen_name"
        fi
      done
      unset kesgen_name kesgen_value
      """;
}

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
 * only"). Values travel as {@code @file} arguments, never on a command line, and nothing secret is printed. A secret
 * id it creates is destroyed again when the run ends before storing it (an error, a signal: the EXIT trap, while
 * {@code kesgen_pending} names its role). After
 * writing it counts the entries under the path that no committed ExternalSecret names, and {@code --prune} deletes
 * them ({@link PruneScript}).
 */
final class WriteScript {
  static final String PATH = dev.kesgen.layout.OutputLayout.EXTERNAL_SECRETS_APPLY;

  private WriteScript() {}

  static String render(Secrets.ExternalSecrets eso, Vault vault, List<Reader> readers, List<KvEntry> entries,
      List<AppRoleEntry> logins) {
    String kv = vault.kv().mount();
    boolean createsSecretIds = eso.auth().equals("appRole") || !logins.isEmpty();
    StringBuilder s = new StringBuilder("#!/bin/sh\n").append(Manifests.HEADER)
        .append("#\n")
        .append("# Puts the private keys of this topology into Vault KV ").append(kv).append('/').append(eso.path())
        .append("/ for External Secrets Operator, and writes\n")
        .append("# its read-only login: the policies in external-secrets/policies/ and their ").append(eso.auth())
        .append(" roles. Run it after vault/apply.sh and after\n")
        .append("# every generate that issued a key, from the repository, with a token of the policy in\n")
        .append("# external-secrets/policies/").append(Reader.NAME).append("-").append(Secrets.ExternalSecrets.WRITER).append(".hcl. Idempotent, and it never overwrites: a KV entry that exists\n")
        .append("# is left alone (each entry's key path names its certificate, so a new certificate is a new entry).\n")
        .append("# Run it from the directory that holds the secrets directory generate wrote the keys to (KESGEN_SECRETS_DIR,\n")
        .append("# default secrets), as the README's commands are; prints no secret.\n")
        .append("#\n# Old entries (a renewed or rotated certificate's, a removed tenant's or instance's) stay until --prune: after\n")
        .append("# writing, it lists ").append(kv).append('/').append(eso.path())
        .append("/ and counts the entries no committed ExternalSecret names; --prune deletes them\n")
        .append("# (KV v2: every version), printing each path. Prune only once the cluster has applied the new\n")
        .append("# ExternalSecrets and External Secrets Operator has refreshed their Secrets: until then a running Secret\n")
        .append("# still comes from an old entry, and its next refresh would fail. The current entries are never deleted.\n")
        .append(logins.isEmpty() ? "" : "#\n# It also gives each KES instance that logs in with AppRole its login: when Vault KV holds none yet, it\n"
            + "# reads the role id, creates a secret id and stores both create-only under " + kv + "/" + eso.path() + "/, from where\n"
            + "# the instance's ExternalSecret makes the Secret its pods read (no bootstrap script, no kubectl). A second run\n"
            + "# creates none. --rotate-secret-id <instance> creates a new one, stores it as the entry's next version and\n"
            + "# then destroys every older secret id of the role (then make ESO refresh and restart the KES pods).\n")
        .append(createsSecretIds ? "# A secret id it creates and cannot store (the run fails or is interrupted in between) is destroyed on\n"
            + "# the way out: nobody holds it, and it would log in for as long as its role exists.\n" : "")
        .append("set -eu\n")
        .append(arguments(logins))
        .append("out=$(cd \"$(dirname \"$0\")/..\" && pwd)\n")
        .append("secrets_dir=${KESGEN_SECRETS_DIR:-secrets}\n")
        .append(CLI)
        .append(vault.namespace().isEmpty() ? "" : "VAULT_NAMESPACE=" + q(vault.namespace())
            + "\nBAO_NAMESPACE=$VAULT_NAMESPACE\nexport VAULT_NAMESPACE BAO_NAMESPACE\n")
        .append("umask 077\nwork=$(mktemp -d)\n")
        // the EXIT trap removes the work directory (role and secret ids pass through it); a shell killed by a signal
        // runs no EXIT trap (dash), so Ctrl-C, kill and a closed terminal exit through it
        .append(createsSecretIds
            // a secret id created but not yet stored (in the cluster or KV) when the run ends, by a signal or an
            // error, is destroyed on the way out: nobody holds it, and it would log in for as long as its role exists
            ? "kesgen_pending=\ntrap 'if [ -n \"$kesgen_pending\" ]; then (kesgen_abandon) || true; fi; rm -rf \"$work\"' EXIT\n"
            : "trap 'rm -rf \"$work\"' EXIT\n")
        .append("trap 'exit 129' HUP\ntrap 'exit 130' INT\ntrap 'exit 143' TERM\n")
        .append(createsSecretIds ? secretIds() : "")
        .append("kesgen_changed=no\n\n")
        .append("if ! kesgen_error=$(\"$vault_cli\" token lookup 2>&1 >/dev/null); then\n")
        .append("  echo \"the Vault token is missing, expired or not accepted at ${VAULT_ADDR:-the CLI's default address}: set\" \\\n")
        .append("    \"VAULT_TOKEN (or BAO_TOKEN) to a token with the policy in external-secrets/policies/")
        .append(Reader.NAME).append("-").append(Secrets.ExternalSecrets.WRITER).append(".hcl\" >&2\n")
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
            .append("  kesgen_accessors ").append(q(role)).append(" > \"$work/before\"\n")
            .append("  kesgen_pending=").append(q(role)).append("\n")
            .append("  \"$vault_cli\" write -f -field=secret_id ").append(q(role + "/secret-id")).append(" > \"$work/secret-id\"\n")
            .append("  # server-side apply keeps no second copy of the values in a last-applied annotation\n")
            .append("  kubectl create secret generic ").append(Reader.CREDENTIALS).append(" --namespace ").append(ns)
            .append(" \\\n    --from-file=role-id=\"$work/role-id\" --from-file=secret-id=\"$work/secret-id\" \\\n")
            .append("    --dry-run=client -o yaml | kubectl apply --server-side --force-conflicts -f - > /dev/null\n")
            .append("  kesgen_pending=\n")
            .append("  rm -f \"$work/role-id\" \"$work/secret-id\"\n")
            .append("  echo \"Secret ").append(Reader.CREDENTIALS).append(" written in namespace ").append(ns)
            .append(" (the role id and a new secret id of ").append(reader.name()).append(")\"\n")
            .append("  kesgen_changed=yes\nfi\n");
      }
    }
    String cas = vault.kv().version() == 2 ? " -cas=0" : "";
    s.append("\n# $1 a KV key, $2 its parent: succeeds when Vault holds the key, fails when it does not, and ends the\n")
        .append("# script when the parent cannot be listed\n")
        .append("kesgen_exists() {\n")
        .append("  if \"$vault_cli\" kv list -mount=").append(kv).append(" -format=json \"$2\" > \"$work/list\" 2> \"$work/list-error\"; then\n")
        .append("    grep -qF \"\\\"${1##*/}\\\"\" \"$work/list\"\n")
        .append("  elif grep -q 'No value found' \"$work/list-error\" \\\n")
        .append("      || { [ ! -s \"$work/list-error\" ] && [ \"$(tr -d ' \\t\\r\\n' < \"$work/list\")\" = '{}' ]; }; then\n")
        .append("    return 1\n")
        .append("  else\n")
        .append("    echo \"cannot list ").append(kv).append("/$2 (needs list on it):\" >&2\n")
        .append("    cat \"$work/list-error\" >&2\n    exit 1\n  fi\n}\n")
        .append("\n# $1 the KV key, $2 its parent, $3 tls.crt, $4 tls.key in the secrets directory, $5 ca.crt or nothing, $6 the\n")
        .append("# config.env of an API key in the secrets directory (generate writes it beside the key) or nothing\n")
        .append("kesgen_put() {\n")
        .append("  if kesgen_exists \"$1\" \"$2\"; then\n    return 0\n  fi\n")
        .append("  if [ ! -f \"$secrets_dir/$4\" ]; then\n")
        .append("    echo \"the private key of $1 is not in $secrets_dir/$4: run this where generate issued it, or set\" \\\n")
        .append("      \"KESGEN_SECRETS_DIR (or rotate the certificate and run again)\" >&2\n    exit 1\n  fi\n")
        .append("  if [ -n \"${6:-}\" ] && [ ! -f \"$secrets_dir/$6\" ]; then\n")
        .append("    echo \"the config.env of $1 is not in $secrets_dir/$6: run generate again where the key is (it writes\" \\\n")
        .append("      \"config.env beside it), or set KESGEN_SECRETS_DIR\" >&2\n    exit 1\n  fi\n")
        .append("  kesgen_key=$1 kesgen_ca=${5:-} kesgen_env=${6:-}\n")
        .append("  set -- tls.crt=@\"$out/$3\" tls.key=@\"$secrets_dir/$4\"\n")
        .append("  if [ -n \"$kesgen_ca\" ]; then\n    set -- ca.crt=@\"$out/$kesgen_ca\" \"$@\"\n  fi\n")
        .append("  if [ -n \"$kesgen_env\" ]; then\n    set -- \"$@\" config.env=@\"$secrets_dir/$kesgen_env\"\n  fi\n")
        .append("  \"$vault_cli\" kv put -mount=").append(kv).append(cas).append(" \"$kesgen_key\" \"$@\" >/dev/null\n")
        .append("  echo \"").append(kv).append("/$kesgen_key: written\"\n")
        .append("  kesgen_changed=yes\n}\n");
    for (KvEntry entry : entries) {
      s.append("kesgen_put ").append(q(entry.key())).append(' ').append(q(entry.parent())).append(' ')
          .append(q(entry.certificateFile())).append(' ').append(q(entry.keyFile()));
      if (entry.caFile().isPresent() || entry.configEnvFile().isPresent()) {
        s.append(' ').append(q(entry.caFile().orElse("")));
      }
      entry.configEnvFile().ifPresent(env -> s.append(' ').append(q(env)));
      s.append('\n');
    }
    if (!logins.isEmpty()) {
      s.append(logins(kv, vault.kv().version()));
      for (AppRoleEntry login : logins) {
        s.append("kesgen_login ").append(q(login.instance().name())).append(' ').append(q(login.role().path()))
            .append(' ').append(q(login.key())).append(' ').append(q(login.parent())).append(' ')
            .append(q(login.secretIdMetadata())).append(' ').append(q(login.secretName())).append(' ')
            .append(q(login.namespace())).append('\n');
      }
    }
    s.append(PruneScript.render(kv, vault.kv().version(), eso.path(), entries, logins));
    s.append("if [ \"$kesgen_changed\" = no ]; then\n  echo \"no changes: every policy, role, KV entry")
        .append(logins.isEmpty() ? "" : " and AppRole login").append(" was already in Vault\"\nfi\n")
        .append(PruneScript.report(kv, eso.path()));
    return s.toString();
  }

  /**
   * The script's options: {@code --prune} ({@link PruneScript}) and, for an instance that logs in with AppRole,
   * {@code --rotate-secret-id <instance>}; both in one run rotate first and prune after (the rotated login is the
   * current entry, which prune never deletes).
   */
  private static String arguments(List<AppRoleEntry> logins) {
    String usage = logins.isEmpty()
        ? "      echo \"usage: $0 [--prune] (no KES instance of this topology logs in with AppRole, so there is\" \\\n"
            + "        \"no secret id to rotate)\" >&2\n"
        : "      echo \"usage: $0 [--prune] [--rotate-secret-id <instance>]\" >&2\n";
    StringBuilder s = new StringBuilder(logins.isEmpty() ? "" : "kesgen_rotate=\n")
        .append("kesgen_prune=no\n")
        .append("while [ \"$#\" -gt 0 ]; do\n")
        .append("  case \"$1\" in\n")
        .append("    --prune) kesgen_prune=yes; shift ;;\n");
    if (!logins.isEmpty()) {
      String names = logins.stream().map(l -> l.instance().name()).collect(Collectors.joining(", "));
      String patterns = logins.stream().map(l -> q(l.instance().name())).collect(Collectors.joining("|"));
      s.append("    --rotate-secret-id)\n")
          .append("      if [ \"$#\" -lt 2 ] || [ -n \"$kesgen_rotate\" ]; then\n")
          .append("        echo \"usage: $0 [--prune] [--rotate-secret-id <instance>] (one instance a run)\" >&2\n")
          .append("        exit 2\n      fi\n")
          .append("      case \"$2\" in\n")
          .append("        ").append(patterns).append(") kesgen_rotate=$2 ;;\n")
          .append("        *) echo \"no KES instance $2 logs in with AppRole in this topology (those that do: ").append(names)
          .append(")\" >&2\n          exit 2 ;;\n")
          .append("      esac\n")
          .append("      shift 2 ;;\n");
    }
    return s.append("    *)\n").append(usage).append("      exit 2 ;;\n")
        .append("  esac\n")
        .append("done\n").toString();
  }

  /**
   * The shell functions for the secret ids the script creates (an AppRole reader's, a KES instance's login):
   * accessors are listed and destroyed by name, as {@code vault/bootstrap-<instance>.sh} does, and
   * {@code kesgen_abandon}, which the EXIT trap calls while {@code kesgen_pending} names a role whose new secret id is
   * not stored yet: it destroys the accessors that are new since {@code $work/before}.
   */
  private static String secretIds() {
    return "\n# The secret id accessors of AppRole role $1, one per line. For a role without secret ids the CLI exits 2\n"
        + "# printing {} (or \"No value found\"); any other failure ends the script.\n"
        + "kesgen_accessors() {\n"
        + "  if \"$vault_cli\" list -format=json \"$1/secret-id\" > \"$work/list\" 2> \"$work/list-error\"; then\n"
        + "    tr ',' '\\n' < \"$work/list\" | tr -d '[]\" \\t\\r' | grep -v '^$' || true\n"
        + "  elif grep -q 'No value found' \"$work/list-error\" \\\n"
        + "      || { [ ! -s \"$work/list-error\" ] && [ \"$(tr -d ' \\t\\r\\n' < \"$work/list\")\" = '{}' ]; }; then\n"
        + "    :\n"
        + "  else\n"
        + "    echo \"cannot list the secret ids of $1 (needs list on $1/secret-id):\" >&2\n"
        + "    cat \"$work/list-error\" >&2\n    exit 1\n  fi\n}\n"
        + "# Destroys the secret ids of role $1 whose accessors file $2 lists, then lists again: succeeds only if none is left.\n"
        + "kesgen_destroy() {\n"
        + "  while read -r kesgen_accessor; do\n"
        + "    \"$vault_cli\" write \"$1/secret-id-accessor/destroy\" secret_id_accessor=\"$kesgen_accessor\" > /dev/null || true\n"
        + "  done < \"$2\"\n"
        + "  kesgen_accessors \"$1\" > \"$work/after\"\n"
        + "  ! grep -qxF -f \"$2\" \"$work/after\"\n}\n"
        + "# The run ends (a signal, an error) between creating a secret id of role $kesgen_pending and storing it: the\n"
        + "# accessors new since $work/before are destroyed, so no secret id is left that nobody holds.\n"
        + "kesgen_abandon() {\n"
        + "  kesgen_accessors \"$kesgen_pending\" > \"$work/now\"\n"
        + "  grep -vxF -f \"$work/before\" \"$work/now\" > \"$work/new\" || true\n"
        + "  if [ ! -s \"$work/new\" ]; then\n    return 0\n  fi\n"
        + "  if kesgen_destroy \"$kesgen_pending\" \"$work/new\"; then\n"
        + "    echo \"the run ended before the new secret id of $kesgen_pending was stored: it was destroyed\" >&2\n"
        + "  else\n"
        + "    echo \"the run ended before the new secret id of $kesgen_pending was stored, and it could not be\" \\\n"
        + "      \"destroyed: destroy the accessors of $kesgen_pending/secret-id that were created just now\" >&2\n"
        + "  fi\n}\n";
  }

  /**
   * The shell functions that give a KES instance its AppRole login through KV ({@link AppRoleEntry}): secret id
   * accessors are listed and destroyed by name, as {@code vault/bootstrap-<instance>.sh} does, and values travel in
   * files only.
   */
  private static String logins(String kv, int version) {
    String put = version == 2
        ? "  \"$vault_cli\" kv put -mount=" + kv + " -cas=\"$kesgen_version\" \"$3\" role-id=@\"$work/role-id\" \\\n"
        : "  \"$vault_cli\" kv put -mount=" + kv + " \"$3\" role-id=@\"$work/role-id\" \\\n";
    String current = version == 2
        ? "    # the next version, with check-and-set: never over a version this run did not see\n"
            + "    kesgen_version=$(\"$vault_cli\" read -field=current_version " + q(kv + "/metadata/") + "\"$3\")\n"
        : "    # KV v1 keeps no versions and has no check-and-set: the entry is replaced\n";
    return "\n# $1 the instance, $2 its AppRole role, $3 the KV key of its login, $4 the key's parent, $5 the secret id's\n"
        + "# metadata, $6 and $7 the Secret its ExternalSecret makes and its namespace\n"
        + "kesgen_login() {\n"
        + "  kesgen_version=0\n"
        + "  if kesgen_exists \"$3\" \"$4\"; then\n"
        + "    if [ \"$kesgen_rotate\" != \"$1\" ]; then\n      return 0\n    fi\n"
        + current
        + "  fi\n"
        + "  kesgen_accessors \"$2\" > \"$work/before\"\n"
        + "  if ! \"$vault_cli\" read -field=role_id \"$2/role-id\" > \"$work/role-id\"; then\n"
        + "    echo \"cannot read the role id of $2: run vault/apply.sh first\" >&2\n    exit 1\n  fi\n"
        + "  kesgen_pending=$2\n"
        + "  \"$vault_cli\" write -f -field=secret_id \"$2/secret-id\" metadata=\"$5\" > \"$work/secret-id\"\n"
        + "  if ! { " + put.substring(2)
        + "      secret-id=@\"$work/secret-id\" > /dev/null; }; then\n"
        + "    kesgen_pending=\n"
        + "    kesgen_accessors \"$2\" > \"$work/now\"\n"
        + "    grep -vxF -f \"$work/before\" \"$work/now\" > \"$work/new\" || true\n"
        + "    if kesgen_destroy \"$2\" \"$work/new\"; then\n"
        + "      echo \"could not write " + kv + "/$3; the new secret id was destroyed\" >&2\n"
        + "    else\n"
        + "      echo \"could not write " + kv + "/$3, and the new secret id could not be destroyed: destroy the\" \\\n"
        + "        \"accessors of $2/secret-id that were created just now\" >&2\n"
        + "    fi\n    exit 1\n  fi\n"
        + "  kesgen_pending=\n"
        + "  rm -f \"$work/role-id\" \"$work/secret-id\"\n"
        + "  echo \"" + kv + "/$3: written (the role id and a new secret id of $2, for Secret $6 in namespace $7)\"\n"
        + "  kesgen_changed=yes\n"
        + "  if [ \"$kesgen_rotate\" = \"$1\" ]; then\n"
        + "    if ! kesgen_destroy \"$2\" \"$work/before\"; then\n"
        + "      echo \"could not destroy the older secret ids of $2 (they still log in): check the token's update\" \\\n"
        + "        \"capability on $2/secret-id-accessor/destroy and run again with --rotate-secret-id $1\" >&2\n"
        + "      exit 1\n    fi\n"
        + "    echo \"older secret ids of $2 destroyed (checked by listing again); make External Secrets Operator read\" \\\n"
        + "      \"the new one (kubectl annotate externalsecret $6 --namespace $7 force-sync=\\$(date +%s) --overwrite)\" \\\n"
        + "      \"and then restart the KES pods of $7\"\n"
        + "  fi\n}\n";
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
   * {@code kv list}'s preflight, which reads the mount's version), {@code --prune}'s deletes included.
   */
  static String writerPolicy(Secrets.ExternalSecrets eso, Vault vault, List<Reader> readers,
      List<AppRoleEntry> logins) {
    String kv = vault.kv().mount();
    StringBuilder p = new StringBuilder(Manifests.HEADER)
        .append("# The token that runs external-secrets/apply.sh: exactly the paths it calls. It may create KV entries\n")
        .append("# under ").append(kv).append('/').append(eso.path()).append("/ and delete those no ExternalSecret names (--prune), but never read\n")
        .append("# one; nothing outside that path of the KV mount, so no KES key.\n");
    rule(p, "auth/token/lookup-self", "read");
    rule(p, "sys/auth", "read");
    rule(p, "sys/mounts", "read");
    rule(p, "sys/internal/ui/mounts/" + kv + "/*", "read");
    for (Reader reader : readers) {
      rule(p, "sys/policies/acl/" + reader.name(), "create", "read", "update");
      rule(p, reader.rolePath(eso, vault), "create", "read", "update");
      if (eso.auth().equals("appRole")) {
        rule(p, reader.rolePath(eso, vault) + "/role-id", "read");
        // a secret id, and the list of accessors to destroy it again when the run ends before the Secret holds it
        rule(p, reader.rolePath(eso, vault) + "/secret-id", "list", "update");
        rule(p, reader.rolePath(eso, vault) + "/secret-id-accessor/destroy", "update");
      }
    }
    // list to find what exists (and, with --prune, what no ExternalSecret names), delete for --prune (KV v2: the
    // metadata, so every version goes); the current AppRole login entries' exact rules below win over these and
    // have no delete, so not even --prune can delete a KES instance's current login
    if (vault.kv().version() == 2) {
      rule(p, kv + "/data/" + eso.path() + "/*", "create");
      rule(p, kv + "/metadata/" + eso.path() + "/*", "list", "delete");
    } else {
      rule(p, kv + "/" + eso.path() + "/*", "create", "list", "delete");
    }
    for (AppRoleEntry login : logins) {
      // a KES instance's login: its role id, a secret id (and the list of their accessors, to destroy the new one if
      // storing it fails and the older ones on --rotate-secret-id), and the one KV entry a rotation writes again
      rule(p, login.role().roleIdPath(), "read");
      rule(p, login.role().secretIdPath(), "list", "update");
      rule(p, login.role().accessorDestroyPath(), "update");
      if (vault.kv().version() == 2) {
        rule(p, kv + "/data/" + login.key(), "create", "update");
        rule(p, kv + "/metadata/" + login.key(), "read");
      } else {
        rule(p, kv + "/" + login.key(), "create", "update");
      }
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

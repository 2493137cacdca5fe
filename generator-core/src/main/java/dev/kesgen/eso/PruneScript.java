package dev.kesgen.eso;

import java.util.List;
import java.util.TreeSet;

/**
 * The part of {@code external-secrets/apply.sh} that finds, and with {@code --prune} deletes, the KV entries under
 * {@code <mount>/<path>/} that no committed ExternalSecret names any more: a renewed or rotated certificate's old
 * entry (its key path names the old certificate), the entries of a tenant or instance the topology no longer has,
 * and the AppRole login entry of a role that moved (another approle mount) or of a removed instance. It walks the
 * three levels the script writes, {@code <namespace>/<Secret>/<fingerprint>}, and leaves alone, saying so, whatever
 * else it finds there (a name of another shape, a folder where an entry belongs, characters kesgen never writes).
 *
 * <p>The current entries are never deleted: they are the keys of this run's {@link KvEntry}s and
 * {@link AppRoleEntry}s, written in the script, and the current login entry's exact rule in the writer policy has no
 * delete at all. KV v2 deletes with {@code kv metadata delete} (every version and the metadata go), KV v1 with
 * {@code kv delete}. Deleting an old login entry deletes the copy of its secret id, not the secret id: that logs in
 * while its role exists, which is what {@code kesgen vault plan} lists as a role the topology no longer has.
 *
 * <p>Without {@code --prune} the script only counts them: deleting an entry before External Secrets Operator has
 * read the new ExternalSecret would break the running Secret's next refresh.
 */
final class PruneScript {
  private PruneScript() {}

  /** The shell that lists the stale entries into {@code $work/stale} and deletes them when asked. */
  static String render(String kv, int version, String path, List<KvEntry> entries, List<AppRoleEntry> logins) {
    TreeSet<String> current = new TreeSet<>();
    entries.forEach(e -> current.add(e.key()));
    logins.forEach(l -> current.add(l.key()));
    String delete = version == 2
        ? "\"$vault_cli\" kv metadata delete -mount=" + kv + " \"$kesgen_key\" > /dev/null"
        : "\"$vault_cli\" kv delete -mount=" + kv + " \"$kesgen_key\" > /dev/null";
    StringBuilder s = new StringBuilder("\n# Stale entries: what lies under ").append(kv).append('/').append(path)
        .append("/ but no committed ExternalSecret names (an old certificate's\n")
        .append("# entry, a removed tenant's or instance's, a moved AppRole role's login). These are the ones it names:\n")
        .append("cat > \"$work/current\" <<'EOF'\n");
    current.forEach(k -> s.append(k).append('\n'));
    s.append("EOF\n")
        .append("# $1 a folder below the mount, ending in /: its names, one a line, into $2 (a folder's ends in /), but for\n")
        .append("# names kesgen never writes (said so); ends the script when it cannot be listed\n")
        .append("kesgen_list() {\n")
        .append("  if \"$vault_cli\" kv list -mount=").append(kv).append(" -format=json \"$1\" > \"$work/list\" 2> \"$work/list-error\" < /dev/null; then\n")
        // the CLI prints one name a line, quoted; a name with a character kesgen never writes (a quote, a comma, a
        // space) is not taken apart but left alone
        .append("    grep -E '^ *\"[A-Za-z0-9_.-]+/?\",? *$' \"$work/list\" | tr -d ' \",\\r' > \"$2\" || true\n")
        .append("    if grep -qvE '^ *(\\[|\\]|\\[\\]|\"[A-Za-z0-9_.-]+/?\",?) *$' \"$work/list\"; then\n")
        .append("      echo \"left alone: names under ").append(kv).append("/$1 that this script never writes\"\n")
        .append("    fi\n")
        .append("  elif grep -q 'No value found' \"$work/list-error\" \\\n")
        .append("      || { [ ! -s \"$work/list-error\" ] && [ \"$(tr -d ' \\t\\r\\n' < \"$work/list\")\" = '{}' ]; }; then\n")
        .append("    : > \"$2\"\n")
        .append("  else\n")
        .append("    echo \"cannot list ").append(kv).append("/$1 (needs list on it):\" >&2\n")
        .append("    cat \"$work/list-error\" >&2\n    exit 1\n  fi\n}\n")
        .append(": > \"$work/stale\"\n")
        .append("kesgen_list ").append(q(path + "/")).append(" \"$work/namespaces\"\n")
        .append("while read -r kesgen_ns; do\n")
        .append("  case \"$kesgen_ns\" in\n")
        .append("    */) ;;\n")
        .append("    *) echo \"left alone: ").append(kv).append('/').append(path)
        .append("/$kesgen_ns (not an entry this script writes)\"; continue ;;\n")
        .append("  esac\n")
        .append("  kesgen_list ").append(q(path + "/")).append("\"$kesgen_ns\" \"$work/names\"\n")
        .append("  while read -r kesgen_name; do\n")
        .append("    case \"$kesgen_name\" in\n")
        .append("      */) ;;\n")
        .append("      *) echo \"left alone: ").append(kv).append('/').append(path)
        .append("/$kesgen_ns$kesgen_name (not an entry this script writes)\"; continue ;;\n")
        .append("    esac\n")
        .append("    kesgen_list ").append(q(path + "/")).append("\"$kesgen_ns$kesgen_name\" \"$work/fingerprints\"\n")
        .append("    while read -r kesgen_fingerprint; do\n")
        .append("      kesgen_key=").append(q(path + "/")).append("$kesgen_ns$kesgen_name$kesgen_fingerprint\n")
        .append("      case \"$kesgen_fingerprint\" in\n")
        .append("        */) echo \"left alone: ").append(kv).append("/$kesgen_key (a folder, not an entry this script writes)\" ;;\n")
        .append("        *) grep -qxF \"$kesgen_key\" \"$work/current\" || echo \"$kesgen_key\" >> \"$work/stale\" ;;\n")
        .append("      esac\n")
        .append("    done < \"$work/fingerprints\"\n")
        .append("  done < \"$work/names\"\n")
        .append("done < \"$work/namespaces\"\n")
        .append("kesgen_stale=$(grep -c . \"$work/stale\" || true)\n")
        .append("if [ \"$kesgen_prune\" = yes ]; then\n")
        .append("  while read -r kesgen_key; do\n")
        .append("    if ! ").append(delete).append("; then\n")
        .append("      echo \"cannot delete ").append(kv).append("/$kesgen_key (needs delete on ")
        .append(version == 2 ? kv + "/metadata/$kesgen_key" : kv + "/$kesgen_key")
        .append(", which the writer policy grants)\" >&2\n      exit 1\n    fi\n")
        .append("    case \"$kesgen_key\" in\n")
        .append("      */*-approle/*) echo \"").append(kv).append("/$kesgen_key: deleted (an old AppRole login: its secret id\" \\\n")
        .append("        \"still logs in while its role exists; kesgen vault plan lists the roles this topology no longer has)\" ;;\n")
        .append("      *) echo \"").append(kv).append("/$kesgen_key: deleted\" ;;\n")
        .append("    esac\n")
        .append("    kesgen_changed=yes\n")
        .append("  done < \"$work/stale\"\n")
        .append("fi\n");
    return s.toString();
  }

  /** Printed after the "no changes" line: how many stale entries wait, when not pruning. */
  static String report(String kv, String path) {
    return "if [ \"$kesgen_prune\" = no ] && [ \"$kesgen_stale\" -gt 0 ]; then\n"
        + "  echo \"stale entries under " + kv + "/" + path + "/ that no committed ExternalSecret names: $kesgen_stale;\" \\\n"
        + "    \"once the cluster has applied the new ExternalSecrets and External Secrets Operator has refreshed them,\" \\\n"
        + "    \"run again with --prune to delete them\"\n"
        + "fi\n";
  }

  private static String q(String value) {
    return "'" + value + "'";
  }
}

package dev.kesgen.kes;

import dev.kesgen.topology.KesVersion;
import java.util.List;
import java.util.Objects;

/**
 * The server-configuration dialect of a range of KES releases, chosen by {@link #of(KesVersion)}.
 *
 * <p>Constants are ordered by release; each answers what its range understands. Citations are
 * {@code K@tag:file:line} in github.com/minio/kes. Every feature question is an exhaustive {@code switch} over the
 * constants, so a constant added for a new release does not compile until each question is answered for it. The ranges follow the DOMAIN.md table, split where the
 * source shows a difference in something kesgen writes or relies on (v0.13.0, v0.17.3, 2023-04-03, 2023-11-09).
 */
public enum KesDialect {
  /** v0.13.0: as v0.13.1 but the Vault {@code tls.ca} is overwritten by {@code tls.cert} (K@v0.13.0:cmd/kes/config.go:129-130). */
  V0_13_0("v0.13.0"),
  /** v0.13.1 – v0.13.5: {@code root}, {@code paths}, the backend under the {@code keys:} map, strict YAML. */
  V0_13_1("v0.13.1"),
  /** v0.13.6 – v0.14.x: backend under {@code keystore:}, {@code keys:} list created at start-up (K@v0.13.6:cmd/kes/config.go:61-65). */
  V0_13_6("v0.13.6"),
  /** v0.15.0 – v0.17.1: {@code allow}/{@code deny} and {@code keystore.vault.version} (K@v0.15.0:cmd/kes/config.go:233,255). */
  V0_15_0("v0.15.0"),
  /** v0.17.2: {@code admin.identity} (K@v0.17.2:cmd/kes/config.go:33-36), still strict-with-fallback parsing. */
  V0_17_2("v0.17.2"),
  /**
   * v0.17.3 – v0.17.5: non-strict parsing, {@code cache.expiry.offline} (K@v0.17.3:internal/yml/config.go:146;
   * server-config.go:41), and a policy's identities read from the key {@code identity}
   * (K@v0.17.3:internal/yml/server-config.go:34), so an {@code identities:} list would be dropped silently.
   */
  V0_17_3("v0.17.3"),
  /** v0.17.6 – v0.21.x: as v0.17.3, identities under {@code identities} again (minio/kes commit 2629439, in v0.17.6). */
  V0_17_6("v0.17.6"),
  /**
   * v0.22.0 – v0.22.2: keserv; an unset {@code ${VAR}} is an error; the server certificate needs a DNS/IP SAN; no
   * top-level {@code version} (K@v0.22.2:keserv/config.go:30-39 decodes without looking for one).
   */
  V0_22_0("v0.22.0"),
  /** v0.22.3 – v0.22.x: as v0.22.0, plus the top-level {@code version} check (K@v0.22.3:keserv/config.go:42-48,102). */
  V0_22_3("v0.22.3"),
  /** 2023-02-15: the first date release; keserv as v0.22.3, nothing kesgen writes differs from v0.22.x. */
  D2023_02_15("2023-02-15T14-54-37Z"),
  /**
   * 2023-04-03 – 2023-04-18: the edge parser; {@code retry} keys are gone (K@2023-04-03T16-41-28Z:edge/server-config-yml.go:92-96),
   * and the audit switch is inverted: audit logging is on unless {@code log.audit} is {@code on}
   * (K@2023-04-03T16-41-28Z:edge/server-config-yml.go:307; the same line at 2023-04-17T23-01-06Z and 2023-04-18T19-36-09Z).
   */
  D2023_04_03("2023-04-03T16-41-28Z"),
  /** 2023-05-02 – 2023-10-03: as 2023-04-03 with the audit switch fixed (K@2023-05-02T22-48-10Z:edge/server-config-yml.go:307). */
  D2023_05_02("2023-05-02T22-48-10Z"),
  /** 2023-10-24 – 2023-10-27: {@code keys:} no longer created, client certificates never verified, {@code --addr} required. */
  D2023_10_24("2023-10-24T20-26-51Z"),
  /** 2023-11-09 – 2025-03-12: kesconf; {@code tls.auth} in the config, {@code --auth} ignored (K@2023-11-09T17-35-47Z:kesconf/config.go:35). */
  D2023_11_09("2023-11-09T17-35-47Z");

  /** The last KES release; upstream was deprecated after it. */
  public static final KesVersion LAST = KesVersion.NEWEST;

  private final KesVersion since;

  KesDialect(String since) {
    this.since = KesVersion.of(since);
  }

  /** The first release of this range. */
  public KesVersion since() {
    return since;
  }

  /**
   * The dialect of a release. The Go-module tags v0.23.x (= 2023-11-10T10-44-28Z) and v0.24.x (a commit between
   * 2024-12-30 and 2025-01-30) are mapped to their date releases, since {@link KesVersion} orders every {@code v}
   * tag before every date tag.
   *
   * @throws IllegalArgumentException for releases before v0.13.0, after {@link #LAST}, or v0.25 and later
   */
  public static KesDialect of(KesVersion version) {
    Objects.requireNonNull(version, "version");
    if (!isSupported(version)) {
      throw new IllegalArgumentException("KES " + version + " is not supported: kesgen knows v0.13.0 to " + LAST);
    }
    if (version.date().isEmpty() && version.isAtLeast("v0.23.0")) {
      return D2023_11_09;
    }
    KesDialect found = V0_13_0;
    for (KesDialect d : values()) {
      if (version.isAtLeast(d.since)) {
        found = d;
      }
    }
    return found;
  }

  /**
   * The releases this dialect covers, for people ({@code SUMMARY.md}, the configuration's header): {@code v0.13.1 –
   * v0.13.5}, or the one release; never the constant's name.
   */
  public String releases() {
    // the Go-module tags v0.23.x and v0.24.x map to date releases but sort before them: name the date releases only
    List<KesVersion> covered = KesVersion.releases().stream()
        .filter(v -> of(v) == this && v.date().isPresent() == since.date().isPresent()).toList();
    if (covered.isEmpty()) {
      return since.toString();
    }
    KesVersion first = covered.get(0);
    KesVersion last = covered.get(covered.size() - 1);
    return first.equals(last) ? first.toString() : first + " – " + last;
  }

  /** Whether {@link #of(KesVersion)} knows this release. */
  public static boolean isSupported(KesVersion version) {
    return version.isSupported();
  }

  /** How the admin identity is written. K@v0.17.2:cmd/kes/config.go:33-36 replaced {@code root}. */
  public AdminStyle adminStyle() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0 -> AdminStyle.ROOT;
      case V0_17_2, V0_17_3, V0_17_6, V0_22_0, V0_22_3,
          D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> AdminStyle.ADMIN_IDENTITY;
    };
  }

  /** The policy key holding the allowed API paths: {@code paths} until v0.14.x, {@code allow} from K@v0.15.0:cmd/kes/config.go:233. */
  public String policyRuleKey() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6 -> "paths";
      case V0_15_0, V0_17_2, V0_17_3, V0_17_6, V0_22_0,
          V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> "allow";
    };
  }

  /** Where the Vault backend sits. K@v0.13.6:cmd/kes/config.go:65 moved it from {@code keys:} to {@code keystore:}. */
  public BackendSection backendSection() {
    return switch (this) {
      case V0_13_0, V0_13_1 -> BackendSection.KEYS_MAP;
      case V0_13_6, V0_15_0, V0_17_2, V0_17_3, V0_17_6, V0_22_0,
          V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> BackendSection.KEYSTORE;
    };
  }

  /** Whether a top-level {@code keys: [{name}]} list is parsed (from K@v0.13.6:cmd/kes/config.go:61-63). */
  public boolean hasKeysList() {
    return switch (this) {
      case V0_13_0, V0_13_1 -> false;
      case V0_13_6, V0_15_0, V0_17_2, V0_17_3, V0_17_6, V0_22_0,
          V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> true;
    };
  }

  /**
   * Whether KES creates the listed keys at start-up: K@v0.13.6:cmd/kes/server.go:214-224 up to
   * K@2023-10-03T00-48-37Z:cmd/kes/gateway.go:602-615; from 2023-10-24 the list is parsed but never used
   * (K@2023-10-24T20-26-51Z:cmd/kes/server.go; K@2025-03-12T09-35-18Z:kesconf/file.go:113 has no reader; minio/kes#519).
   */
  public boolean createsListedKeys() {
    return switch (this) {
      case V0_13_0, V0_13_1, D2023_10_24, D2023_11_09 -> false;
      case V0_13_6, V0_15_0, V0_17_2, V0_17_3, V0_17_6,
          V0_22_0, V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02 -> true;
    };
  }

  /** Whether {@code keystore.vault.version} exists (K@v0.15.0:cmd/kes/config.go:255); without it KES speaks KV v1 only. */
  public boolean hasVaultVersion() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6 -> false;
      case V0_15_0, V0_17_2, V0_17_3, V0_17_6, V0_22_0,
          V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> true;
    };
  }

  /**
   * Whether a top-level {@code version: v1} may be written: known from K@v0.22.3:keserv/config.go:42-48; v0.22.0 –
   * v0.22.2 do not know the field (they would ignore it, K@v0.22.2:keserv/config.go:32, but kesgen never writes a
   * field a release does not know).
   */
  public boolean acceptsTopLevelVersion() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_3, V0_17_6, V0_22_0 -> false;
      case V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> true;
    };
  }

  /**
   * The policy key holding the identities: {@code identity} in v0.17.3 – v0.17.5
   * (K@v0.17.3:internal/yml/server-config.go:34, likewise at v0.17.4 and v0.17.5), {@code identities} in every other
   * release (K@v0.13.0:cmd/kes/config.go; K@v0.17.6:internal/yml/server-config.go:34; K@v0.22.3:keserv/yml.go:37;
   * K@2023-11-09T17-35-47Z:kesconf/config.go).
   */
  public String policyIdentitiesKey() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_6,
          V0_22_0, V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> "identities";
      case V0_17_3 -> "identity";
    };
  }

  /**
   * The {@code log.audit} value that turns audit logging off: {@code on} in 2023-04-03 – 2023-04-18, whose parser
   * sets {@code Audit: value != "on"} (K@2023-04-03T16-41-28Z:edge/server-config-yml.go:307, accepting only on, off
   * or empty at :265), {@code off} everywhere else.
   */
  public String auditOffValue() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_3,
          V0_17_6, V0_22_0, V0_22_3, D2023_02_15, D2023_05_02, D2023_10_24, D2023_11_09 -> "off";
      case D2023_04_03 -> "on";
    };
  }

  /** Whether {@link #auditOffValue()} is the inverted spelling, which the generated file explains in a comment. */
  public boolean invertsAuditSwitch() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_3,
          V0_17_6, V0_22_0, V0_22_3, D2023_02_15, D2023_05_02, D2023_10_24, D2023_11_09 -> false;
      case D2023_04_03 -> true;
    };
  }

  /** Who decides whether client certificates are verified. */
  public ClientAuth clientAuth() {
    // FLAG: K@v0.13.0:cmd/kes/server.go:104,251-258; NEVER_VERIFIED: K@2023-10-24T20-26-51Z:cmd/kes/server.go:405
    // hard-codes RequestClientCert; CONFIG_FIELD: K@2023-11-09T17-35-47Z:kesconf/config.go:35,257; cmd/kes/server.go:103-105
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_3,
          V0_17_6, V0_22_0, V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02 -> ClientAuth.FLAG;
      case D2023_10_24 -> ClientAuth.NEVER_VERIFIED;
      case D2023_11_09 -> ClientAuth.CONFIG_FIELD;
    };
  }

  /** Whether the AppRole block has {@code retry} (gone from K@2023-04-03T16-41-28Z:edge/server-config-yml.go:92-96). */
  public boolean hasAppRoleRetry() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_3, V0_17_6, V0_22_0, V0_22_3, D2023_02_15 -> true;
      case D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> false;
    };
  }

  /**
   * Whether {@code vault.tls.ca} from the config reaches the Vault client. Not in v0.13.0, which overwrites it with
   * {@code tls.cert} (K@v0.13.0:cmd/kes/config.go:129-130, fixed in v0.13.1); there the Vault client's own
   * {@code VAULT_CACERT} (vault/api v1.0.4 DefaultConfig reads it) is the way in.
   */
  public boolean readsVaultCaFromConfig() {
    return switch (this) {
      case V0_13_0 -> false;
      case V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_3, V0_17_6,
          V0_22_0, V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> true;
    };
  }

  /** Whether the server ignores the config address and must be given {@code --addr} (K@2023-10-24T20-26-51Z:cmd/kes/server.go:206; server.go:283-285; minio/kes#418). */
  public boolean needsAddrFlag() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2, V0_17_3,
          V0_17_6, V0_22_0, V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_11_09 -> false;
      case D2023_10_24 -> true;
    };
  }

  /**
   * How unknown YAML fields are treated: rejected (K@v0.13.0:cmd/kes/config.go:74 decoder.SetStrict(true)), strict
   * with a lenient legacy fallback (K@v0.13.6:cmd/kes/config.go:77-87), ignored (K@v0.17.3:internal/yml/config.go:146
   * plain yaml.Unmarshal).
   */
  public UnknownFields unknownFields() {
    return switch (this) {
      case V0_13_0, V0_13_1 -> UnknownFields.REJECTED;
      case V0_13_6, V0_15_0, V0_17_2 -> UnknownFields.STRICT_WITH_LEGACY_FALLBACK;
      case V0_17_3, V0_17_6, V0_22_0, V0_22_3,
          D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> UnknownFields.IGNORED;
    };
  }

  /** The command-line parser: Go's {@code flag} until v0.17.x, spf13/pflag from K@v0.18.0:cmd/kes/server.go; both read {@code --x=v}. */
  public FlagParser flagParser() {
    return switch (this) {
      case V0_13_0, V0_13_1, V0_13_6, V0_15_0, V0_17_2 -> FlagParser.GO_FLAG;
      case V0_17_3, V0_17_6 -> FlagParser.GO_FLAG_OR_PFLAG;
      case V0_22_0, V0_22_3, D2023_02_15, D2023_04_03, D2023_05_02, D2023_10_24, D2023_11_09 -> FlagParser.PFLAG;
    };
  }

  /**
   * The container arguments after the {@code kes} binary. Always {@code --x=v} single tokens, which both Go's
   * {@code flag} and pflag read; no {@code --mlock} (gone in v0.21.0, automatic since), no positional argument
   * (v0.21+ would start a stateful server).
   */
  public List<String> serverArgs(String configPath, int port) {
    Objects.requireNonNull(configPath, "configPath");
    String config = "--config=" + configPath;
    return switch (clientAuth()) {
      case FLAG -> List.of("server", config, "--auth=off");
      case NEVER_VERIFIED -> needsAddrFlag()
          ? List.of("server", config, "--addr=0.0.0.0:" + port)
          : List.of("server", config);
      case CONFIG_FIELD -> List.of("server", config);
    };
  }

  /** How the admin identity is written. */
  public enum AdminStyle {
    /** Top-level {@code root: <identity>}. */
    ROOT,
    /** {@code admin: {identity: <identity>}}. */
    ADMIN_IDENTITY
  }

  /** Where the key store configuration sits. */
  public enum BackendSection {
    /** {@code keys: {vault: ...}}. */
    KEYS_MAP,
    /** {@code keystore: {vault: ...}}. */
    KEYSTORE
  }

  /** What controls client-certificate verification. */
  public enum ClientAuth {
    /** The {@code --auth=off} flag (off = any certificate, identity only). */
    FLAG,
    /** Nothing: the release never verifies client certificates. */
    NEVER_VERIFIED,
    /** The {@code tls.auth} config field, default off. */
    CONFIG_FIELD
  }

  /** How unknown YAML fields are treated. */
  public enum UnknownFields {
    /** The file is rejected. */
    REJECTED,
    /** Strict parse, then a lenient legacy parse that may silently drop sections. */
    STRICT_WITH_LEGACY_FALLBACK,
    /** Ignored. */
    IGNORED
  }

  /** The command-line flag parser. */
  public enum FlagParser {
    /** Go's standard {@code flag}. */
    GO_FLAG,
    /** Go's {@code flag} up to v0.17.x, spf13/pflag from v0.18.0 (both in this range). */
    GO_FLAG_OR_PFLAG,
    /** spf13/pflag. */
    PFLAG
  }
}

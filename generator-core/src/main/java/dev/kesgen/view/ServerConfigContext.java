package dev.kesgen.view;

import dev.kesgen.kes.KesDialect;
import dev.kesgen.kes.KesPolicy;
import dev.kesgen.kes.KesServerConfig;
import dev.kesgen.kes.VaultKeystore;
import dev.kesgen.topology.Instance;
import java.util.List;

/**
 * The context of {@code kes/server-config.yaml.hbs}, every choice already made by the release's dialect; the values
 * template includes it as a partial with {@code kesConfig}. It is the template's view of {@link KesServerConfig}: the
 * model's own records where a template can read them as they are ({@code cache}: {@code any}, {@code unused};
 * {@code policies}: {@code name}, {@code paths}, {@code identities}), flat records where the model says "absent" with
 * an {@code Optional}, which a template reads as "" ({@code tls}, {@code vault}), or where the dialect decides a
 * spelling ({@code log.auditInverted}, {@code rootStyle}, {@code policyRuleKey}, {@code backendSection}).
 *
 * @param header the "generated" line
 * @param instance the instance
 * @param kesVersion the KES release
 * @param dialect the releases whose configuration format it writes ({@code v0.13.1 – v0.13.5})
 * @param writeVersion whether to write {@code version: v1}
 * @param address {@code 0.0.0.0:<port>}
 * @param rootStyle true: {@code root:}, false: {@code admin.identity}
 * @param adminIdentity the admin identity or {@code disabled}
 * @param tls key and certificate paths, and {@code auth} ("" where the release has no {@code tls.auth})
 * @param cache both cache expiry values
 * @param log error and audit switches, and whether the release inverts the audit switch
 * @param policyRuleKey {@code paths} or {@code allow}
 * @param policyIdentitiesKey {@code identity} for v0.17.3 – v0.17.5, {@code identities} elsewhere
 * @param policies one per tenant, plus the provisioner's
 * @param keys the keys KES creates at start-up; empty where the release does not
 * @param backendSection {@code keys} or {@code keystore}
 * @param vault the key store block, "" where a value is absent
 */
public record ServerConfigContext(String header, InstanceView instance, String kesVersion, String dialect,
    boolean writeVersion, String address, boolean rootStyle, String adminIdentity, Tls tls, KesServerConfig.Cache cache,
    Log log, String policyRuleKey, String policyIdentitiesKey, List<KesPolicy> policies, List<String> keys, String backendSection, Keystore vault) {

  /** The context of this instance's configuration. */
  public static ServerConfigContext of(Instance instance, KesServerConfig config, String header) {
    KesDialect dialect = config.dialect();
    VaultKeystore v = config.keystore();
    return new ServerConfigContext(
        header,
        InstanceView.of(instance),
        instance.kes().version().tag(),
        dialect.releases(),
        config.writeTopLevelVersion(),
        config.address(),
        dialect.adminStyle() == KesDialect.AdminStyle.ROOT,
        config.adminIdentity(),
        new Tls(config.tls().key(), config.tls().cert(), config.tls().auth().orElse("")),
        config.cache(),
        new Log(config.log().error(), config.log().audit(), dialect.invertsAuditSwitch()),
        dialect.policyRuleKey(),
        dialect.policyIdentitiesKey(),
        config.policies(),
        config.keys(),
        dialect.backendSection() == KesDialect.BackendSection.KEYS_MAP ? "keys" : "keystore",
        new Keystore(v.endpoint(), v.engine(), v.version().orElse(""), v.namespace().orElse(""), v.prefix(),
            v.appRoleEngine(), v.appRoleId(), v.appRoleSecret(), v.appRoleRetry().orElse(""), v.caPath().orElse(""),
            v.statusPing()));
  }

  /**
   * The TLS block.
   *
   * @param key the key file
   * @param cert the certificate file
   * @param auth {@code off}, or "" where the release has no {@code tls.auth}
   */
  public record Tls(String key, String cert, String auth) {}

  /**
   * The log switches.
   *
   * @param error the error log
   * @param audit the value that turns audit logging off for the release
   * @param auditInverted true for 2023-04-03 – 2023-04-18, where that value is {@code on}
   */
  public record Log(String error, String audit, boolean auditInverted) {}

  /**
   * The Vault key store, "" where a value is absent.
   *
   * @param endpoint the Vault URL
   * @param engine the KV mount
   * @param version {@code v1}/{@code v2} or ""
   * @param namespace the Vault namespace or ""
   * @param prefix {@code <pathPrefix>/<instance>}
   * @param appRoleEngine the AppRole mount
   * @param appRoleId {@code ${KES_APPROLE_ID}}
   * @param appRoleSecret {@code ${KES_APPROLE_SECRET}}
   * @param appRoleRetry the re-login delay or ""
   * @param caPath the Vault CA file in the pod or ""
   * @param statusPing the health check interval
   */
  public record Keystore(String endpoint, String engine, String version, String namespace, String prefix,
      String appRoleEngine, String appRoleId, String appRoleSecret, String appRoleRetry, String caPath,
      String statusPing) {}
}

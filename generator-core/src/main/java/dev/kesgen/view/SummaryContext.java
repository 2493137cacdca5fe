package dev.kesgen.view;

import java.util.List;
import java.util.Optional;

/**
 * The context of {@code summary.md.hbs}: plain data; every bit of Markdown and Mermaid syntax is in the template.
 *
 * @param header the "generated" line
 * @param vault the Vault
 * @param warnings the message of every warning about the output, in topology order (as {@code warningList}, text only)
 * @param warningList every warning about the output with its id and acknowledgement, in topology order
 * @param instances every instance
 * @param directory where the private keys are when they stay in the local secrets directory; empty otherwise
 * @param sealed where the private keys are when they are sealed for a Sealed Secrets controller; empty otherwise
 *     (null in the template)
 * @param sops where the private keys are when they are SOPS-encrypted for age recipients; empty otherwise
 * @param external where the private keys are when External Secrets Operator reads them from Vault; empty otherwise
 */
public record SummaryContext(String header, VaultView vault, List<String> warnings, List<Warning> warningList,
    List<Instance> instances, Optional<Directory> directory, Optional<Sealed> sealed, Optional<Sops> sops,
    Optional<External> external) {
  /**
   * A warning.
   *
   * @param id its stable id, such as {@code minio-14716}
   * @param message what and what to do
   * @param acknowledged the reason the topology acknowledges it with (null in the template when it does not)
   */
  public record Warning(String id, String message, Optional<String> acknowledged) {}

  /**
   * The directory sink.
   *
   * @param secrets each Secret, with its manifest's path in the secrets directory, in topology order
   */
  public record Directory(List<SealedSecret> secrets) {}

  /**
   * The sealedSecrets sink.
   *
   * @param certificate the controller certificate file, as the topology names it
   * @param scope its scope's spelling
   * @param secrets each sealed Secret, in topology order
   */
  public record Sealed(String certificate, String scope, List<SealedSecret> secrets) {}

  /**
   * The sops sink.
   *
   * @param recipients the age recipients
   * @param secrets each encrypted Secret, in topology order
   */
  public record Sops(List<String> recipients, List<SealedSecret> secrets) {}

  /**
   * The externalSecrets sink.
   *
   * @param kvPath where the keys live: {@code <mount>/<path>}
   * @param store the store's kind and name, for example {@code ClusterSecretStore kesgen}
   * @param auth how External Secrets Operator logs in to Vault: {@code appRole}, or the kubernetes mount and ServiceAccount
   * @param secrets each Secret, with its ExternalSecret's path and its KV directory ({@code <namespace>/<name>})
   * @param logins the AppRole login of each KES instance that logs in with AppRole, in topology order
   */
  public record External(String kvPath, String store, String auth, List<SealedSecret> secrets, List<Login> logins) {}

  /**
   * A KES instance's AppRole login, kept in Vault KV with the externalSecrets sink.
   *
   * @param instance the instance's name
   * @param role its AppRole role
   * @param namespace the Secret's namespace
   * @param name the Secret's name
   * @param path its ExternalSecret's path
   */
  public record Login(String instance, String role, String namespace, String name, String path) {}

  /**
   * One sealed or encrypted Secret.
   *
   * @param certificate the certificate's report name
   * @param namespace the Secret's namespace
   * @param name the Secret's name
   * @param path where it is committed
   */
  public record SealedSecret(String certificate, String namespace, String name, String path) {}

  /**
   * One instance.
   *
   * @param name its name (the template makes its Mermaid node id with {@code mermaidId})
   * @param namespace its namespace
   * @param kesVersion its KES release
   * @param image the KES image, {@code repository:tag}
   * @param imageNote a note on the image, "" for none
   * @param imageWarning a warning on the image, "" for none
   * @param dialect the releases whose configuration format it writes ({@code v0.13.1 – v0.13.5})
   * @param serviceHost the in-cluster host
   * @param port the Service port
   * @param replicas the replica count
   * @param vaultName {@code kes-<name>}
   * @param keyLocation where its keys are in Vault
   * @param valuesFile its KES chart values, {@code kes/<name>/values.yaml}
   * @param server its server certificate
   * @param provisioner its provisioner, if any (null in the template otherwise)
   * @param tenants its tenants
   * @param access who may do what to which key, as kesgen's model of its KES release decides it on the rendered
   *     configuration: each tenant, the provisioner if any, then the admin
   * @param kubernetesLogin how KES logs in with Kubernetes (its ServiceAccount, role and token), or "" for AppRole
   */
  public record Instance(String name, String namespace, String kesVersion, String image,
      String imageNote, String imageWarning, String dialect,
      String serviceHost, int port, int replicas, String vaultName, String keyLocation, String valuesFile, Certificate server,
      Optional<Provisioner> provisioner, List<Tenant> tenants, List<Access> access, String kubernetesLogin) {}

  /**
   * One row of an instance's access matrix. Exactly one of {@code tenant}, {@code provisioner} and {@code admin}
   * names the subject.
   *
   * @param tenant the tenant's name for a tenant's row (null in the template otherwise)
   * @param provisioner whether this is the provisioner's row
   * @param admin whether this is the admin's row; the admin may call everything, or nothing when it is disabled
   * @param identity the first 12 hex digits of its identity and "…"; null in the template for a disabled admin
   * @param keyGrants the key APIs it may call on which of the keys it is meant to reach, keys with the same APIs
   *     grouped, in key order (empty for the admin)
   * @param serviceApis the key-less APIs it may call, such as {@code /v1/status} (empty for the admin)
   */
  public record Access(Optional<String> tenant, boolean provisioner, boolean admin, Optional<String> identity,
      List<KeyGrant> keyGrants, List<String> serviceApis) {}

  /**
   * Key APIs granted on some keys.
   *
   * @param apis the APIs, such as {@code create}, {@code generate}, {@code decrypt}
   * @param keys the keys
   */
  public record KeyGrant(List<String> apis, List<String> keys) {}

  /**
   * A certificate.
   *
   * @param name its report name, for example {@code kes/dev}
   * @param identity its KES identity
   * @param expires {@code YYYY-MM-DD}
   */
  public record Certificate(String name, String identity, String expires) {}

  /**
   * A provisioner.
   *
   * @param name its report name
   * @param identity its KES identity
   * @param expires {@code YYYY-MM-DD}
   * @param keyNames the keys it creates
   */
  public record Provisioner(String name, String identity, String expires, List<String> keyNames) {}

  /**
   * One tenant.
   *
   * @param name its name (the template makes its Mermaid node id with {@code mermaidId})
   * @param namespace its namespace
   * @param chart its chart layout
   * @param minioVersion its MinIO release
   * @param imageRepository the MinIO image repository kesgen sets (the tag is {@code minioVersion}); null in the
   *     template when the tenant's chart chooses the image ({@code manageImage: false})
   * @param keyNames its keys, the default key first
   * @param keyCreators who creates each key
   * @param identity its client certificate's identity, or its KES API key's
   * @param expires {@code YYYY-MM-DD}; for an API key, when kesgen's record of it expires (100 years after issue)
   * @param apiKey whether MinIO authenticates with a KES API key rather than a client certificate
   * @param secret the Secret MinIO reads its certificate and key, or its API key, from: {@code namespace/name}
   */
  public record Tenant(String name, String namespace, String chart, String minioVersion,
      Optional<String> imageRepository, List<String> keyNames, List<KeyCreator> keyCreators, String identity,
      String expires, boolean apiKey, String secret) {
    /** A tenant with a client certificate, whose Secret is not shown. */
    public Tenant(String name, String namespace, String chart, String minioVersion, Optional<String> imageRepository,
        List<String> keyNames, List<KeyCreator> keyCreators, String identity, String expires) {
      this(name, namespace, chart, minioVersion, imageRepository, keyNames, keyCreators, identity, expires, false, "");
    }
  }

  /**
   * Who creates one key: exactly one of the four flags is true.
   *
   * @param key the key
   * @param kesStartup KES creates it at start-up (the configuration's keys list)
   * @param minioStartup MinIO creates it at start-up
   * @param provisioningJob kesgen's provisioning Job (a Helm hook) creates it
   * @param nobody nobody does (it needs the provisioner, and provisioning is off)
   */
  public record KeyCreator(String key, boolean kesStartup, boolean minioStartup, boolean provisioningJob,
      boolean nobody) {}
}

package dev.kesgen.view;

import java.util.List;
import java.util.Optional;

/**
 * The context of {@code summary.md.hbs}.
 *
 * @param header the "generated" line
 * @param vault the Vault
 * @param warnings what the reviewer must know about how KES reaches and logs in to Vault (plain http, unbound AppRoles)
 * @param instances every instance
 */
public record SummaryContext(String header, VaultView vault, List<String> warnings, List<Instance> instances) {
  /**
   * One instance.
   *
   * @param id its Mermaid node id
   * @param name its name
   * @param namespace its namespace
   * @param kesVersion its KES release
   * @param image the KES image, {@code repository:tag}
   * @param imageNote a note on the image, "" for none
   * @param imageWarning a warning on the image, "" for none
   * @param dialect its dialect's name
   * @param serviceHost the in-cluster host
   * @param port the Service port
   * @param replicas the replica count
   * @param vaultName {@code kes-<name>}
   * @param keyLocation where its keys are in Vault
   * @param server its server certificate
   * @param provisioner its provisioner, if any (null in the template otherwise)
   * @param tenants its tenants
   */
  public record Instance(String id, String name, String namespace, String kesVersion, String image,
      String imageNote, String imageWarning, String dialect,
      String serviceHost, int port, int replicas, String vaultName, String keyLocation, Certificate server,
      Optional<Provisioner> provisioner, List<Tenant> tenants) {}

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
   * @param keys the keys it creates, as Markdown text (kept for overrides; the template uses keyNames)
   * @param keyNames the keys it creates
   */
  public record Provisioner(String name, String identity, String expires, String keys, List<String> keyNames) {}

  /**
   * One tenant.
   *
   * @param id its Mermaid node id
   * @param name its name
   * @param namespace its namespace
   * @param chart its chart layout
   * @param minioVersion its MinIO release
   * @param image its MinIO image as Markdown
   * @param keys its keys as Markdown text (kept for overrides; the template uses keyNames)
   * @param creators who creates each key as Markdown text (kept for overrides; the template uses keyCreators)
   * @param keyNames its keys, the default key first
   * @param keyCreators who creates each key
   * @param identity its client certificate's identity
   * @param expires {@code YYYY-MM-DD}
   */
  public record Tenant(String id, String name, String namespace, String chart, String minioVersion, String image,
      String keys,
      String creators, List<String> keyNames, List<KeyCreator> keyCreators, String identity, String expires) {}

  /**
   * Who creates one key.
   *
   * @param key the key
   * @param creator who creates it, in words
   */
  public record KeyCreator(String key, String creator) {}
}

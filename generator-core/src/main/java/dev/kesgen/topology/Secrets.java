package dev.kesgen.topology;

import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The topology's {@code secrets} section: which sink delivers every private key and Kubernetes Secret, and how.
 * {@link Directory} when the section is absent (the local, git-ignored secrets directory).
 */
public sealed interface Secrets permits Secrets.Directory, Secrets.Sops, Secrets.SealedSecrets, Secrets.ExternalSecrets {
  /** The default: no {@code secrets} section, or {@code sink: directory}. */
  Secrets DIRECTORY = new Directory();

  /** Which sink this is, for exhaustive switches. */
  Kind kind();

  /** The {@code secrets.sink} spelling of this choice. */
  default String sink() {
    return kind().spelling();
  }

  /**
   * Whether a KES instance's AppRole login (role id and secret id) travels through this sink: with
   * {@code externalSecrets}, {@code external-secrets/apply.sh} stores it in Vault KV and an ExternalSecret makes its
   * Secret; with every other sink {@code vault/bootstrap-<instance>.sh} writes the Secret with kubectl.
   */
  default boolean deliversAppRoleLogin() {
    return kind() == Kind.EXTERNAL_SECRETS;
  }

  /** The sinks by their {@code secrets.sink} spelling, in the order the schema lists them. */
  List<String> SINKS = java.util.Arrays.stream(Kind.values()).map(Kind::spelling).toList();

  /** The sinks, in schema order. */
  enum Kind {
    DIRECTORY("directory"), EXTERNAL_SECRETS("externalSecrets"), SOPS("sops"), SEALED_SECRETS("sealedSecrets");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    /** The {@code secrets.sink} spelling. */
    public String spelling() {
      return spelling;
    }
  }

  /** Private keys and Secret manifests in the local secrets directory (the default). */
  record Directory() implements Secrets {
    @Override
    public Kind kind() {
      return Kind.DIRECTORY;
    }
  }

  /**
   * Secret manifests in the SOPS format, their values encrypted for these age recipients.
   *
   * @param ageRecipients the {@code age1...} recipients, as written
   */
  record Sops(List<String> ageRecipients) implements Secrets {
    public Sops {
      ageRecipients = List.copyOf(ageRecipients);
    }

    /** The 32-byte X25519 public key of each recipient, in order. */
    public List<byte[]> publicKeys() {
      return ageRecipients.stream().map(AgeRecipient::publicKey).toList();
    }

    @Override
    public Kind kind() {
      return Kind.SOPS;
    }
  }

  /**
   * SealedSecret manifests sealed for one Sealed Secrets controller.
   *
   * @param certificateFile the controller certificate file, absolute
   * @param certificatePem its one certificate in canonical PEM (what {@code kubeseal --fetch-cert} prints)
   * @param publicKey the controller's RSA public key
   * @param notAfter the certificate's expiry, which generate checks against its clock
   * @param scope how far a sealed Secret may move
   * @param certificateAt where {@code secrets.sealedSecrets.certificate} is written, for a located message
   */
  record SealedSecrets(Path certificateFile, String certificatePem, RSAPublicKey publicKey, Instant notAfter,
      Scope scope, Position certificateAt) implements Secrets {
    public SealedSecrets {
      Objects.requireNonNull(certificateFile, "certificateFile");
      Objects.requireNonNull(certificatePem, "certificatePem");
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(notAfter, "notAfter");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(certificateAt, "certificateAt");
    }

    @Override
    public Kind kind() {
      return Kind.SEALED_SECRETS;
    }

    /**
     * The scopes of bitnami-labs/sealed-secrets@v0.27.1:pkg/apis/sealedsecrets/v1alpha1/sealedsecret_expansion.go
     * (StrictScope, NamespaceWideScope, ClusterWideScope), by their topology spelling (kubeseal's {@code --scope}).
     */
    public enum Scope {
      STRICT("strict"), NAMESPACE_WIDE("namespace-wide"), CLUSTER_WIDE("cluster-wide");

      private final String spelling;

      Scope(String spelling) {
        this.spelling = spelling;
      }

      /** The topology spelling, for example {@code namespace-wide}. */
      public String spelling() {
        return spelling;
      }

      /** Every spelling, in schema order. */
      public static List<String> spellings() {
        return java.util.Arrays.stream(values()).map(Scope::spelling).toList();
      }
    }
  }

  /**
   * Private keys in Vault KV, read into the cluster by External Secrets Operator.
   *
   * @param path the KV path (under {@code vault.kv.mount}) for the key material, disjoint from the KES prefix
   * @param storeKind {@code SecretStore} or {@code ClusterSecretStore}
   * @param storeName the store's name
   * @param auth how the operator logs in to Vault: {@code appRole} or {@code kubernetes}
   * @param serviceAccount the ServiceAccount a {@code ClusterSecretStore} with {@code auth: kubernetes} logs in to
   *     Vault as ({@code secrets.externalSecrets.serviceAccount}, default {@link ServiceAccount#OPERATOR}); the loader
   *     refuses the setting where nothing uses it (AppRole, or a {@code SecretStore}, which logs in as
   *     {@link #NAMESPACE_SERVICE_ACCOUNT} of its own namespace)
   */
  record ExternalSecrets(String path, String storeKind, String storeName, String auth, ServiceAccount serviceAccount)
      implements Secrets {
    /** The store kinds, in schema order. */
    public static final List<String> STORE_KINDS = List.of("ClusterSecretStore", "SecretStore");
    /** The login methods, in schema order. */
    public static final List<String> AUTHS = List.of("appRole", "kubernetes");
    /**
     * The ServiceAccount a {@code SecretStore} with {@code auth: kubernetes} logs in as, committed by kesgen in the
     * store's namespace: ESO takes a {@code SecretStore}'s ServiceAccount from the store's own namespace
     * (external-secrets/external-secrets@v0.16.2:pkg/utils/utils.go:426-432, pkg/provider/vault/auth.go:139-142).
     */
    public static final String NAMESPACE_SERVICE_ACCOUNT = "kesgen-external-secrets";
    /**
     * The name of External Secrets Operator's reader policy and role ({@code kesgen-external-secrets}, or
     * {@code kesgen-external-secrets-<namespace>} for a {@code SecretStore}): the prefix {@code kesgen vault plan} reads.
     */
    public static final String READER = "kesgen-external-secrets";
    /**
     * The last word of the writer's policy, {@code kesgen-external-secrets-writer}: with a {@code SecretStore} the
     * reader of namespace {@code <n>} is {@code kesgen-external-secrets-<n>}, so the loader refuses a namespace of this
     * name there (its reader's policy file and Vault policy would be the writer's, giving that namespace's store the
     * writer's grants).
     */
    public static final String WRITER = "writer";

    public ExternalSecrets {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(storeKind, "storeKind");
      Objects.requireNonNull(storeName, "storeName");
      Objects.requireNonNull(auth, "auth");
      Objects.requireNonNull(serviceAccount, "serviceAccount");
    }

    /** The settings with the default ServiceAccount. */
    public ExternalSecrets(String path, String storeKind, String storeName, String auth) {
      this(path, storeKind, storeName, auth, ServiceAccount.OPERATOR);
    }

    /** Whether the operator logs in with Vault's kubernetes auth method ({@code vault.kubernetes}). */
    public boolean usesKubernetesAuth() {
      return auth.equals("kubernetes");
    }

    /** Whether one {@code ClusterSecretStore} serves every namespace (else one {@code SecretStore} per namespace). */
    public boolean isClusterStore() {
      return storeKind.equals("ClusterSecretStore");
    }

    @Override
    public Kind kind() {
      return Kind.EXTERNAL_SECRETS;
    }

    /**
     * A Kubernetes ServiceAccount.
     *
     * @param name a DNS-1123 subdomain
     * @param namespace a DNS-1123 label
     */
    public record ServiceAccount(String name, String namespace) {
      /**
       * External Secrets Operator's own: the namespace and ServiceAccount of its Helm chart's installation
       * instructions ({@code helm install external-secrets external-secrets/external-secrets -n external-secrets}).
       */
      public static final ServiceAccount OPERATOR = new ServiceAccount("external-secrets", "external-secrets");

      public ServiceAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
      }

      @Override
      public String toString() {
        return namespace + "/" + name;
      }
    }
  }

  /**
   * Where in the topology file a value is written, for a message found after loading (one that needs the run's
   * clock).
   *
   * @param file the topology file
   * @param line 1-based
   * @param column 1-based
   * @param yamlPath the value's path
   */
  record Position(Path file, int line, int column, String yamlPath) {
    public Position {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(yamlPath, "yamlPath");
    }

    /** A problem at this position, formatted as the loader formats its own. */
    public Problem problem(String message) {
      return new Problem(file, line, column, yamlPath, message);
    }
  }
}

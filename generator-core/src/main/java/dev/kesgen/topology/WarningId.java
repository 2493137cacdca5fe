package dev.kesgen.topology;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every warning kesgen gives, by the stable id that the log, SUMMARY.md, the JSON output and a topology's
 * {@code acknowledge} list name it by. Ids are a contract: added, never renamed or removed.
 */
public enum WarningId {
  /** The Vault endpoint is plain http ({@code vault.allowPlaintextHttp}). */
  VAULT_PLAINTEXT_HTTP("vault-plaintext-http", Scope.VAULT),
  /** The AppRoles are bound to no network (both CIDR lists empty). */
  NETWORK_UNBOUND("network-unbound", Scope.VAULT),
  /** {@code vault.caCertificate} lies outside the topology's directory. */
  VAULT_CA_OUTSIDE("vault-ca-outside", Scope.VAULT),
  /** The KES image is on MinIO's Docker Hub repositories, which no longer serve. */
  KES_IMAGE_DOCKER_HUB("kes-image-docker-hub", Scope.INSTANCE),
  /** The KES version is a Go-module tag with no date release, so its image may not exist. */
  KES_IMAGE_NO_RELEASE("kes-image-no-release", Scope.INSTANCE),
  /** A tenant's MinIO image is on Docker Hub. */
  MINIO_IMAGE_DOCKER_HUB("minio-image-docker-hub", Scope.TENANT),
  /** MinIO and KES releases known to fail on restart with "key already exists" (minio/minio#14716). */
  MINIO_14716("minio-14716", Scope.TENANT),
  /** A key nobody creates: neither KES nor MinIO, and provisioning is off. */
  KEY_NOT_CREATED("key-not-created", Scope.TENANT),
  /** An entry of the topology's {@code acknowledge} list matches no warning. */
  ACKNOWLEDGEMENT_UNUSED("acknowledgement-unused", Scope.TOPOLOGY),
  /** The secrets directory, or a directory above it, is writable by others (this machine). */
  SECRETS_DIRECTORY_WRITABLE("secrets-directory-writable", Scope.RUN),
  /** A certificate's private key is not here, so its Secret manifest was not written (this run). */
  SECRET_MANIFEST_NOT_WRITTEN("secret-manifest-not-written", Scope.RUN),
  /** A file no longer generated was edited by hand, so it was kept (this run). */
  STALE_FILE_KEPT("stale-file-kept", Scope.RUN),
  /** A KES server certificate was renewed: what to apply and restart (this run). */
  SERVER_CERTIFICATE_RENEWED("server-certificate-renewed", Scope.RUN);

  /** What a warning is about, which decides where it is shown and whether a topology may acknowledge it. */
  public enum Scope {
    /** The topology's Vault: in SUMMARY.md, acknowledged without instance or tenant. */
    VAULT,
    /** An instance: in SUMMARY.md, acknowledged for one instance or every one. */
    INSTANCE,
    /** A tenant: in SUMMARY.md, acknowledged for one tenant, one instance's or every one. */
    TENANT,
    /** The topology file itself: in SUMMARY.md, never acknowledged (fix the file). */
    TOPOLOGY,
    /**
     * This machine or this run (the secrets directory, the files written): in the log only, since SUMMARY.md must be
     * the same on every machine, and never acknowledged in the topology, which every machine shares.
     */
    RUN
  }

  private final String id;
  private final Scope scope;

  WarningId(String id, Scope scope) {
    this.id = id;
    this.scope = scope;
  }

  /** The stable kebab-case id, such as {@code minio-14716}. */
  public String id() {
    return id;
  }

  /** What it is about. */
  public Scope scope() {
    return scope;
  }

  /** Whether a topology's {@code acknowledge} list may name it. */
  public boolean acknowledgeable() {
    return scope == Scope.VAULT || scope == Scope.INSTANCE || scope == Scope.TENANT;
  }

  /** Whether SUMMARY.md shows it (every warning is in the log). */
  public boolean inSummary() {
    return scope != Scope.RUN;
  }

  /** The warning with this id. */
  public static Optional<WarningId> of(String id) {
    return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
  }

  /** The ids a topology may acknowledge, in declaration order. */
  public static List<String> acknowledgeableIds() {
    return Arrays.stream(values()).filter(WarningId::acknowledgeable).map(WarningId::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}

package dev.kesgen.pki;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import dev.kesgen.topology.WarningId;
import dev.kesgen.warning.Warning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The directory that holds private keys and Kubernetes Secret manifests, never committed: it carries a
 * {@code .gitignore} of {@code *}; directories are created 0700 and files 0600 (created with that permission, not
 * changed afterwards) where the file system has POSIX permissions. No symbolic link below the root is followed
 * (the root itself may be one): a link there fails the run before anything is written through it.
 */
public final class SecretsDirectory implements SecretSink {
  private static final String GITIGNORE = "*\n";

  private final Path root;
  private final Path outputDirectory;
  /**
   * The output directory with links resolved, as {@link DirectoryGuard#requireSeparate} saw it when the run began;
   * resolved once rather than for every file written.
   */
  private final Path outputReal;
  /**
   * The root with links resolved when the run began: with no link below the root (checked for every file, each
   * time), a file's real path is this plus its relative path, so that no file costs a {@code realpath} of its own
   * (a system call per directory on its path).
   */
  private final Path rootReal;
  /** Directories {@link #prepare} probed in this run, and whether it prepared the root; a run prepares from one thread. */
  private final java.util.Set<Path> probed = new java.util.HashSet<>();
  private boolean rootPrepared;

  /**
   * The secrets directory at this root, for generation into this output directory.
   *
   * @throws UnsafeKeyLocationException if the two are the same or nested
   */
  public SecretsDirectory(Path root, Path outputDirectory) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory").toAbsolutePath().normalize();
    DirectoryGuard.requireSeparate(this.outputDirectory, this.root);
    this.outputReal = DirectoryGuard.real(this.outputDirectory);
    this.rootReal = DirectoryGuard.real(this.root);
  }

  /**
   * Refuses a file under the output directory, then one reached through a link below the root; in this order, so
   * that a link into the output directory is named as that. The real path is resolved from the file system only
   * when there is a link on the way.
   */
  private void requireSafe(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    boolean below = absolute.startsWith(root) && !absolute.equals(root);
    java.util.Optional<Path> link = below ? DirectoryGuard.firstLinkBelow(root, absolute) : java.util.Optional.empty();
    Path fileReal = below && link.isEmpty() ? rootReal.resolve(root.relativize(absolute)) : null;
    DirectoryGuard.requireOutside(file, outputDirectory, outputReal, fileReal);
    if (!file.normalize().startsWith(root)) {
      throw new UnsafeKeyLocationException("refusing to write outside the secrets directory " + root + ": " + file);
    }
    if (!below || link.isPresent()) {
      DirectoryGuard.requireNoLinkBelow(root, file); // throws, naming the link
    }
  }

  /** The keys already in this directory, for kept certificates. */
  @Override
  public KeySource keys() {
    return KeySource.directory(root);
  }

  /**
   * The certificate and key pairs earlier runs verified here ({@link VerifiedPairs}); none when there is no such
   * file or it cannot be trusted as it is.
   */
  @Override
  public VerifiedPairs verified() {
    return VerifiedPairs.read(root);
  }

  /**
   * Records the pairs of these outcomes that were verified or issued ({@link VerifiedPairs#text}), written like a key
   * and only when its content changes, or when the file there is not one {@link VerifiedPairs#read} trusts (another
   * user's, or too open), which is replaced by this run's own; nothing when there is no pair and no earlier file.
   * Called after the keys are stored, so that an entry never names a key file that was not written.
   *
   * @return whether the file was written
   */
  public boolean storeVerified(java.util.Collection<CertificateOutcome> outcomes) {
    String text = VerifiedPairs.text(outcomes);
    Path file = root.resolve(VerifiedPairs.FILE);
    boolean exists = Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    if (VerifiedPairs.isEmpty(text) && !exists) {
      return false;
    }
    return writePrivate(file, text, exists && !VerifiedPairs.trusted(file));
  }

  /**
   * What a person should know about this directory before keys are kept in it: one warning for it, and for each
   * directory above it, that its group or others may write ({@link WritableByOthers}); empty when there is none.
   * Reads permissions only. They are about this machine ({@link WarningId#SECRETS_DIRECTORY_WRITABLE}): logged only.
   */
  @Override
  public List<Warning> warnings() {
    return WritableByOthers.of(root).stream().map(m -> Warning.of(WarningId.SECRETS_DIRECTORY_WRITABLE, m)).toList();
  }

  /** The absolute, normalised root. */
  public Path root() {
    return root;
  }

  /**
   * Stores what the outcome has for this directory: a new private key, and the Secret manifest (whenever the key is
   * at hand, so a renewed peer certificate reaches {@code ca.crt}). Files whose content is unchanged are left alone.
   *
   * @param delivery the certificate's outcome and the certificate its owner must trust ({@code ca.crt})
   */
  @Override
  public StoredSecrets store(SecretDelivery delivery) {
    CertificateOutcome outcome = delivery.outcome();
    CertificateTarget target = outcome.target();
    Path keyFile = root.resolve(target.keyPath());
    Path manifestFile = root.resolve(target.secretPath());
    Optional<KubernetesTlsSecret> secret = delivery.secret();
    if (secret.isEmpty()) {
      return new StoredSecrets(keyFile, false, manifestFile, StoredSecrets.Manifest.NOT_WRITTEN_KEY_ABSENT);
    }
    ensureRoot();
    boolean keyWritten = outcome.hasNewKey() && writePrivate(keyFile, secret.get().privateKeyPem());
    boolean manifestWritten = writePrivate(manifestFile, secret.get().toYaml());
    return new StoredSecrets(keyFile, keyWritten, manifestFile,
        manifestWritten ? StoredSecrets.Manifest.WRITTEN : StoredSecrets.Manifest.UNCHANGED);
  }

  /**
   * Stores only a new private key, for a sink whose Secrets reach the cluster another way (External Secrets reads
   * them from Vault): no Secret manifest is written here.
   *
   * @return whether a new key was written
   */
  public boolean storeKey(SecretDelivery delivery) {
    CertificateOutcome outcome = delivery.outcome();
    if (!outcome.hasNewKey() || outcome.privateKeyPem().isEmpty()) {
      return false;
    }
    ensureRoot();
    return writePrivate(root.resolve(outcome.target().keyPath()), outcome.privateKeyPem().get());
  }

  /**
   * Stores a tenant's {@code config.env} beside its key (owner-only, like the key), for a sink that copies it into
   * Vault later (External Secrets): whenever the key is at hand, made from it and checked against the committed
   * record ({@link SecretDelivery#configEnv}); unchanged content is left alone. Nothing for a certificate.
   *
   * @return whether the file was written
   */
  public boolean storeConfigEnv(SecretDelivery delivery) {
    CertificateOutcome outcome = delivery.outcome();
    if (!outcome.target().apiKey() || outcome.privateKeyPem().isEmpty()) {
      return false;
    }
    String env = delivery.configEnv(outcome.privateKeyPem().get()).orElseThrow();
    ensureRoot();
    return writePrivate(root.resolve(outcome.target().id().configEnvPath()), env);
  }

  /** Makes sure the root and its {@code .gitignore} exist, and records the pairs verified or issued. */
  @Override
  public void finish(java.util.Collection<CertificateOutcome> outcomes) {
    ensureRoot();
    storeVerified(outcomes);
  }

  /**
   * Makes sure {@link #store} can write what this outcome needs, before anything else is written: checks the paths
   * (outside the output directory, no link below the root) and, for a new key, creates the directories and writes
   * and removes a probe file in each (a no-op run, which stores no new key, writes no probe). Called for every certificate before the output
   * directory is touched, so that a blocked secrets directory fails the run instead of committing certificates
   * whose new keys cannot be kept.
   */
  @Override
  public void prepare(CertificateOutcome outcome) {
    if (outcome.privateKeyPem().isEmpty()) {
      return;
    }
    ensureRoot();
    for (Path file : List.of(root.resolve(outcome.target().keyPath()), root.resolve(outcome.target().secretPath()))) {
      requireSafe(file);
      if (!outcome.hasNewKey() || probed.contains(file.getParent())) {
        // a kept key is already stored, so its certificate stays usable whatever happens to the manifest; or this
        // run already wrote and removed a probe there (a key and its manifest share a directory)
        continue;
      }
      try {
        createDirectories(file.getParent());
        Path probe = Files.createTempFile(file.getParent(), ".kesgen-probe", ".tmp", ownerOnly(file.getParent(), "rw-------"));
        Files.delete(probe);
        probed.add(file.getParent());
      } catch (IOException e) {
        throw new PkiException("cannot write the private key of " + outcome.target().name() + " below "
            + file.getParent() + ": " + dev.kesgen.files.Failures.describe(e) + " (nothing was written; fix the secrets directory and run again)", e);
      }
    }
  }

  /**
   * Creates the root (0700) if missing and makes its {@code .gitignore} hold {@code *}, written like a key (through a
   * temporary file and a rename, never through a symbolic link).
   */
  public void prepareRoot() {
    prepareRootNow();
    rootPrepared = true;
  }

  /**
   * {@link #prepareRoot} once per instance (one run): {@link #store} and {@link #prepare} are called for every
   * certificate, and reading {@code .gitignore} back 10,000 times was a visible share of a large run.
   */
  private void ensureRoot() {
    if (!rootPrepared) {
      prepareRoot();
    }
  }

  private void prepareRootNow() {
    try {
      createDirectories(root);
    } catch (IOException e) {
      throw new PkiException("cannot prepare the secrets directory " + root + ": " + dev.kesgen.files.Failures.describe(e), e);
    }
    writePrivate(root.resolve(".gitignore"), GITIGNORE);
  }

  // Writes via a 0600 temporary file in the same directory and an atomic rename; false if the content was equal.
  private boolean writePrivate(Path file, String content) {
    return writePrivate(file, content, false);
  }

  // As above; with replace, also when the content is equal (a file this run must not keep as it is).
  private boolean writePrivate(Path file, String content, boolean replace) {
    requireSafe(file);
    try {
      createDirectories(file.getParent());
      if (!replace && holds(file, content)) {
        return false;
      }
      Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
      FileAttribute<?>[] attributes = ownerOnly(file.getParent(), "rw-------");
      try {
        Files.createFile(temporary, attributes);
      } catch (FileAlreadyExistsException e) {
        // left by an interrupted run (checked this way round: deleting first cost a failing call every time)
        Files.delete(temporary);
        Files.createFile(temporary, attributes);
      }
      boolean moved = false;
      try {
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        move(temporary, file);
        moved = true;
      } finally {
        if (!moved) {
          Files.deleteIfExists(temporary);
        }
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      throw new PkiException("cannot write " + file + ": a concurrent kesgen run is using " + e.getFile(), e);
    } catch (IOException e) {
      throw new PkiException("cannot write " + file + ": " + dev.kesgen.files.Failures.describe(e), e);
    }
  }

  /** Whether the file already holds this text; anything but a regular file of at most 1 MiB does not. */
  private static boolean holds(Path file, String content) throws IOException {
    try {
      // java.io.File first: a file not written yet costs no exception (a link to nothing was refused before)
      return file.toFile().exists() && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && new String(RegularFiles.read(file, InputKind.SECRET), StandardCharsets.UTF_8).equals(content);
    } catch (UnsafeFileException e) {
      return false; // replaced below, by the atomic rename, without reading it
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void createDirectories(Path directory) throws IOException {
    if (!directory.toFile().isDirectory()) { // java.io.File: no exception for one that does not exist yet
      Files.createDirectories(directory, ownerOnly(directory, "rwx------"));
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path near, String permissions) {
    Path existing = near.toAbsolutePath();
    while (existing != null && !existing.toFile().exists()) {
      existing = existing.getParent();
    }
    boolean posix = existing != null
        && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }
}

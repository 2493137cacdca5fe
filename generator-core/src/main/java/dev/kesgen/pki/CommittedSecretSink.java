package dev.kesgen.pki;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A sink whose Secrets are committed files in the output directory, one per certificate at
 * {@link #secretPath(CertificateTarget)} (the {@code sealedSecrets} and {@code sops} sinks): nothing is stored outside
 * the output, which the run writes; what an earlier run committed is read back as committed output; keys left in a
 * secrets directory by the {@code directory} sink are read, never written.
 */
public abstract class CommittedSecretSink implements SecretSink {
  private final Path outputDirectory;
  private final KeySource localKeys;

  /**
   * @param outputDirectory where the committed Secrets are read from (and written by the run)
   * @param localKeys keys a secrets directory still holds, read only; {@link KeySource#NONE} for none
   */
  protected CommittedSecretSink(Path outputDirectory, KeySource localKeys) {
    this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
    this.localKeys = Objects.requireNonNull(localKeys, "localKeys");
  }

  /** The output-relative path of the committed Secret of {@code target}. */
  protected abstract String secretPath(CertificateTarget target);

  @Override
  public final KeySource keys() {
    return localKeys;
  }

  @Override
  public final void prepare(CertificateOutcome outcome) {
    // nothing is stored outside the output, which the run writes
  }

  @Override
  public final StoredSecrets store(SecretDelivery delivery) {
    Path file = outputDirectory.resolve(secretPath(delivery.target()));
    return new StoredSecrets(file, false, file, StoredSecrets.Manifest.COMMITTED);
  }

  @Override
  public final String whereSecret(CertificateTarget target) {
    return secretPath(target);
  }

  /** The committed text at the output-relative {@code path}, read as committed output; empty when there is none. */
  protected final Optional<String> committedText(String path) {
    Path file = outputDirectory.resolve(path);
    try {
      return RegularFiles.readIfPresent(file, InputKind.COMMITTED_OUTPUT).map(b -> new String(b, StandardCharsets.UTF_8));
    } catch (UnsafeFileException e) {
      throw new PkiException(e.getMessage(), e);
    } catch (IOException e) {
      throw new PkiException("cannot read the committed " + file + ": " + e.getMessage(), e);
    }
  }

  /** The hex SHA-256 of {@code text} in UTF-8. */
  protected static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hex SHA-256 of {@code bytes}, for the fingerprints of public inputs that decide whether a file is kept. */
  protected static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

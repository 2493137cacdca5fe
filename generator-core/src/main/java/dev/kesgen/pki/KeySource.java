package dev.kesgen.pki;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.files.UnsafeFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the private keys of kept certificates are read from; separate from where new keys are delivered
 * ({@link SecretSink}), so that another way of delivering secrets need not change how kept keys are found.
 */
@FunctionalInterface
public interface KeySource {
  /** Reads nothing: every kept certificate's key is absent. */
  KeySource NONE = target -> Optional.empty();

  /**
   * The PEM text of the certificate's private key, if this source has it.
   *
   * @throws PkiException if a key exists but cannot be read
   */
  Optional<String> privateKeyPem(CertificateTarget target);

  /**
   * The keys in a secrets directory, at each target's {@link CertificateTarget#keyPath()}; a symbolic link below the
   * root is refused ({@link UnsafeKeyLocationException}), as when writing, and a key is read only from a regular file
   * of at most 1 MiB ({@link RegularFiles}).
   */
  static KeySource directory(Path root) {
    Objects.requireNonNull(root, "root");
    return target -> {
      Path file = root.resolve(target.keyPath());
      DirectoryGuard.requireNoLinkBelow(root, file);
      try {
        return RegularFiles.readIfPresent(file, InputKind.SECRET).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
      } catch (UnsafeFileException e) {
        throw new PkiException(e.getMessage(), e);
      } catch (IOException e) {
        throw new PkiException("cannot read " + file + ": " + dev.kesgen.files.Failures.describe(e), e);
      }
    };
  }
}

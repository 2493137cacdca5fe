package dev.kesgen.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
   * root is refused ({@link UnsafeKeyLocationException}), as when writing.
   */
  static KeySource directory(Path root) {
    Objects.requireNonNull(root, "root");
    return target -> {
      Path file = root.resolve(target.keyPath());
      DirectoryGuard.requireNoLinkBelow(root, file);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new PkiException("cannot read " + file + ": " + e.getMessage(), e);
      }
    };
  }
}

package dev.kesgen.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link SecretSink#store} did for one certificate.
 *
 * @param keyFile where the private key is (or would be)
 * @param keyWritten whether a new private key was written there in this run
 * @param manifestFile where the Kubernetes Secret manifest is (or would be)
 * @param manifest what happened to the manifest
 */
public record StoredSecrets(Path keyFile, boolean keyWritten, Path manifestFile, Manifest manifest) {

  /** The state of a Secret manifest after a run. */
  public enum Manifest {
    /** Written with new content. */
    WRITTEN,
    /** Already up to date. */
    UNCHANGED,
    /** Not written: the private key is not present here (someone who has it must generate the Secret). */
    NOT_WRITTEN_KEY_ABSENT,
    /** Delivered in the committed output, sealed or encrypted for the cluster; nothing stored here. */
    COMMITTED
  }

  public StoredSecrets {
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(manifestFile, "manifestFile");
    Objects.requireNonNull(manifest, "manifest");
  }

  /** A one-line report, for example {@code Secret manifest not written: key not present here}. */
  public String describe() {
    return switch (manifest) {
      case WRITTEN -> (keyWritten ? "wrote " + keyFile + " and " : "wrote ") + manifestFile;
      case UNCHANGED -> (keyWritten ? "wrote " + keyFile + "; " : "") + manifestFile + " unchanged";
      case NOT_WRITTEN_KEY_ABSENT -> "Secret manifest " + manifestFile + " not written: key not present here";
      case COMMITTED -> manifestFile + " in the committed output";
    };
  }
}

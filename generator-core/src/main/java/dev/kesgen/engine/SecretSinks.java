package dev.kesgen.engine;

import dev.kesgen.pki.KeySource;
import dev.kesgen.pki.PkiException;
import dev.kesgen.pki.SecretSink;
import dev.kesgen.pki.SecretsDirectory;
import dev.kesgen.sealed.SealedSecretsSink;
import dev.kesgen.topology.Secrets;
import dev.kesgen.topology.Topology;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one place that turns a topology's {@code secrets.sink} into a {@link SecretSink} (an exhaustive switch over
 * {@link Secrets}); the engine uses only the interface.
 */
final class SecretSinks {
  private SecretSinks() {}

  static SecretSink of(Topology topology, RunSettings settings) throws RunException {
    try {
      Secrets secrets = topology.secrets();
      return switch (secrets.kind()) {
        case DIRECTORY -> new SecretsDirectory(settings.secretsDirectory(), settings.outputDirectory());
        case SEALED_SECRETS -> sealed((Secrets.SealedSecrets) secrets, settings);
        case SOPS -> new dev.kesgen.sops.SopsSink((Secrets.Sops) secrets, settings.outputDirectory(),
            localKeys(settings), new SecureRandom(), settings.clock());
        case EXTERNAL_SECRETS -> new dev.kesgen.eso.ExternalSecretsSink((Secrets.ExternalSecrets) secrets,
            topology.vault(), new SecretsDirectory(settings.secretsDirectory(), settings.outputDirectory()),
            topology.instances());
      };
    } catch (PkiException e) {
      throw RunException.of(e, e.getMessage());
    }
  }

  private static SecretSink sealed(Secrets.SealedSecrets sealed, RunSettings settings) throws RunException {
    // kubeseal refuses an expired certificate too: bitnami-labs/sealed-secrets@v0.27.1:pkg/kubeseal/kubeseal.go:64-66
    if (settings.clock().instant().isAfter(sealed.notAfter())) {
      throw RunException.user(sealed.certificateAt().problem("the Sealed Secrets controller certificate "
          + sealed.certificateFile().getFileName() + " expired on "
          + DateTimeFormatter.ISO_LOCAL_DATE.format(sealed.notAfter().atZone(ZoneOffset.UTC))
          + " (the controller renews its key every 30 days: fetch the current one with kubeseal --fetch-cert)")
          .toString());
    }
    return new SealedSecretsSink(sealed, settings.outputDirectory(), localKeys(settings), new SecureRandom());
  }

  /** Keys a secrets directory still holds (from the directory sink): read, never written. */
  private static KeySource localKeys(RunSettings settings) {
    return settings.secretsDirectory().toFile().isDirectory()
        ? KeySource.directory(settings.secretsDirectory().toAbsolutePath().normalize()) : KeySource.NONE;
  }
}

package dev.kesgen;

import dev.kesgen.topology.Instance;
import java.util.Objects;

/** Something a run did, reported to a {@link KesgenListener} as it happens. */
public sealed interface KesgenEvent permits KesgenEvent.InstancePlanned, KesgenEvent.CertificateDecided,
    KesgenEvent.FileWritten, KesgenEvent.FileDeleted, KesgenEvent.Warning {

  /**
   * An instance and its tenants were planned: progress through the topology.
   *
   * @param instance the instance
   * @param index its position, from 0
   * @param count how many instances the topology has
   */
  record InstancePlanned(Instance instance, int index, int count) implements KesgenEvent {
    public InstancePlanned {
      Objects.requireNonNull(instance, "instance");
    }
  }

  /**
   * A certificate was issued, renewed (with the reason) or kept.
   *
   * @param certificate what happened to it
   */
  record CertificateDecided(CertificateReport certificate) implements KesgenEvent {
    public CertificateDecided {
      Objects.requireNonNull(certificate, "certificate");
    }
  }

  /**
   * A file in the output directory was created or changed.
   *
   * @param path output-relative
   */
  record FileWritten(String path) implements KesgenEvent {
    public FileWritten {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * A file a previous run wrote was deleted.
   *
   * @param path output-relative
   */
  record FileDeleted(String path) implements KesgenEvent {
    public FileDeleted {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Something that is not an error but needs a person.
   *
   * @param warning its id, what and what to do, and its acknowledgement if any
   */
  record Warning(dev.kesgen.warning.Warning warning) implements KesgenEvent {
    public Warning {
      Objects.requireNonNull(warning, "warning");
    }

    /** The line the log shows: {@code [id] message}, and {@code (acknowledged: reason)} where it is. */
    public String message() {
      return warning.text();
    }
  }
}

package dev.kesgen.engine;

import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.topology.Instance;
import dev.kesgen.warning.Warning;
import java.util.Optional;

/** What the engine reports while it runs; {@code dev.kesgen} turns each call into a KesgenEvent. */
public interface EngineListener {
  /** Hears nothing. */
  EngineListener NONE = new EngineListener() {};

  /** Instance {@code index} (0-based) of {@code count} was planned. */
  default void instancePlanned(Instance instance, int index, int count) {}

  /** A certificate was kept or issued; {@code previousIdentity} is the committed one it replaced, if any. */
  default void certificate(CertificateOutcome outcome, Optional<String> previousIdentity) {}

  /** Something a person should read. */
  default void warning(Warning warning) {}
}

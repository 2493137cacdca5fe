package dev.kesgen.engine;

import dev.kesgen.pki.CertificateOutcome;
import dev.kesgen.topology.Instance;
import dev.kesgen.warning.Warning;
import java.util.Optional;

/**
 * What the engine reports while it runs; {@code dev.kesgen} turns each call into a KesgenEvent. No method has a
 * default, so a report the engine adds is a compile error in {@code dev.kesgen} until it becomes an event there.
 */
public interface EngineListener {
  /** Hears nothing. */
  EngineListener NONE = new EngineListener() {
    @Override
    public void instancePlanned(Instance instance, int index, int count) {}

    @Override
    public void certificate(CertificateOutcome outcome, Optional<String> previousIdentity) {}

    @Override
    public void warning(Warning warning) {}
  };

  /** Instance {@code index} (0-based) of {@code count} was planned. */
  void instancePlanned(Instance instance, int index, int count);

  /** A certificate was kept or issued; {@code previousIdentity} is the committed one it replaced, if any. */
  void certificate(CertificateOutcome outcome, Optional<String> previousIdentity);

  /** Something a person should read. */
  void warning(Warning warning);
}

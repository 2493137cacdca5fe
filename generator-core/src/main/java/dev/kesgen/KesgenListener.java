package dev.kesgen;

/** Hears what a run does, as it happens; a front end turns {@link KesgenEvent}s into log lines. */
@FunctionalInterface
public interface KesgenListener {
  /** Hears nothing. */
  KesgenListener NONE = event -> {};

  /** One thing that happened. */
  void on(KesgenEvent event);
}

package dev.kesgen;

import java.time.Duration;
import java.util.Optional;

/** One generation or check run (being written). */
final class Generator {
  private final GenerateRequest request;

  Generator(GenerateRequest request) {
    this.request = request;
  }

  GenerateResult generate() {
    throw new UnsupportedOperationException("not yet: " + request.topology());
  }

  CheckResult check(Optional<Duration> failOnExpiringWithin) {
    throw new UnsupportedOperationException("not yet: " + failOnExpiringWithin);
  }
}

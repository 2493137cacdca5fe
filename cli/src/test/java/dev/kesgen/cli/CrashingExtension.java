package dev.kesgen.cli;

import dev.kesgen.ExtensionInput;
import dev.kesgen.OutputExtension;
import java.util.Map;

/** An output extension that fails, put on the jar's class path by {@link ExitCodesIT} only. */
public final class CrashingExtension implements OutputExtension {
  static final String MESSAGE = "the test extension crashed on purpose";

  @Override
  public Map<String, String> files(ExtensionInput input) {
    throw new IllegalStateException(MESSAGE);
  }
}

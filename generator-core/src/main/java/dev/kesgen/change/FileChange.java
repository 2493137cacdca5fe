package dev.kesgen.change;

import java.util.Objects;

/**
 * One output file a run adds, changes or deletes, as {@code terraform plan} lists resources.
 *
 * @param path output-relative, {@code /}-separated
 * @param operation what happens to it
 */
public record FileChange(String path, Operation operation) {
  /** What happens to a file; {@link #symbol()} is the sign a plan shows. */
  public enum Operation {
    ADD("+"), CHANGE("~"), DELETE("-");

    private final String symbol;

    Operation(String symbol) {
      this.symbol = symbol;
    }

    /** {@code +}, {@code ~} or {@code -}. */
    public String symbol() {
      return symbol;
    }
  }

  public FileChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(operation, "operation");
  }
}

package dev.kesgen.change;

import java.util.List;

/**
 * What a run changes in the output directory: every file added, changed or deleted (sorted by path), and what those
 * changes mean (in {@link Change.Kind} order, then by subject). It is computed from two sets of output texts only,
 * so the committed files never depend on it.
 *
 * @param files each file that differs
 * @param changes what they mean
 * @param removed the instances and tenants whose output is deleted, with where they ran as their last output said
 */
public record ChangeSet(List<FileChange> files, List<Change> changes, List<Removed> removed) {
  public ChangeSet {
    files = List.copyOf(files);
    changes = List.copyOf(changes);
    removed = List.copyOf(removed);
  }

  /** A change set that removes nothing. */
  public ChangeSet(List<FileChange> files, List<Change> changes) {
    this(files, changes, List.of());
  }

  /**
   * An instance or tenant the output no longer has, and where it ran, read from its deleted values file.
   *
   * @param subject {@code <instance>} or {@code <instance>/<tenant>}
   * @param namespace its namespace, or empty when the deleted file does not say
   * @param service the KES Service name of an instance (its Secrets are named after it), or empty
   */
  public record Removed(String subject, java.util.Optional<String> namespace, java.util.Optional<String> service) {
    public Removed {
      java.util.Objects.requireNonNull(subject, "subject");
      java.util.Objects.requireNonNull(namespace, "namespace");
      java.util.Objects.requireNonNull(service, "service");
    }
  }

  /** Files added. */
  public long toAdd() {
    return count(FileChange.Operation.ADD);
  }

  /** Files changed. */
  public long toChange() {
    return count(FileChange.Operation.CHANGE);
  }

  /** Files deleted. */
  public long toDelete() {
    return count(FileChange.Operation.DELETE);
  }

  /** Whether nothing differs. */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** The changes a person must act on or that lose access to data. */
  public List<Change> destructive() {
    return changes.stream().filter(Change::destructive).toList();
  }

  /** {@code "2 to add, 1 to change, 0 to delete."}, or {@code "No changes."}. */
  public String summary() {
    return isEmpty() ? "No changes." : toAdd() + " to add, " + toChange() + " to change, " + toDelete() + " to delete.";
  }

  /**
   * One line of the plan as both front ends print it; {@code detail} lines are shown only in verbose mode.
   *
   * @param text the line
   * @param detail whether it is shown only on request
   */
  public record Line(String text, boolean detail) {}

  /**
   * The plan as text, like {@code terraform plan}: "Plan:", what the changes mean (destructive ones marked
   * {@code !}), {@code + ~ -} per file (as detail lines beyond {@code filesShown} files), and the summary line.
   */
  public List<Line> lines(int filesShown) {
    List<Line> lines = new java.util.ArrayList<>();
    if (isEmpty()) {
      lines.add(new Line("Plan: " + summary(), false));
      return lines;
    }
    lines.add(new Line("Plan:", false));
    changes.forEach(c -> lines.add(new Line((c.destructive() ? "  ! " : "    ") + c.message(), false)));
    boolean detail = files.size() > filesShown;
    files.forEach(f -> lines.add(new Line("  " + f.operation().symbol() + " " + f.path(), detail)));
    int destructive = destructive().size();
    lines.add(new Line("Plan: " + summary() + (destructive == 0 ? ""
        : " " + destructive + " destructive change(s), marked !."), false));
    return lines;
  }

  /** Why a run refused by {@code failOnDestructive} stopped: every destructive change, one per line. */
  public String refusal(boolean nothingWritten) {
    StringBuilder text = new StringBuilder(destructive().size() + " destructive change(s) and fail-on-destructive is"
        + " set" + (nothingWritten ? ", so nothing was written" : "") + ":");
    destructive().forEach(c -> text.append("\n  ").append(c.message()));
    return text.toString();
  }

  private long count(FileChange.Operation operation) {
    return files.stream().filter(f -> f.operation() == operation).count();
  }
}

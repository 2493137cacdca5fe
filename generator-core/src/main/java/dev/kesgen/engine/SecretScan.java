package dev.kesgen.engine;

import dev.kesgen.files.InputKind;
import dev.kesgen.files.RegularFiles;
import dev.kesgen.output.FileContent;
import dev.kesgen.output.OutputDirectory;
import dev.kesgen.output.OutputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for secrets in the output, which must only ever live in the secrets directory or the cluster: every form
 * {@link Leaks} knows, and a KES configuration whose {@code approle.secret} is a literal instead of
 * {@code ${KES_APPROLE_SECRET}} (what the chart kesgen replaces did). One scan of a file's path and bytes, run on the
 * planned files before generate or validate writes anything ({@link #of(Map)}) and on the output directory by a check
 * ({@link #of(OutputDirectory)}), which reads each regular file once and follows no link; links and special files
 * are reported by the check as files kesgen did not write.
 */
final class SecretScan {
  /** {@code secret: <anything but ${...}>} on one line, in a KES configuration. */
  private static final Pattern LITERAL_APPROLE_SECRET =
      Pattern.compile("(?m)^\\s*secret:[ \\t]*(?![\"']?\\$\\{)[^\\s#]\\S*");

  private SecretScan() {}

  /** Every finding under the output directory, reading each file once, in path order. */
  static List<Finding> of(OutputDirectory output) throws OutputException {
    List<Finding> findings = new ArrayList<>();
    if (!Files.isDirectory(output.root())) {
      return findings;
    }
    List<Path> paths;
    try (Stream<Path> files = Files.walk(output.root())) {
      paths = files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new OutputException("cannot scan " + output.root() + ": " + dev.kesgen.files.Failures.describe(e), e);
    }
    // Files are scanned on every core and their findings taken in path order, as in a loop.
    List<List<Finding>> perFile;
    try {
      perFile = InOrder.map(paths, file -> scan(relative(output, file), read(file)));
    } catch (java.io.UncheckedIOException e) {
      throw new OutputException("cannot scan " + output.root() + ": " + dev.kesgen.files.Failures.describe(e.getCause()), e);
    }
    perFile.forEach(findings::addAll);
    return findings;
  }

  /** Every finding in planned files (by output-relative path), in path order; nothing is read from disk. */
  static List<Finding> of(Map<String, FileContent> files) {
    List<Map.Entry<String, FileContent>> entries = new ArrayList<>(new java.util.TreeMap<>(files).entrySet());
    List<Finding> findings = new ArrayList<>();
    InOrder.map(entries, e -> scan(e.getKey(), e.getValue().bytes())).forEach(findings::addAll);
    return findings;
  }

  private static String relative(OutputDirectory output, Path file) {
    return output.root().relativize(file).toString().replace('\\', '/');
  }

  private static byte[] read(Path file) {
    try {
      // the walk kept regular files only; read them as every committed file is read (bounded, never through a link)
      return RegularFiles.read(file, InputKind.COMMITTED_OUTPUT);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The one scan of a file, on disk or planned: {@code relative} is its output-relative path. */
  static List<Finding> scan(String relative, byte[] bytes) {
    List<Finding> findings = new ArrayList<>();
    Map<Leaks.Kind, String> leaks = Leaks.in(bytes);
    leaks.forEach((kind, where) -> findings.add(new Finding(Finding.Kind.SECRET_IN_OUTPUT, relative,
        kind.what + where + "; " + kind.fix)));
    if (!leaks.containsKey(Leaks.Kind.SECRET_ID) && relative.startsWith("kes/")
        && LITERAL_APPROLE_SECRET.matcher(new String(bytes, StandardCharsets.UTF_8)).find()) {
      findings.add(new Finding(Finding.Kind.SECRET_IN_OUTPUT, relative,
          "sets an AppRole secret literally; KES must read it from ${KES_APPROLE_SECRET} (regenerate, and create a"
              + " new secret id with bootstrap --rotate)"));
    }
    return findings;
  }

  /** What a check says about an entry of the output directory kesgen did not write. */
  static Finding unknown(OutputDirectory output, String relative) {
    Path path = output.root().resolve(relative);
    String message;
    if (Files.isSymbolicLink(path)) {
      String target;
      try {
        target = " (to " + Files.readSymbolicLink(path) + ")";
      } catch (IOException e) {
        target = "";
      }
      message = "is a symbolic link" + target + " that kesgen did not create (it never writes links, and a link can"
          + " make a tool follow it out of the output directory); remove it";
    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      message = "was not written by kesgen (it is not in " + OutputDirectory.MANIFEST + "); remove it, or keep it"
          + " outside the output directory";
    } else {
      message = "is a special file (FIFO, socket or device) that kesgen did not create; remove it";
    }
    return new Finding(Finding.Kind.UNKNOWN, relative, message);
  }
}

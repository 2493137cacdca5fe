package dev.kesgen.engine;

import dev.kesgen.output.OutputDirectory;
import dev.kesgen.output.OutputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for secrets under the output directory, which must only ever live in the secrets directory or the
 * cluster: private keys (PEM); AppRole secret ids (a UUID as the value of any key whose name contains "secret",
 * such as {@code secret_id}, {@code secret:} or {@code KES_APPROLE_SECRET:}); and a KES configuration whose
 * {@code approle.secret} is a literal instead of {@code ${KES_APPROLE_SECRET}} (what the chart kesgen replaces did).
 */
final class SecretScan {
  private static final Pattern SECRET_ID = Pattern.compile(
      "(?i)secret[\\w.-]*[\"']?\\s*[:=]\\s*[\"']?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
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
    try (Stream<Path> files = Files.walk(output.root())) {
      for (Path file : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String relative = output.root().relativize(file).toString().replace('\\', '/');
        if (OutputDirectory.holdsPrivateKey(bytes)) {
          findings.add(new Finding(Finding.Kind.SECRET_IN_OUTPUT, relative,
              "holds a private key; remove it from the output directory (and from version control history) and rotate it"));
        }
        if (SECRET_ID.matcher(text).find()) {
          findings.add(new Finding(Finding.Kind.SECRET_IN_OUTPUT, relative,
              "holds what looks like an AppRole secret id; remove it and create a new secret id (bootstrap --rotate)"));
        } else if (relative.startsWith("kes/") && LITERAL_APPROLE_SECRET.matcher(text).find()) {
          findings.add(new Finding(Finding.Kind.SECRET_IN_OUTPUT, relative,
              "sets an AppRole secret literally; KES must read it from ${KES_APPROLE_SECRET} (regenerate, and create a"
                  + " new secret id with bootstrap --rotate)"));
        }
      }
    } catch (IOException e) {
      throw new OutputException("cannot scan " + output.root() + ": " + e.getMessage(), e);
    }
    return findings;
  }
}

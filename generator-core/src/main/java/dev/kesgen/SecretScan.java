package dev.kesgen;

import dev.kesgen.output.OutputDirectory;
import dev.kesgen.output.OutputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for secrets under the output directory: private keys (PEM) and AppRole secret ids (a UUID written next to
 * "secret_id" or "secret-id"), which must only ever live in the secrets directory or the cluster.
 */
final class SecretScan {
  private static final Pattern SECRET_ID = Pattern.compile(
      "(?i)secret[_-]?id[\"']?\\s*[:=]\\s*[\"']?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private SecretScan() {}

  static List<CheckResult.Finding> of(OutputDirectory output) throws OutputException {
    List<CheckResult.Finding> findings = new ArrayList<>();
    for (String file : output.filesWithPrivateKeys()) {
      findings.add(new CheckResult.Finding(CheckResult.Kind.SECRET_IN_OUTPUT, file,
          "holds a private key; remove it from the output directory (and from version control history) and rotate it"));
    }
    if (!Files.isDirectory(output.root())) {
      return findings;
    }
    try (Stream<Path> files = Files.walk(output.root())) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (SECRET_ID.matcher(text).find()) {
          findings.add(new CheckResult.Finding(CheckResult.Kind.SECRET_IN_OUTPUT,
              output.root().relativize(file).toString().replace('\\', '/'),
              "holds what looks like an AppRole secret id; remove it and create a new secret id (bootstrap --rotate)"));
        }
      }
    } catch (IOException e) {
      throw new OutputException("cannot scan " + output.root() + ": " + e.getMessage(), e);
    }
    return findings;
  }
}

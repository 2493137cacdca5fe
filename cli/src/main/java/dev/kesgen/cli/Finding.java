package dev.kesgen.cli;

import dev.kesgen.CheckResult;
import dev.kesgen.topology.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One finding of check or validate, with where it is so CI can annotate it: a topology problem (file, line,
 * column, YAML path), a check finding (the file under the output directory), or a mistake without a place.
 *
 * @param kind {@code topology}, {@code configuration} or a check finding's kind in lower case ({@code stale},
 *     {@code missing}, {@code extra}, {@code unknown}, {@code certificate}, {@code secret_in_output})
 * @param file the file, relative to the working directory as given on the command line
 * @param line 1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 * @param path the YAML path of a topology problem, "" otherwise
 * @param message what is wrong and how to fix it
 */
record Finding(String kind, Optional<String> file, int line, int column, String path, String message) {
  static Finding of(Problem p) {
    return new Finding("topology", Optional.of(p.file().toString()), p.line(), p.column(), p.yamlPath(), p.message());
  }

  /** A check finding; its subject is a path relative to the output directory. */
  static Finding of(CheckResult.Finding f, Path outputDirectory) {
    String file = outputDirectory.resolve(f.subject()).toString();
    return new Finding(f.kind().name().toLowerCase(Locale.ROOT), Optional.of(file), 0, 0, "", f.message());
  }

  static Finding configuration(String message) {
    return new Finding("configuration", Optional.empty(), 0, 0, "", message);
  }

  /** {@code file:line:column: path: message}, as the plugin prints topology problems. */
  String text() {
    String where = file.map(f -> line > 0 ? f + ":" + line + ":" + column + ": " : f + ": ").orElse("");
    return where + (path.isEmpty() ? "" : path + ": ") + message;
  }

  String json() {
    List<String> fields = new ArrayList<>();
    fields.add("\"kind\":" + Json.string(kind));
    file.ifPresent(f -> fields.add("\"file\":" + Json.string(f)));
    if (line > 0) {
      fields.add("\"line\":" + line);
      fields.add("\"column\":" + column);
    }
    if (!path.isEmpty()) {
      fields.add("\"path\":" + Json.string(path));
    }
    fields.add("\"message\":" + Json.string(message));
    return "{" + String.join(",", fields) + "}";
  }
}

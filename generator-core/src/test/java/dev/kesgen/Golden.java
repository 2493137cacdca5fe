package dev.kesgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The golden cases: each directory under {@code src/test/resources/golden/} holds a {@code topology.yaml} and the
 * {@code expected/} output; the MOLGENIS case is the example's committed {@code generated/} directory. The committed
 * certificates in the expected output are the input certificates, so every other file is deterministic.
 *
 * <p>Run with {@code -Dkesgen.golden.update=true} to rewrite the expected output after an intended change, then
 * review the diff.
 */
record Golden(String name, Path topology, Path expected) {
  static final Path ROOT = Path.of("src/test/resources/golden");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final boolean UPDATE = Boolean.getBoolean("kesgen.golden.update");

  static List<Golden> all() {
    List<Golden> cases = new ArrayList<>();
    cases.add(new Golden("molgenis", Path.of("../examples/molgenis/topology.yaml"), Path.of("../examples/molgenis/generated")));
    try (Stream<Path> dirs = Files.list(ROOT)) {
      dirs.filter(d -> Files.isRegularFile(d.resolve("topology.yaml"))).sorted()
          .forEach(d -> cases.add(new Golden(d.getFileName().toString(), d.resolve("topology.yaml"), d.resolve("expected"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Copies the committed certificates of the expected output into {@code output}. */
  void seedCertificates(Path output) throws IOException {
    if (!Files.isDirectory(expected)) {
      return;
    }
    for (var entry : read(expected).entrySet()) {
      if (entry.getKey().endsWith(".crt")) {
        Path target = output.resolve(entry.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, entry.getValue());
      }
    }
  }

  /** Every file under {@code dir} by relative path, as UTF-8 text. */
  static SortedMap<String, String> read(Path dir) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return files;
  }

  /** Replaces the expected output with {@code actual}. */
  void update(Path actual) throws IOException {
    if (Files.isDirectory(expected)) {
      try (Stream<Path> walk = Files.walk(expected)) {
        for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (var entry : read(actual).entrySet()) {
      Path target = expected.resolve(entry.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, entry.getValue());
    }
  }
}

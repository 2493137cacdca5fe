package dev.kesgen.kes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration keys and {@code kes server} flags one KES release knows, read from the test resource
 * {@code releases/<tag>.tree} (see the README beside those files: read from minio/kes at the tag, with citations).
 *
 * @param release the tag
 * @param decoder {@code strict}, {@code strict-with-fallback} or {@code lenient}
 * @param yaml the YAML module the release parses its configuration with
 * @param keys every key path with its kind ({@code map}, {@code map-any}, {@code list-map}, {@code list-string},
 *     {@code string}, {@code duration}, {@code bool}, {@code int}, {@code any})
 * @param flagParser {@code go-flag} or {@code pflag}
 * @param flags every flag of {@code kes server}, with its Go type
 */
record ReleaseTree(
    String release, String decoder, String yaml, Map<String, String> keys, String flagParser, Map<String, String> flags) {

  static ReleaseTree of(String tag) {
    String resource = "releases/" + tag + ".tree";
    try (InputStream in = ReleaseTree.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource dev/kesgen/kes/" + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReleaseTree parse(String text) {
    String release = null;
    String decoder = null;
    String yaml = null;
    String flagParser = null;
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, String> flags = new LinkedHashMap<>();
    for (String raw : text.lines().toList()) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s{2,}");
      switch (f[0]) {
        case "release" -> release = f[1];
        case "decoder" -> decoder = f[1];
        case "yaml" -> yaml = f[1];
        case "root" -> { }
        case "flagparser" -> flagParser = f[1];
        case "key" -> {
          if (keys.put(f[1], f[2]) != null) {
            throw new IllegalArgumentException("key listed twice: " + raw);
          }
        }
        case "flag" -> flags.put(f[1], f[2]);
        default -> throw new IllegalArgumentException("unknown line in a release tree: " + raw);
      }
    }
    if (release == null || decoder == null || yaml == null || flagParser == null || keys.isEmpty()) {
      throw new IllegalArgumentException("incomplete release tree " + release);
    }
    return new ReleaseTree(release, decoder, yaml, keys, flagParser, flags);
  }
}

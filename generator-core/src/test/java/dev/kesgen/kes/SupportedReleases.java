package dev.kesgen.kes;

import dev.kesgen.topology.KesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Every KES release tag kesgen supports, oldest first, from the test resource {@code supported-releases.txt}. */
public final class SupportedReleases {
  private static final String RESOURCE = "supported-releases.txt";

  private SupportedReleases() {}

  /** The tags, one per line of the resource, in file order. */
  public static List<String> tags() {
    try (InputStream in = SupportedReleases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource dev/kesgen/kes/" + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The releases of {@link #tags()}. */
  public static List<KesVersion> versions() {
    return tags().stream().map(KesVersion::of).toList();
  }
}

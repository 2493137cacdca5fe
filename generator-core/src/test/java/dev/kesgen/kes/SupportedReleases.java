package dev.kesgen.kes;

import dev.kesgen.topology.KesVersion;
import java.util.List;

/** Every KES release tag kesgen supports, oldest first: the list kesgen ships ({@link KesVersion#releases()}). */
public final class SupportedReleases {
  private SupportedReleases() {}

  /** The tags, in the shipped list's order. */
  public static List<String> tags() {
    return versions().stream().map(KesVersion::tag).toList();
  }

  /** The releases. */
  public static List<KesVersion> versions() {
    return KesVersion.releases();
  }
}

package dev.kesgen.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A KES release: {@code vX.Y.Z} up to v0.22.x, then date tags {@code YYYY-MM-DDTHH-MM-SSZ} (from 2023-02-15).
 * Every date release orders after every {@code v} release.
 *
 * @param tag the image tag as written, for example {@code v0.13.4} or {@code 2024-03-13T17-52-13Z}
 */
public record KesVersion(String tag) implements Comparable<KesVersion> {
  private static final Pattern SEMVER = Pattern.compile("v(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");
  /** Declared before the constants below, which are parsed while the class is initialised. */
  private static final ReleaseDates DATES = new ReleaseDates("");
  /**
   * What each tag is, read once: its {@code v} numbers or its date ({@link ReleaseDates}, which never costs a
   * {@code v} tag a parse exception); a large topology compares releases for every tenant. Failed reads are kept
   * too. Bounded; beyond the bound a tag is read each time. Declared before the constants below.
   */
  private static final java.util.concurrent.ConcurrentMap<String, Parsed> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_PARSED = 4096;

  private static final Comparator<KesVersion> ORDER =
      Comparator.comparing((KesVersion v) -> v.date().isPresent())
          .thenComparing(v -> v.date().orElse(LocalDateTime.MIN))
          .thenComparingInt(v -> v.parsed().semver(0))
          .thenComparingInt(v -> v.parsed().semver(1))
          .thenComparingInt(v -> v.parsed().semver(2));

  /** The oldest release kesgen generates configuration for (declared after the patterns it is checked with). */
  public static final KesVersion OLDEST = new KesVersion("v0.13.0");

  /** The last KES release (upstream KES was deprecated in 2025-05); later tags are unknown to kesgen. */
  public static final KesVersion NEWEST = new KesVersion("2025-03-12T09-35-18Z");

  /** The first release that reads {@code keystore.vault.version}, and so can use KV version 2. */
  public static final KesVersion FIRST_WITH_KV_V2 = new KesVersion("v0.15.0");

  /**
   * Whether this tag is a KES release kesgen supports: one of {@link #releases()}, every release from {@link #OLDEST}
   * to {@link #NEWEST}. A well-formed tag between them that was never released (v0.17.9, 2024-02-30T00-00-00Z) is not.
   */
  public boolean isSupported() {
    return Releases.TAGS.contains(tag);
  }

  /**
   * Whether this tag lies beyond every release kesgen knows: a date tag after {@link #NEWEST}, or a {@code v} tag
   * from v0.25.0 on (v0.23.0 and v0.24.0 are the Go-module tags of date releases of minio/kes).
   */
  public boolean isNewerThanKnown() {
    return date().isPresent() ? compareTo(NEWEST) > 0 : compareTo(new KesVersion("v0.25.0")) >= 0;
  }

  /**
   * Every KES release kesgen supports, oldest first: the shipped list {@code dev/kesgen/topology/kes-releases.txt}
   * (the tags of minio/kes from v0.13.0 on; upstream KES was deprecated in 2025-05, so the list is complete).
   */
  public static List<KesVersion> releases() {
    return Releases.LIST;
  }

  /**
   * The release to suggest for this tag when it is not one: for a {@code v} tag the newest release not newer than it
   * (v0.17.9 → v0.17.6, the last v0.17 release), for a date tag the release nearest in time (2024-02-30T00-00-00Z,
   * read as 2024-02-29T00:00, → 2024-02-29T08-12-28Z); a release itself for a release.
   */
  public KesVersion nearestRelease() {
    if (isSupported()) {
      return this;
    }
    List<KesVersion> releases = Releases.LIST;
    if (date().isEmpty()) {
      KesVersion floor = releases.get(0);
      for (KesVersion r : releases) {
        if (r.date().isEmpty() && r.compareTo(this) <= 0) {
          floor = r;
        }
      }
      return floor;
    }
    LocalDateTime when = date().get();
    KesVersion nearest = NEWEST;
    long best = Long.MAX_VALUE;
    for (KesVersion r : releases) {
      if (r.date().isPresent()) {
        long distance = Math.abs(Duration.between(when, r.date().get()).getSeconds());
        if (distance < best) {
          best = distance;
          nearest = r;
        }
      }
    }
    return nearest;
  }

  public KesVersion {
    Objects.requireNonNull(tag, "tag");
    if (!parsed(tag).wellFormed()) {
      throw new IllegalArgumentException("not a KES release tag: " + tag);
    }
  }

  /** The release with this tag; empty if the tag has neither form. */
  public static Optional<KesVersion> parse(String tag) {
    if (tag == null || !parsed(tag).wellFormed()) {
      return Optional.empty();
    }
    return Optional.of(new KesVersion(tag));
  }

  /** The release with this tag; throws {@link IllegalArgumentException} if it has neither form. */
  public static KesVersion of(String tag) {
    return new KesVersion(tag);
  }

  /** The release date of a date tag; empty for a {@code v} tag. */
  public Optional<LocalDateTime> date() {
    return Optional.ofNullable(parsed().date());
  }

  private Parsed parsed() {
    return parsed(tag);
  }

  private static Parsed parsed(String tag) {
    Parsed known = PARSED.get(tag);
    if (known != null) {
      return known;
    }
    Parsed parsed = Parsed.of(tag);
    if (PARSED.size() < MAX_PARSED) {
      PARSED.putIfAbsent(tag, parsed);
    }
    return parsed;
  }

  /**
   * A tag read once: its {@code v} numbers or its date; neither for a malformed tag.
   *
   * @param semver the three numbers of a {@code v} tag, or null
   * @param date the date of a date tag, or null
   */
  private record Parsed(int[] semver, LocalDateTime date) {
    boolean wellFormed() {
      return semver != null || date != null;
    }

    int semver(int i) {
      return semver == null ? 0 : semver[i];
    }

    static Parsed of(String tag) {
      Matcher m = SEMVER.matcher(tag);
      if (m.matches()) {
        return new Parsed(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))}, null);
      }
      return new Parsed(null, DATES.parse(tag).orElse(null));
    }
  }

  /** Whether this release is {@code other} or newer. */
  public boolean isAtLeast(KesVersion other) {
    return compareTo(other) >= 0;
  }

  /** Whether this release is {@code tag} or newer. */
  public boolean isAtLeast(String tag) {
    return isAtLeast(of(tag));
  }

  @Override
  public int compareTo(KesVersion o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return tag;
  }

  /** The shipped list, read once on first use (after the constants above, which it does not need). */
  private static final class Releases {
    static final String RESOURCE = "kes-releases.txt";
    static final List<KesVersion> LIST = read();
    static final Set<String> TAGS = LIST.stream().map(KesVersion::tag).collect(Collectors.toUnmodifiableSet());

    private static List<KesVersion> read() {
      try (InputStream in = KesVersion.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("kesgen is missing its list of KES releases, dev/kesgen/topology/" + RESOURCE);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(line -> !line.isEmpty()).map(KesVersion::new).toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read kesgen's list of KES releases: " + e.getMessage(), e);
      }
    }
  }
}

package dev.kesgen.topology;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Validates one setting's value where it is written: a release tag, a chart layout, an image repository, a text.
 * Each reports its problem (what is wrong, how to fix it) and answers empty; {@link SettingsReader} composes them.
 */
final class ValueReader {
  private final Problems problems;

  ValueReader(Problems problems) {
    this.problems = problems;
  }

  Optional<String> text(Nodes.Located<Node> l) {
    return Nodes.string(l.node(), l.path(), problems);
  }

  Optional<ChartLayout> chart(String s, Nodes.Located<Node> l) {
    return choice(s, l, ChartLayout::of, ChartLayout.values(), ChartLayout::spelling);
  }

  Optional<MinioVersion> minioVersion(String s, Nodes.Located<Node> l) {
    Optional<MinioVersion> v = MinioVersion.parse(s);
    if (v.isEmpty()) {
      problems.at(l.node(), l.path(), "\"" + s + "\" is not a MinIO release tag (write RELEASE.YYYY-MM-DDTHH-MM-SSZ,"
          + " for example RELEASE.2020-10-09T22-55-05Z)");
    }
    return v;
  }

  Optional<KesVersion> kesVersion(Nodes.Located<Node> l) {
    return text(l).flatMap(s -> {
      Optional<KesVersion> v = KesVersion.parse(s);
      if (v.isEmpty()) {
        problems.at(l.node(), l.path(), "\"" + s + "\" is not a KES release tag (write vX.Y.Z such as v0.13.4,"
            + " or a date tag such as 2024-03-13T17-52-13Z)");
      } else if (!v.get().isAtLeast(KesVersion.OLDEST)) {
        problems.at(l.node(), l.path(), "KES " + s + " is older than " + KesVersion.OLDEST
            + ", the oldest release kesgen supports (upgrade KES to v0.13.0 or later)");
        return Optional.empty();
      } else if (v.get().isNewerThanKnown()) {
        problems.at(l.node(), l.path(), "KES " + s + " is newer than " + KesVersion.NEWEST
            + ", the last KES release kesgen knows (use " + KesVersion.NEWEST + " or older)");
        return Optional.empty();
      } else if (!v.get().isSupported()) {
        // the tag becomes the image tag: a release that never existed would be an image that cannot be pulled
        problems.at(l.node(), l.path(), "KES " + s + " is not a KES release; did you mean "
            + v.get().nearestRelease() + "? (kesgen knows every KES release, " + KesVersion.OLDEST + " to "
            + KesVersion.NEWEST + ")");
        return Optional.empty();
      }
      return v;
    });
  }

  Optional<String> imageRepository(String s, Nodes.Located<Node> l, String example) {
    if (NameRules.isImageRepository(s)) {
      return Optional.of(s);
    }
    problems.at(l.node(), l.path(), "\"" + s + "\" is not an image repository (write it without tag or digest, for example"
        + " " + example + ": the tag is the release kesgen plans for)");
    return Optional.empty();
  }

  /** The value with this spelling; a problem listing every spelling, in declaration order, otherwise. */
  <T> Optional<T> choice(String s, Nodes.Located<Node> l, Function<String, Optional<T>> parse, T[] all,
      Function<T, String> spelling) {
    Optional<T> value = parse.apply(s);
    if (value.isEmpty()) {
      problems.at(l.node(), l.path(), "\"" + s + "\" is not one of "
          + String.join(", ", Arrays.stream(all).map(spelling).toList()));
    }
    return value;
  }
}

package dev.kesgen.kes;

import dev.kesgen.topology.KesSettings;
import dev.kesgen.topology.KesVersion;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container image an instance runs: the repository its release was published to and the tag that release's
 * own build configuration gave it.
 *
 * <p>Read in each release's {@code .goreleaser.yml} in minio/kes (the release workflow only runs
 * {@code goreleaser release --skip-publish --snapshot}, K@v0.14.0:.github/workflows/release.yml:33, so images are
 * pushed from that file's {@code image_templates}):
 * <ul>
 *   <li>v0.13.0 – v0.14.0 were pushed to Docker Hub only ({@code minio/kes:{{ .Tag }}},
 *       K@v0.14.0:.goreleaser.yml:69), whose MinIO repositories stopped serving in September 2026;
 *   <li>from v0.15.0 every release was also pushed to {@code quay.io/minio/kes} (K@v0.15.0:.goreleaser.yml:110;
 *       K@2025-03-12T09-35-18Z:.goreleaser.yml:83,104), which still serves, so it is the default;
 *   <li>up to v0.22.2 the image tag is the git tag (K@v0.22.2:.goreleaser.yml:111); from v0.22.3 it is the commit
 *       date with {@code :} replaced by {@code -} (K@v0.22.3:.goreleaser.yml:112), which is the tag itself for the
 *       date releases but not for the Go-module tags v0.22.3, v0.23.0 and v0.24.0.
 * </ul>
 *
 * @param repository the image repository, without tag
 * @param tag the image tag
 * @param digest the digest the topology pins the image to ({@code kes.imageDigest}), empty for the tag alone
 * @param note why the tag or repository is not the obvious one, for SUMMARY.md and the log; empty when it is
 * @param warning a reason the image may not be pullable, for the log and SUMMARY.md; empty when there is none
 */
public record KesImage(
    String repository, String tag, Optional<String> digest, Optional<String> note, Optional<String> warning) {
  /** The default repository of releases from v0.15.0 on. */
  public static final String QUAY = "quay.io/minio/kes";
  /** The only repository v0.13.0 – v0.14.0 were published to. */
  public static final String DOCKER_HUB = "minio/kes";

  private static final KesVersion FIRST_ON_QUAY = KesVersion.of("v0.15.0");
  private static final KesVersion FIRST_TAGGED_BY_DATE = KesVersion.of("v0.22.3");
  /** The commit dates of the {@code v} tags whose release configuration names images by commit date (git log at the tag). */
  private static final Map<String, String> COMMIT_DATE_TAGS = Map.of(
      "v0.22.3", "2023-01-24T16-03-04Z",
      "v0.23.0", "2023-11-10T10-44-28Z",
      "v0.24.0", "2025-01-13T13-25-50Z");
  /** The Go-module tags whose commit no date release names. */
  private static final Map<String, String> NO_DATE_RELEASE = Map.of(
      "v0.22.3", "2023-02-15T14-54-37Z",
      "v0.24.0", "2025-01-30T09-41-53Z");

  public KesImage {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(warning, "warning");
  }

  /** The image of an instance: the topology's repository if it names one, else the release's default. */
  public static KesImage of(KesSettings kes) {
    KesVersion version = kes.version();
    boolean onQuay = version.isAtLeast(FIRST_ON_QUAY);
    String repository = kes.image().orElse(onQuay ? QUAY : DOCKER_HUB);
    String tag = version.date().isEmpty() && version.isAtLeast(FIRST_TAGGED_BY_DATE)
        ? COMMIT_DATE_TAGS.getOrDefault(version.tag(), version.tag())
        : version.tag();
    Optional<String> note = tag.equals(version.tag())
        ? Optional.empty()
        : Optional.of("KES " + version + " was published as image tag " + tag
            + " (its release configuration names images by commit date: minio/kes@" + version + " .goreleaser.yml)");
    Optional<String> warning = Optional.empty();
    if (isDockerHubMinio(repository)) {
      warning = Optional.of(onQuay
          ? "image " + repository + " is on Docker Hub, whose MinIO repositories stopped serving in September 2026:"
              + " use " + QUAY + " (which received KES " + version + ") or a mirror"
          : "KES " + version + " was published to Docker Hub only (minio/kes@" + version + " .goreleaser.yml), whose"
              + " MinIO repositories stopped serving in September 2026: set kes.image to a registry that mirrors "
              + DOCKER_HUB + ":" + tag + ", or move to v0.15.0 or later (on " + QUAY + ")");
    } else if (NO_DATE_RELEASE.containsKey(version.tag())) {
      warning = Optional.of("KES " + version + " is a Go-module tag with no date release of its own, so image " + tag
          + " may not exist: name the date release " + NO_DATE_RELEASE.get(version.tag()) + " instead");
    }
    return new KesImage(repository, tag, kes.imageDigest(), note, warning);
  }

  /** Whether a repository is one of MinIO's on Docker Hub ({@code minio/x}, {@code docker.io/minio/x}), which no longer serve. */
  public static boolean isDockerHubMinio(String repository) {
    String r = repository.replaceFirst("^(index\\.)?docker\\.io/", "");
    return r.startsWith("minio/");
  }

  /** {@code repository:tag}, with {@code @digest} when the topology pins one (Kubernetes then pulls by digest). */
  public String reference() {
    return repository + ":" + tag + digest.map(d -> "@" + d).orElse("");
  }
}

package dev.kesgen.kes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.KesSettings;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KesImageTest {
  private static KesSettings kes(String version, Optional<String> image) {
    KesSettings base = Fixtures.instance(version).kes();
    return new KesSettings(base.version(), image, base.imageDigest(), base.service(), base.port(), base.replicas(), base.adminIdentity(),
        base.certificate(), base.provisioning());
  }

  @ParameterizedTest(name = "{0} -> {1}:{2}")
  @CsvSource({
    "v0.13.0, minio/kes, v0.13.0, true",
    "v0.14.0, minio/kes, v0.14.0, true",
    "v0.15.0, quay.io/minio/kes, v0.15.0, false",
    "v0.22.2, quay.io/minio/kes, v0.22.2, false",
    "v0.22.3, quay.io/minio/kes, 2023-01-24T16-03-04Z, true",
    "v0.23.0, quay.io/minio/kes, 2023-11-10T10-44-28Z, false",
    "v0.24.0, quay.io/minio/kes, 2025-01-13T13-25-50Z, true",
    "2023-02-15T14-54-37Z, quay.io/minio/kes, 2023-02-15T14-54-37Z, false",
    "2025-03-12T09-35-18Z, quay.io/minio/kes, 2025-03-12T09-35-18Z, false"
  })
  void defaultsToTheRegistryAndTagTheReleaseWasPublishedAs(String version, String repository, String tag, boolean warns) {
    KesImage image = KesImage.of(kes(version, Optional.empty()));
    assertThat(image.repository()).isEqualTo(repository);
    assertThat(image.tag()).isEqualTo(tag);
    assertThat(image.note().isPresent()).isEqualTo(!tag.equals(version));
    assertThat(image.warning().isPresent()).isEqualTo(warns);
  }

  @ParameterizedTest
  @CsvSource({"minio/kes, true", "docker.io/minio/kes, true", "index.docker.io/minio/kes, true",
      "quay.io/minio/kes, false", "registry.example.org/mirror/minio/kes, false"})
  void anExplicitDockerHubRepositoryIsWarnedAboutAtEveryRelease(String repository, boolean warns) {
    KesImage image = KesImage.of(kes("2024-03-13T17-52-13Z", Optional.of(repository)));
    assertThat(image.repository()).isEqualTo(repository);
    assertThat(image.warning().isPresent()).isEqualTo(warns);
  }

  @ParameterizedTest
  @CsvSource({"v0.13.4", "v0.14.0"})
  void aMirrorOfAnOldReleaseIsNotWarnedAbout(String version) {
    assertThat(KesImage.of(kes(version, Optional.of("registry.example.org/minio/kes"))).warning()).isEmpty();
  }
}

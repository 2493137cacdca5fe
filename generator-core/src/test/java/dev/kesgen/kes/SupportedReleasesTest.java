package dev.kesgen.kes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.KesVersion;
import org.junit.jupiter.api.Test;

/** The shared list of supported KES releases agrees with {@link KesVersion}. */
class SupportedReleasesTest {
  @Test
  void everyListedReleaseIsSupportedAndTheListRunsFromOldestToNewest() {
    assertThat(SupportedReleases.versions()).allMatch(KesVersion::isSupported).isSorted().doesNotHaveDuplicates()
        .startsWith(KesVersion.OLDEST).endsWith(KesVersion.NEWEST);
  }
}

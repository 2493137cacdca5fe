package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The KES release ranges of the Kubernetes login, at each boundary tag (docs/design/kubernetes-auth.md §2.3–2.4). */
class KesKubernetesLoginTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "v0.13.0, READ_AT_START_MISSING_IGNORED",
      "v0.21.1, READ_AT_START_MISSING_IGNORED",
      "v0.22.0, PATH_SENT_AS_JWT",
      "v0.22.2, PATH_SENT_AS_JWT",
      "v0.22.3, READ_AT_START_MISSING_IGNORED",
      "v0.24.0, READ_AT_START_MISSING_IGNORED",
      "2023-02-15T14-54-37Z, READ_AT_START_MISSING_IGNORED",
      "2023-04-03T16-41-28Z, TOKEN_READ_AS_PATH",
      "2023-04-18T19-36-09Z, TOKEN_READ_AS_PATH",
      "2023-05-02T22-48-10Z, TOKEN_READ_AS_PATH",
      "2023-07-26T11-13-07Z, READ_AT_START",
      "2024-10-31T07-42-41Z, READ_AT_START",
      "2024-11-25T13-44-31Z, READ_AT_EVERY_LOGIN",
      "2025-03-12T09-35-18Z, READ_AT_EVERY_LOGIN"})
  void eachReleaseReadsItsTokenAsItsSourceSays(String tag, KesKubernetesLogin expected) {
    KesKubernetesLogin login = KesKubernetesLogin.of(KesVersion.of(tag));

    assertThat(login).isEqualTo(expected);
    assertThat(login.canLogIn()).isEqualTo(expected != KesKubernetesLogin.PATH_SENT_AS_JWT
        && expected != KesKubernetesLogin.TOKEN_READ_AS_PATH);
    assertThat(login.rereadsToken()).isEqualTo(expected == KesKubernetesLogin.READ_AT_EVERY_LOGIN);
  }

  @ParameterizedTest
  @CsvSource({"v0.22.1, minio/kes#318", "2023-04-17T23-01-06Z, minio/kes#361"})
  void aRefusalNamesTheBugAndTheFix(String tag, String bug) {
    assertThat(KesKubernetesLogin.of(KesVersion.of(tag)).refusal()).contains(bug, "or later", "vaultAuth: approle");
  }

  @ParameterizedTest
  @CsvSource({"v0.13.4", "2024-11-25T13-44-31Z"})
  void aReleaseThatLogsInHasNoRefusal(String tag) {
    assertThatThrownBy(() -> KesKubernetesLogin.of(KesVersion.of(tag)).refusal())
        .isInstanceOf(IllegalStateException.class);
  }
}

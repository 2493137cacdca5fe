package dev.kesgen.kes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.topology.KesVersion;
import dev.kesgen.topology.MinioVersion;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinioKesApiTest {
  private static final KesVersion LATEST_KES = KesVersion.of("2025-03-12T09-35-18Z");
  private static final List<String> KEYS = List.of("gecko", "gecko-extra");

  private static List<String> allowed(String minio, KesVersion kes) {
    return MinioKesApi.allowedPaths(MinioVersion.of("RELEASE." + minio), kes, KEYS);
  }

  private static List<String> admin(String minio, KesVersion kes) {
    return MinioKesApi.allowedPaths(MinioVersion.of("RELEASE." + minio), kes, KEYS, EnumSet.of(KesApiCall.Use.ADMIN));
  }

  @Test
  void oldMinioGetsOnlyCreateGenerateDecryptForEachKey() {
    assertThat(allowed("2020-10-09T22-55-05Z", KesVersion.of("v0.13.4")))
        .containsExactly(
            "/v1/key/create/gecko", "/v1/key/create/gecko-extra",
            "/v1/key/decrypt/gecko", "/v1/key/decrypt/gecko-extra",
            "/v1/key/generate/gecko", "/v1/key/generate/gecko-extra");
  }

  @Test
  void noGrantedPathIsAPattern() {
    assertThat(allowed("2025-10-15T17-29-55Z", LATEST_KES)).noneMatch(p -> p.contains("*"));
  }

  @ParameterizedTest
  @CsvSource({"2022-07-08T00-05-23Z, false", "2022-07-13T23-29-44Z, true", "2024-05-07T06-41-25Z, true", "2024-05-10T01-41-38Z, false"})
  void metricsWhileMinioScrapesThemFromKes(String minio, boolean granted) {
    assertThat(allowed(minio, LATEST_KES).contains("/v1/metrics")).isEqualTo(granted);
  }

  @ParameterizedTest
  @CsvSource({"2023-02-10T18-48-39Z, false", "2023-02-17T17-52-43Z, true", "2025-10-15T17-29-55Z, true"})
  void statusFromMinio20230217(String minio, boolean granted) {
    assertThat(allowed(minio, LATEST_KES).contains("/v1/status")).isEqualTo(granted);
  }

  @ParameterizedTest
  @CsvSource({"v0.16.0, false", "v0.16.1, true"})
  void statusOnlyWhereKesHasIt(String kes, boolean granted) {
    assertThat(allowed("2023-02-17T17-52-43Z", KesVersion.of(kes)).contains("/v1/status")).isEqualTo(granted);
  }

  @ParameterizedTest
  @CsvSource({"2024-05-07T06-41-25Z, false", "2024-05-10T01-41-38Z, true"})
  void describeOfTheDefaultKeyFromMinio20240510(String minio, boolean granted) {
    assertThat(allowed(minio, LATEST_KES).contains("/v1/key/describe/gecko")).isEqualTo(granted);
    assertThat(allowed(minio, LATEST_KES)).doesNotContain("/v1/key/describe/gecko-extra");
  }

  @ParameterizedTest
  @CsvSource({"v0.21.0, false", "v0.21.1, true"})
  void describeOnlyWhereKesHasIt(String kes, boolean granted) {
    assertThat(allowed("2024-05-10T01-41-38Z", KesVersion.of(kes)).contains("/v1/key/describe/gecko")).isEqualTo(granted);
  }

  @ParameterizedTest
  @CsvSource({"2022-03-26T06-49-28Z", "2023-08-16T20-17-30Z", "2023-08-23T10-07-06Z"})
  void bulkDecryptAndSelfDescribeAreNeverListed(String minio) {
    List<KesApiCall> calls = MinioKesApi.calls(MinioVersion.of("RELEASE." + minio), KesVersion.of("v0.22.3"), KEYS);
    assertThat(calls).extracting(KesApiCall::path).noneMatch(p -> p.contains("bulk") || p.contains("identity"));
  }

  @ParameterizedTest
  @CsvSource({
    "2021-05-11T23-27-41Z, 2021-05-16T05-32-34Z",
    "2022-03-03T21-21-16Z, 2022-03-26T06-49-28Z",
    "2023-08-16T20-17-30Z, 2023-08-23T10-07-06Z",
    "2024-04-06T05-26-02Z, 2024-04-18T19-09-19Z"
  })
  void boundariesThatChangeNoGrant(String before, String after) {
    assertThat(allowed(after, LATEST_KES)).isEqualTo(allowed(before, LATEST_KES));
  }

  @ParameterizedTest
  @CsvSource({"2024-02-26T09-33-48Z, false", "2024-03-03T17-50-39Z, true"})
  void hmacIsCalledFromMinio20240303(String minio, boolean called) {
    List<KesApiCall> calls = MinioKesApi.calls(MinioVersion.of("RELEASE." + minio), LATEST_KES, KEYS);
    assertThat(calls).extracting(KesApiCall::path).contains("/v1/key/create/gecko");
    assertThat(calls.stream().anyMatch(c -> c.path().equals("/v1/key/hmac/gecko"))).isEqualTo(called);
  }

  @ParameterizedTest
  @CsvSource({"2024-01-11T13-09-29Z, false", "2024-02-29T08-12-28Z, true"})
  void hmacOnlyWhereKesHasIt(String kes, boolean called) {
    List<KesApiCall> calls = MinioKesApi.calls(MinioVersion.of("RELEASE.2024-03-03T17-50-39Z"), KesVersion.of(kes), KEYS);
    assertThat(calls.stream().anyMatch(c -> c.path().equals("/v1/key/hmac/gecko"))).isEqualTo(called);
  }

  @Test
  void hmacIsNotGrantedByDefault() {
    assertThat(allowed("2025-10-15T17-29-55Z", LATEST_KES)).noneMatch(p -> p.startsWith("/v1/key/hmac/"));
  }

  @ParameterizedTest
  @CsvSource({"2022-10-02T19-29-29Z, false", "2022-10-05T14-58-27Z, true"})
  void keyListIsAnAdminCallPerExactKeyFromMinio20221005(String minio, boolean called) {
    assertThat(admin(minio, LATEST_KES).contains("/v1/key/list/gecko")).isEqualTo(called);
    assertThat(allowed(minio, LATEST_KES)).noneMatch(p -> p.startsWith("/v1/key/list/"));
  }

  @ParameterizedTest
  @CsvSource({"2022-10-08T20-11-00Z, v0.19.0, false", "2022-10-15T19-57-03Z, v0.19.0, true", "2022-10-15T19-57-03Z, v0.18.0, false"})
  void apiListingIsAnAdminCall(String minio, String kes, boolean called) {
    assertThat(admin(minio, KesVersion.of(kes)).contains("/v1/api")).isEqualTo(called);
  }

  @Test
  void destructiveAndBulkPathsAreNeverCalledOrGranted() {
    List<KesApiCall> calls = MinioKesApi.calls(MinioVersion.of("RELEASE.2025-10-15T17-29-55Z"), LATEST_KES, KEYS);
    assertThat(calls).extracting(KesApiCall::path)
        .noneMatch(p -> p.startsWith("/v1/key/delete/") || p.startsWith("/v1/key/import/") || p.startsWith("/v1/key/encrypt/"));
  }

  @ParameterizedTest
  @CsvSource({"2021-04-22T15-44-28Z, MINIO_KMS_KES_CA_PATH", "2021-05-11T23-27-41Z, MINIO_KMS_KES_CAPATH"})
  void caPathVariableRenamedAt20210511(String minio, String variable) {
    assertThat(MinioKesApi.caPathVariable(MinioVersion.of("RELEASE." + minio))).isEqualTo(variable);
  }

  @ParameterizedTest
  @CsvSource({"2021-05-11T23-27-41Z, false", "2021-05-16T05-32-34Z, true"})
  void minioCreatesItsDefaultKeyFrom20210516(String minio, boolean creates) {
    assertThat(MinioKesApi.createsDefaultKeyAtStartup(MinioVersion.of("RELEASE." + minio))).isEqualTo(creates);
  }
}

package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.pki.KesApiKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A KES API key is found in every form it leaks in; its identity and a certificate are not keys. */
class ApiKeyLeaksTest {
  private static final String KEY = KesApiKey.generate(new SecureRandom()).encoded();

  private static java.util.Set<Leaks.Kind> kinds(String text) {
    return Leaks.in(text.getBytes(StandardCharsets.UTF_8)).keySet();
  }

  /**
   * Only values that could name the key are parsed for it (ApiKeyCheck): those that spell it, and any with a
   * backslash, which a double-quoted YAML escape needs; values without either cannot name it.
   */
  @Test
  void valuesAreParsedForAnInlineKeyWhenTheyCouldNameIt() {
    String key = ApiKeyCheck.API_KEY;
    assertThat(ApiKeyCheck.mayName("environment:\n  MINIO_KMS_KES_ENDPOINT: x\n", key)).isFalse();
    assertThat(ApiKeyCheck.mayName("environment:\n  MINIO_KMS_KES_API KEY: x\n", key)).isFalse();
    assertThat(ApiKeyCheck.mayName("environment:\n  \"MINIO_KMS_KES_API\\x5FKEY\": x\n", key)).isTrue();
    assertThat(ApiKeyCheck.mayName("environment:\n  MINIO_KMS_KES_API_KEY: x\n", key)).isTrue();
  }

  @Test
  void aKeyInlineInValuesIsFound() {
    assertThat(kinds("environment:\n  MINIO_KMS_KES_API_KEY: \"" + KEY + "\"\n")).containsExactly(Leaks.Kind.API_KEY);
  }

  @Test
  void aConfigEnvInACopiedSecretIsFound() {
    String env = "export MINIO_KMS_KES_API_KEY=" + KEY + "\n";
    String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  config.env: "
        + Base64.getEncoder().encodeToString(env.getBytes(StandardCharsets.UTF_8)) + "\n";

    assertThat(Leaks.in(secret.getBytes(StandardCharsets.UTF_8))).containsOnlyKeys(Leaks.Kind.API_KEY)
        .containsValue(" (in Secret x, data.config.env, base64)");
  }

  @Test
  void theIdentityOfAKeyIsNoKey() {
    String identity = KesApiKey.parse(KEY).identity().hex();

    assertThat(kinds("identities:\n  - " + identity + "\n")).isEmpty();
    assertThat(kinds("kes:v1: is the prefix of a key")).isEmpty();
  }
}

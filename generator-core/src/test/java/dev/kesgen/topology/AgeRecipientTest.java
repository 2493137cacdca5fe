package dev.kesgen.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** age recipients are read as Bech32 with the part "age" and a 32-byte key; anything else says why. */
class AgeRecipientTest {
  /** The example recipient of age's own README (FiloSottile/age). */
  static final String VALID = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

  @Test
  void aRecipientAgeKeygenPrintsIsAccepted() {
    assertThat(AgeRecipient.problem(VALID)).isEmpty();
    assertThat(AgeRecipient.problem(VALID.toUpperCase(java.util.Locale.ROOT))).isEmpty();
  }

  @Test
  void everyDamageIsRefusedWithItsReason() {
    assertThat(AgeRecipient.problem(VALID.substring(0, VALID.length() - 1) + "q")).contains(
        "has a wrong checksum (a character was changed or lost; copy it again from age-keygen -y)");
    assertThat(AgeRecipient.problem(VALID.replace("l3z7", "l3z"))).isPresent();
    assertThat(AgeRecipient.problem("Age1" + VALID.substring(4))).contains("mixes upper and lower case");
    assertThat(AgeRecipient.problem("age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8b")).isPresent();
    assertThat(AgeRecipient.problem("agx" + VALID.substring(3))).contains("starts with \"agx1\", not \"age1\"");
    assertThat(AgeRecipient.problem("age1")).contains("is not Bech32 (age1 followed by 58 characters)");
    assertThat(AgeRecipient.problem("age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8o"))
        .contains("holds \"o\", which Bech32 does not use");
  }
}

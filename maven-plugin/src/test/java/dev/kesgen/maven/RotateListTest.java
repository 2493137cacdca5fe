package dev.kesgen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class RotateListTest {
  private static final String P = "kesgen.rotate";

  @Test
  void readsInstancesTenantsAndAll() throws MojoFailureException {
    assertThat(RotateList.parse(P, "dev,dev/gecko,dev:provisioner,all"))
        .containsExactlyInAnyOrder("dev", "dev/gecko", "dev:provisioner", "all");
  }

  @Test
  void trimsAndDeduplicates() throws MojoFailureException {
    assertThat(RotateList.parse(P, " dev/gecko , dev/gecko")).containsExactly("dev/gecko");
  }

  @Test
  void rejectsAnEmptyListNamingTheParameter() {
    assertThatThrownBy(() -> RotateList.parse(P, "  "))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(P);
  }

  @Test
  void rejectsEmptyEntries() {
    assertThatThrownBy(() -> RotateList.parse(P, "dev,,prod")).isInstanceOf(MojoFailureException.class);
    assertThatThrownBy(() -> RotateList.parse(P, "dev,")).isInstanceOf(MojoFailureException.class);
  }

  @Test
  void rejectsMalformedNames() {
    for (String bad : new String[] {"dev/", "/gecko", "dev/gecko/x", "dev gecko"}) {
      assertThatThrownBy(() -> RotateList.parse(P, bad))
          .as(bad)
          .isInstanceOf(MojoFailureException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }
}

package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandsTest {
  private static List<String> texts(ShellCommands.Command c) {
    return c.words().stream().map(ShellCommands.Word::text).toList();
  }

  @Test
  void quotesAreRemovedAndRedirectionsLeftOutWithTheirStdin() {
    List<ShellCommands.Command> commands = ShellCommands.of(
        "\"$vault_cli\" write 'auth/approle/role/kes-dev' - < 'approles/kes-dev.json' 2>&1 >/dev/null\n");

    assertThat(commands).hasSize(1);
    assertThat(texts(commands.get(0))).containsExactly("$vault_cli", "write", "auth/approle/role/kes-dev", "-");
    assertThat(commands.get(0).words().get(0).literal()).isFalse();
    assertThat(commands.get(0).words().get(2).literal()).isTrue();
    assertThat(commands.get(0).stdin()).map(ShellCommands.Word::text).contains("approles/kes-dev.json");
  }

  @Test
  void commandsInsideSubstitutionsAndDoubleQuotesAreCommandsToo() {
    List<ShellCommands.Command> commands = ShellCommands.of("echo \"done $(vault token create `bao read x`)\"\n");

    assertThat(commands).extracting(ShellCommandsTest::texts).containsExactlyInAnyOrder(
        List.of("echo", "done $(vault token create `bao read x`)"), List.of("vault", "token", "create",
            "`bao read x`"), List.of("bao", "read", "x"));
  }

  @Test
  void continuedLinesAreOneCommandAndCommentsNone() {
    List<ShellCommands.Command> commands = ShellCommands.of("# vault write x\nkubectl create secret generic 'a' \\\n"
        + "    --namespace 'b'; echo ok # vault write y\n");

    assertThat(commands).extracting(ShellCommandsTest::texts).containsExactly(
        List.of("kubectl", "create", "secret", "generic", "a", "--namespace", "b"), List.of("echo", "ok"));
    assertThat(commands.get(0).line()).isEqualTo(2);
    assertThat(commands.get(1).line()).isEqualTo(3);
  }

  @Test
  void pipesAndListsSeparateCommands() {
    assertThat(ShellCommands.of("a | b && c || d; e & f\n")).extracting(ShellCommandsTest::texts)
        .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"), List.of("e"), List.of("f"));
  }

  @Test
  void substitutionsNestedTooDeeplyAreRefusedNotReadInPart() {
    String deep = "$(".repeat(ShellCommands.MAX_DEPTH + 1) + "vault write x" + ")".repeat(ShellCommands.MAX_DEPTH + 1);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShellCommands.of(deep))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("command substitutions nest deeper than 32 (line 1)");
    assertThat(ShellCommands.of("$(".repeat(8) + "vault write x" + ")".repeat(8))).extracting(ShellCommandsTest::texts)
        .contains(List.of("vault", "write", "x"));
  }
}

package dev.kesgen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal a progress line can update in place. */
final class Terminal {
  private Terminal() {}

  /**
   * True only when the JVM has a console (Java 17: standard input and output are terminals) and, where Linux's
   * {@code /proc} says so, standard error is a terminal too; never for {@code TERM=dumb}.
   */
  static boolean stderrIsTerminal() {
    if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    if (!Files.isSymbolicLink(fd2)) {
      return true; // no /proc (macOS): the console is the best evidence there is
    }
    try {
      String target = Files.readSymbolicLink(fd2).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}

package dev.kesgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code kesgen} command: its subcommands, {@code --help} and {@code --version}. */
@Command(name = "kesgen", mixinStandardHelpOptions = true, versionProvider = KesgenCommand.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Compiles one topology file into Vault, KES, MinIO and Helm configuration.",
    subcommands = {GenerateCommand.class, CheckCommand.class, ValidateCommand.class, PlanCommand.class,
        RotateCommand.class, VaultCommand.class,
        IdentityCommand.class, ChartCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success; 1 findings (check failed, invalid topology; vault plan: drift); 2 usage%n"
        + "error; 3 environment or I/O error (vault plan: Vault unreachable, token refused, an object unreadable);%n"
        + "4 internal error."})
final class KesgenCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  private final InputStream stdin;

  KesgenCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Standard input, for {@code identity -}. */
  InputStream stdin() {
    return stdin;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: name a command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** kesgen's version, from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"kesgen " + properties.getProperty("version", "(unknown version)")};
    }
  }
}

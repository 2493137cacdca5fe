package dev.kesgen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kesgen vault}: commands that talk to a live Vault or OpenBao; {@code plan} is the one there is. */
@Command(name = "vault", mixinStandardHelpOptions = true, subcommands = VaultPlanCommand.class,
    description = "Compare a live Vault or OpenBao with the topology (read only).")
final class VaultCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: name a command: kesgen vault plan");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}

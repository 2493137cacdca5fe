package dev.kesgen.cli;

import dev.kesgen.GenerateResult;
import dev.kesgen.Kesgen;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kesgen chart}: the plugin's chart goal. */
@Command(name = "chart", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Writes the KES Helm chart of this kesgen version; unchanged files are not touched, files of an "
        + "older version's chart are deleted.")
final class ChartCommand extends Subcommand {
  @Option(names = "--chart-directory", paramLabel = "DIR",
      description = "Where the chart goes (default: charts/kes).")
  Path chartDirectory;

  @Option(names = "--chartDirectory", hidden = true, paramLabel = "DIR")
  void chartDirectoryAlias(Path directory) {
    if (directory != null) {
      chartDirectory = directory;
    }
  }

  @Override
  int run(Console console) throws Exception {
    if (chartDirectory == null) {
      chartDirectory = Path.of("charts/kes");
    }
    GenerateResult result = Kesgen.writeChart(chartDirectory);
    console.info("KES chart in " + chartDirectory + ": files written " + result.written().size() + ", kept "
        + result.kept().size() + ", deleted " + result.deleted().size());
    return ExitCodes.OK;
  }
}

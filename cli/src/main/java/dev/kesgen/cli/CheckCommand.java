package dev.kesgen.cli;

import dev.kesgen.CheckResult;
import dev.kesgen.GenerateRequest;
import dev.kesgen.Kesgen;
import dev.kesgen.KesgenEvent;
import dev.kesgen.KesgenListener;
import dev.kesgen.report.Messages;
import dev.kesgen.warning.Warning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kesgen check}: the plugin's check goal, for pull-request CI. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Fails (exit 1) listing every finding when the committed output differs from what generate "
        + "writes, a certificate expires soon, a secret lies in the output directory or the topology is invalid. "
        + "Writes nothing.")
final class CheckCommand extends Subcommand {
  @Option(names = "--fail-on-expiring-within", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Fail when a certificate expires within this time (<n>s, m, h or d, e.g. 30d) instead of within "
          + "each certificate's renewBefore.")
  Duration failOnExpiringWithin;

  @Option(names = "--failOnExpiringWithin", hidden = true, paramLabel = "DURATION",
      converter = DurationConverter.class)
  void failOnExpiringWithinAlias(Duration duration) {
    if (duration != null) {
      failOnExpiringWithin = duration;
    }
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = Format.Converter.class,
      description = "text (findings on standard error) or json (one document on standard output).")
  Format format;

  @Mixin
  RunOptions options;

  @Mixin
  Strict strict;

  @Override
  int run(Console console) throws Exception {
    boolean json = format == Format.JSON;
    GenerateRequest request = options.request(console);
    List<Warning> warnings = new ArrayList<>();
    Progress progress = json || console.quiet() || !Terminal.stderrIsTerminal()
        ? Progress.NONE
        : Progress.of(console, false, Kesgen.load(request.topology())); // totals for the line; loaded only on a tty
    RunLog log = new RunLog(console, progress, false, !json);
    KesgenListener listener = event -> {
      if (event instanceof KesgenEvent.Warning w) {
        warnings.add(w.warning());
      }
      log.on(event);
    };
    CheckResult result;
    try {
      result = Kesgen.check(request, Optional.ofNullable(failOnExpiringWithin), listener);
    } catch (Exception e) {
      return failed(console, e, json, warnings);
    } finally {
      progress.clear();
    }
    List<Finding> findings = result.findings().stream().map(f -> Finding.of(f, request.outputDirectory())).toList();
    Optional<String> refused = strict.refusal(result.warnings());
    if (json) {
      Report.json(console, findings, warnings, refused.orElse(null));
    } else if (!findings.isEmpty()) {
      console.error(Messages.checkFound(findings.stream().map(Finding::text).toList(),
          "kesgen generate (or kesgen rotate)"));
    } else if (refused.isEmpty()) {
      console.info(Messages.CHECK_PASSED);
    }
    if (!json) {
      refused.ifPresent(console::error);
    }
    return findings.isEmpty() && refused.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** Reads {@code <n>s}, {@code <n>m}, {@code <n>h} or {@code <n>d}, like {@code 30d}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    @Override
    public Duration convert(String value) {
      Matcher m = DURATION.matcher(value.trim());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException("'" + value
            + "' is not a duration: write a whole number and a unit s, m, h or d, for example 30d or 12h");
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
  }
}

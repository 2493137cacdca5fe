package dev.kesgen.cli;

import dev.kesgen.GenerateRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kesgen rotate}: the plugin's rotate goal. */
@Command(name = "rotate", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Reissues the named certificates with new keys, regenerates, and prints every KES identity that "
        + "changed (old -> new).")
final class RotateCommand extends Subcommand {
  @Option(names = "--rotate", paramLabel = "NAMES",
      description = "What to reissue, comma-separated: an instance (dev, its KES server certificate), a tenant "
          + "(dev/gecko), a provisioner (dev:provisioner), or all. The names may also follow the command.")
  String rotate;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "What to reissue, as --rotate.")
  List<String> names = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = Format.Converter.class,
      description = "text (the plan, what was done and the next steps) or json (one document on standard output).")
  Format format;

  @Mixin
  RunOptions options;

  @Override
  int run(Console console) throws Exception {
    Set<String> rotation = rotation();
    GenerateRequest request = options.request(console).withRotate(rotation);
    return WriteRun.run(this, console, request, format == Format.JSON, false, true, null);
  }

  /** The names from {@code --rotate} and after the command; whether each exists is the library's to say. */
  private Set<String> rotation() {
    List<String> values = new ArrayList<>(names);
    if (rotate != null) {
      values.add(0, rotate);
    }
    if (values.stream().allMatch(String::isBlank)) {
      throw usage("--rotate is empty: name what to rotate, for example dev, dev/gecko or all");
    }
    Set<String> rotation = new TreeSet<>();
    for (String value : values) {
      for (String raw : value.split(",", -1)) {
        String name = raw.trim();
        String[] parts = name.split("/", -1);
        if (parts.length > 2 || name.chars().anyMatch(Character::isWhitespace)
            || Arrays.stream(parts).anyMatch(String::isEmpty)) {
          throw usage("--rotate '" + value + "': '" + name
              + "' is not an instance (dev), a tenant (dev/gecko), a provisioner (dev:provisioner) or all");
        }
        rotation.add(name);
      }
    }
    return rotation;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}

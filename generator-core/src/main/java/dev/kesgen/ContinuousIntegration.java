package dev.kesgen;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rule that keeps CI from going green on stale output: where the environment variable {@code CI} is set (GitHub
 * Actions, GitLab CI, CircleCI, Travis CI, Bitbucket Pipelines and Buildkite all set {@code CI=true}), generate does
 * not write. It compares like check and fails when the committed output is not what it would write, so a topology
 * change pushed without its regenerated output fails the build instead of being regenerated on the runner (with fresh
 * keys nobody keeps), whichever goals or commands the build runs. Front ends read the environment, offer an explicit
 * switch for builds that generate in CI on purpose, and call {@link #compare} instead of writing.
 */
public final class ContinuousIntegration {
  /** The environment variable CI services set. */
  public static final String VARIABLE = "CI";

  private ContinuousIntegration() {}

  /**
   * Whether this environment is a CI build: {@code CI} is set to anything but empty, {@code false} or {@code 0}
   * (the values people use to say "not CI").
   */
  public static boolean detected(Map<String, String> environment) {
    String value = environment.get(VARIABLE);
    if (value == null) {
      return false;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    return !v.isEmpty() && !v.equals("false") && !v.equals("0");
  }

  /**
   * The line a front end logs before comparing: what happens and how to write instead.
   *
   * @param writeSwitch how this front end lets generate write in CI, such as {@code -Dkesgen.writeInCi=true}
   */
  public static String notice(String writeSwitch) {
    return "CI is set: generate compares the committed output with what it would write and writes nothing "
        + "(to generate in CI on purpose, add " + writeSwitch + ")";
  }

  /**
   * What generate does in CI: the comparison of {@link Kesgen#check} (each certificate's own renewBefore), writing
   * nothing, no file and no key.
   *
   * @param writeSwitch named in the failure, as in {@link #notice}
   * @return the passed check, when the committed output is up to date
   * @throws ConfigurationException "the committed output is stale; run generate locally and commit", listing every
   *     finding, when it is not
   */
  public static CheckResult compare(GenerateRequest request, String writeSwitch, KesgenListener listener)
      throws dev.kesgen.topology.TopologyException, KesgenException {
    Objects.requireNonNull(writeSwitch, "writeSwitch");
    CheckResult result = Kesgen.check(request, Optional.<Duration>empty(), listener);
    if (!result.passed()) {
      String output = dev.kesgen.layout.HelmCommands.directoryName(request.projectDirectory(),
          request.outputDirectory());
      throw new ConfigurationException(staleMessage(result, writeSwitch, output), null);
    }
    return result;
  }

  /** The failure, each finding's file named from the project directory ({@code generated/...}) as check names it. */
  static String staleMessage(CheckResult result, String writeSwitch, String outputName) {
    return "The committed output is stale; run generate locally and commit the result. CI is set, so generate "
        + "compared instead of writing (to generate in CI on purpose, add " + writeSwitch + "). "
        + result.findings().size() + " problem(s):"
        + result.findings().stream().map(f -> dev.kesgen.layout.HelmCommands.path(outputName, f.subject()) + ": "
            + f.message()).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}

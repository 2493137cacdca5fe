package dev.kesgen.access;

import dev.kesgen.kes.KesDialect;
import dev.kesgen.topology.KesVersion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Whether a KES server, as its chart values start it, verifies client certificates against a CA. A MinIO that
 * authenticates with a KES API key presents a self-signed certificate made from the key at start-up
 * (minio/kms-go@kes/v0.3.1:kes/apikey.go:100-143), which only a KES that does not verify accepts.
 */
public final class ClientVerification {
  private ClientVerification() {}

  /**
   * Why this KES verifies client certificates (or may, or would not start), with the source; empty when it
   * verifies none, so an API key's self-signed certificate is accepted.
   *
   * @throws AccessModelException as {@link KesChartValues#serverConfig(String)} does
   */
  public static Optional<String> of(String valuesYaml, KesVersion version) {
    KesDialect dialect = KesDialect.of(version);
    return switch (dialect.clientAuth()) {
      case FLAG -> flag(serverArgs(valuesYaml));
      // K@2023-10-24T20-26-51Z:cmd/kes/server.go:404-405 hard-codes tls.RequestClientCert
      case NEVER_VERIFIED -> Optional.empty();
      case CONFIG_FIELD -> field(KesChartValues.serverConfig(valuesYaml));
    };
  }

  /**
   * {@code --auth}, default {@code on}: {@code on} is RequireAndVerifyClientCert, {@code off} RequireAnyClientCert,
   * anything else fatal (K@v0.13.0:cmd/kes/server.go:104,251-258; K@2023-10-03T00-48-37Z:cmd/kes/gateway.go:496-509).
   * Go's {@code flag} and pflag keep the last of repeated flags.
   */
  static Optional<String> flag(List<String> args) {
    String value = "on";
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--auth") || arg.equals("-auth")) {
        value = i + 1 < args.size() ? args.get(++i) : "";
      } else if (arg.startsWith("--auth=") || arg.startsWith("-auth=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      }
    }
    return value.toLowerCase(Locale.ROOT).equals("off") ? Optional.empty()
        : Optional.of("it is started with --auth=" + value + " (no --auth means on), which verifies client certificates"
            + " against a CA or stops KES (K@v0.13.0:cmd/kes/server.go:251-258)");
  }

  /**
   * {@code tls.auth}: "" or {@code off} (any case) verify nothing; {@code on} is VerifyClientCertIfGiven at
   * K@2023-11-09T17-35-47Z:kesconf/config.go:256-261 and RequireAndVerifyClientCert at
   * K@2024-03-13T17-52-13Z:kesconf/config.go:258-263; anything else stops KES.
   */
  static Optional<String> field(String config) {
    Node root = YamlTree.compose(config);
    String value = YamlTree.child(root, "tls", "the configuration")
        .flatMap(tls -> YamlTree.child(tls, "auth", "tls"))
        .filter(n -> !YamlTree.isNull(n))
        .map(n -> YamlTree.scalar(n, "tls.auth")).orElse("");
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.isEmpty() || lower.equals("off") ? Optional.empty()
        : Optional.of("its configuration sets tls.auth: " + value + ", which verifies client certificates against a CA"
            + " or stops KES (K@2024-03-13T17-52-13Z:kesconf/config.go:258-263)");
  }

  private static List<String> serverArgs(String valuesYaml) {
    Node root = YamlTree.compose(valuesYaml, "the chart values");
    return YamlTree.child(root, "server", "the chart values")
        .flatMap(server -> YamlTree.child(server, "args", "server"))
        .map(args -> YamlTree.strings(args, "server.args"))
        // the chart's own default (charts/kes/values.yaml server.args) passes --auth=off
        .orElse(List.of("--auth=off"));
  }
}

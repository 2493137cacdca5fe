package dev.kesgen.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kesgen.access.AccessModelException;
import dev.kesgen.access.KesAccess;
import dev.kesgen.access.KesAccessPolicy;
import dev.kesgen.access.KesChartValues;
import dev.kesgen.kes.KesDialect;
import dev.kesgen.topology.KesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access model reads YAML as KES and Helm read it: for every file of an adversarial corpus, either the model
 * refuses it, or each value it uses (the chart's {@code server.config}, the admin identity, every policy's name,
 * patterns and identities) equals what gopkg.in/yaml.v2, gopkg.in/yaml.v3 and sigs.k8s.io/yaml decode there, as
 * text. Files named {@code refuse-*} and {@code values-refuse-*} must be refused, the others read; {@code values-*}
 * files are chart values, the rest KES configurations, read for a release of each dialect.
 */
class GoPeerYamlCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/dev/kesgen/access/yaml-corpus");
  private static final List<String> LIBRARIES = List.of("yaml.v2", "yaml.v3", "sigs.k8s.io/yaml");
  private static final List<KesVersion> RELEASES = List.of(KesVersion.of("v0.13.4"), KesVersion.of("v0.17.5"),
      KesVersion.NEWEST);

  @TempDir Path dir;

  @BeforeEach
  void buildThePeer() {
    GoPeer.binary();
  }

  @Test
  void everyCorpusFileIsRefusedOrReadAsEveryGoLibraryReadsIt() throws Exception {
    List<Path> files;
    try (Stream<Path> corpus = Files.list(CORPUS)) {
      files = corpus.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    JsonNode decoded = decode(files);

    List<String> wrong = new ArrayList<>();
    Map<Path, String> configs = new LinkedHashMap<>();
    Map<Path, String> labels = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      boolean mustRefuse = name.startsWith("refuse-") || name.startsWith("values-refuse-");
      String text = Files.readString(file);
      if (name.startsWith("values-")) {
        String config;
        try {
          config = KesChartValues.serverConfig(text);
        } catch (AccessModelException e) {
          refusal(name, e, mustRefuse, wrong, refused);
          continue;
        }
        for (String library : LIBRARIES) {
          JsonNode value = value(decoded, file, library, wrong, name);
          if (value != null) {
            same(wrong, name + ": server.config", library, config, value.path("server").path("config"));
          }
        }
        Path extracted = dir.resolve(name);
        Files.writeString(extracted, config);
        configs.put(extracted, config);
        labels.put(extracted, name + " server.config");
      } else {
        configs.put(file, text);
        labels.put(file, name);
      }
    }
    JsonNode decodedConfigs = decode(List.copyOf(configs.keySet()));
    for (Map.Entry<Path, String> config : configs.entrySet()) {
      String label = labels.get(config.getKey());
      String name = config.getKey().getFileName().toString();
      boolean mustRefuse = name.startsWith("refuse-") || name.startsWith("values-refuse-");
      for (KesVersion release : RELEASES) {
        KesAccess access;
        try {
          access = KesAccess.of(config.getValue(), release);
        } catch (AccessModelException e) {
          refusal(label + " (KES " + release + ")", e, mustRefuse, wrong, refused);
          continue;
        }
        if (mustRefuse) {
          wrong.add(label + " (KES " + release + "): read, but it must be refused");
        }
        for (String library : LIBRARIES) {
          JsonNode value = value(decodedConfigs, config.getKey(), library, wrong, label);
          if (value != null) {
            agree(wrong, label + " (KES " + release + ")", library, access, KesDialect.of(release), value);
          }
        }
      }
    }

    assertThat(wrong).as("what the access model reads otherwise than a Go YAML library, or refuses wrongly").isEmpty();
    assertThat(refused).as("refusals").hasSizeGreaterThan(40);
  }

  @Test
  void theIssuesAttacksReachEveryKeyUnderEveryGoLibrary() throws Exception {
    // what the model must refuse is real: all three libraries read the wildcard SnakeYAML's text hides
    Path binaryPath = CORPUS.resolve("refuse-binary-path.yaml");
    Path binaryServer = CORPUS.resolve("values-refuse-binary-server.yaml");
    JsonNode decoded = decode(List.of(binaryPath, binaryServer));

    for (String library : LIBRARIES) {
      JsonNode config = decoded.path(binaryPath.toString()).path(library).path("value");
      assertThat(config.at("/policy/gecko/paths/1/text").asText()).as(library).isEqualTo("/v1/key/decrypt/*");
      JsonNode values = decoded.path(binaryServer.toString()).path(library).path("value");
      assertThat(values.at("/server/config/text").asText()).as(library).contains("paths: [\"/v1/key/*\"]");
    }
  }

  private static void refusal(String label, AccessModelException e, boolean mustRefuse, List<String> wrong,
      List<String> refused) {
    if (!mustRefuse) {
      wrong.add(label + ": refused, but it must be read: " + e.getMessage());
    } else if (!e.getMessage().matches("(?s).*line \\d+, column \\d+.*")) {
      wrong.add(label + ": refused without a line and column: " + e.getMessage());
    } else {
      refused.add(label + ": " + e.getMessage());
    }
  }

  private JsonNode decode(List<Path> files) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("yamldecode"));
    files.forEach(f -> {
      arguments.add("--file");
      arguments.add(f.toString());
    });
    return GoPeer.run(arguments);
  }

  /** The library's decoded value of the file; null, with a disagreement noted, when it could not decode it. */
  private static JsonNode value(JsonNode decoded, Path file, String library, List<String> wrong, String label) {
    JsonNode answer = decoded.path(file.toString()).path(library);
    if (!answer.has("value")) {
      wrong.add(label + ": the model reads it, but " + library + " does not: " + answer.path("error").asText(
          answer.toString()));
      return null;
    }
    return answer.path("value");
  }

  private static void agree(List<String> wrong, String label, String library, KesAccess access, KesDialect dialect,
      JsonNode root) {
    JsonNode admin = dialect.adminStyle() == KesDialect.AdminStyle.ROOT ? root.path("root")
        : root.path("admin").path("identity");
    same(wrong, label + ": the admin identity", library, access.admin().orElse(""), admin);
    JsonNode policies = root.path("policy");
    TreeSet<String> goNames = new TreeSet<>();
    policies.fieldNames().forEachRemaining(goNames::add);
    TreeSet<String> names = new TreeSet<>(access.policies().stream().map(KesAccessPolicy::name).toList());
    if (!names.equals(goNames)) {
      wrong.add(label + ": the model reads the policies " + names + ", " + library + " " + goNames);
      return;
    }
    boolean paths = dialect.policyRuleKey().equals("paths");
    for (KesAccessPolicy policy : access.policies()) {
      JsonNode go = policies.path(policy.name());
      String where = label + ": policy." + policy.name() + ".";
      same(wrong, where + dialect.policyRuleKey(), library, policy.allow(),
          texts(go.path(dialect.policyRuleKey()), !paths));
      if (!paths) {
        same(wrong, where + "deny", library, policy.deny(), texts(go.path("deny"), true));
      }
      same(wrong, where + dialect.policyIdentitiesKey(), library, policy.identities(),
          texts(go.path(dialect.policyIdentitiesKey()), false));
    }
  }

  /** A decoded list as text; empty for a missing or null list; a non-text item as "{type}text", which never agrees. */
  private static List<String> texts(JsonNode list, boolean dropEmpty) {
    List<String> out = new ArrayList<>();
    if (list.isArray()) {
      list.forEach(item -> text(item).ifPresentOrElse(out::add, () -> out.add("{" + item + "}")));
    } else if (!list.isMissingNode() && !list.path("type").asText().equals("null")) {
      out.add("{not a list: " + list + "}");
    }
    return dropEmpty ? out.stream().filter(s -> !s.isEmpty()).toList() : out;
  }

  /** A decoded scalar as a Go string field gets it: a string's text, "" for null or missing; empty otherwise. */
  private static Optional<String> text(JsonNode scalar) {
    if (scalar.isMissingNode()) {
      return Optional.of("");
    }
    String type = scalar.path("type").asText();
    return switch (type) {
      case "string" -> Optional.of(scalar.path("text").asText());
      case "null" -> Optional.of("");
      default -> Optional.empty();
    };
  }

  private static void same(List<String> wrong, String what, String library, String model, JsonNode go) {
    Optional<String> text = text(go);
    if (text.isEmpty() || !text.get().equals(model)) {
      wrong.add(what + ": the model reads \"" + model + "\", " + library + " " + go);
    }
  }

  private static void same(List<String> wrong, String what, String library, List<String> model, List<String> go) {
    if (!model.equals(go)) {
      wrong.add(what + ": the model reads " + model + ", " + library + " " + go);
    }
  }
}

package dev.kesgen.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the enums of the topology's JSON Schema from the Java types that own them, at build time: the source schema
 * marks each such property with {@code "x-kesgen-enum": "<name>"} instead of spelling its values, and the build
 * ({@code process-classes}, exec-maven-plugin) writes the schema with {@code "enum": [...]} into the classes
 * directory, which is the copy the loader validates with and the jar ships. So a new KES release, chart layout,
 * key type, secret sink or warning id is a change of its Java owner only; {@code TopologySchemaTest} reads the built
 * schema. An unknown name fails the build. The substitution is textual, so the built schema keeps the source's
 * layout (and the core needs no JSON library).
 */
public final class SchemaEnums {
  /** The marker keyword in the source schema. */
  public static final String MARKER = "x-kesgen-enum";

  private static final Map<String, Supplier<List<String>>> OWNERS = Map.of(
      "kesVersions", () -> KesVersion.releases().stream().map(KesVersion::tag).toList(),
      "keyTypes", () -> Arrays.stream(KeyType.values()).map(KeyType::spelling).toList(),
      "chartLayouts", () -> Arrays.stream(ChartLayout.values()).map(ChartLayout::spelling).toList(),
      "minioAuths", () -> Arrays.stream(MinioAuth.values()).map(MinioAuth::spelling).toList(),
      "secretSinks", () -> Secrets.SINKS,
      "sealedSecretsScopes", Secrets.SealedSecrets.Scope::spellings,
      "externalSecretsStoreKinds", () -> Secrets.ExternalSecrets.STORE_KINDS,
      "externalSecretsAuths", () -> Secrets.ExternalSecrets.AUTHS,
      "warningIds", WarningId::acknowledgeableIds,
      "vaultAuths", () -> Arrays.stream(VaultAuth.values()).map(VaultAuth::toString).toList());

  private SchemaEnums() {}

  /**
   * {@code SchemaEnums <source schema> <built schema>}: writes the built schema with every marked enum filled.
   *
   * @param args the source and the target path
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SchemaEnums <source schema> <built schema>");
    }
    String text = fill(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    Path target = Path.of(args[1]);
    Files.createDirectories(target.getParent());
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static final Pattern MARKED = Pattern.compile("\"" + MARKER + "\"\\s*:\\s*\"([A-Za-z]+)\"");

  /** The schema text with every marker replaced by the enum its owner gives. */
  static String fill(String schema) {
    Matcher m = MARKED.matcher(schema);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Supplier<List<String>> owner = OWNERS.get(m.group(1));
      if (owner == null) {
        throw new IllegalArgumentException("unknown " + MARKER + " \"" + m.group(1) + "\"; known: "
            + new java.util.TreeSet<>(OWNERS.keySet()));
      }
      StringBuilder values = new StringBuilder("\"enum\": [");
      List<String> spellings = owner.get();
      for (int i = 0; i < spellings.size(); i++) {
        values.append(i == 0 ? "" : ", ").append(quoted(spellings.get(i)));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(values.append(']').toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A JSON string of a spelling (letters, digits, '.', '-', '_' only: anything else is refused). */
  private static String quoted(String spelling) {
    if (!spelling.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a plain spelling for the schema: " + spelling);
    }
    return "\"" + spelling + "\"";
  }
}

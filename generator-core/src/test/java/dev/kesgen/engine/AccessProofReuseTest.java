package dev.kesgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kesgen.Kesgen;
import dev.kesgen.output.CompareResult;
import dev.kesgen.output.OutputDirectory;
import dev.kesgen.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check takes the plan's access proof instead of proving the committed files again only when the rules would read
 * the same texts with the same identities ({@link Engine#sameTextsAsProved}): with access findings present, the
 * findings check reports are exactly those of the proof on the committed files, whether the proof was reused or
 * not, and one byte changed in a file the rules read makes check prove the committed text again.
 */
class AccessProofReuseTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String TOPOLOGY = """
      version: 1
      vault:
        endpoint: https://vault.example.org:8200
      defaults:
        kes: { version: 2025-03-12T09-35-18Z }
        tenant: { minioVersion: RELEASE.2024-05-10T01-41-38Z }
      instances:
        - name: dev
          namespace: kes-dev
          tenants:
            - name: alpha
              namespace: minio-alpha
              keys: [alpha-key]
      """;
  /** A widening a template override could make: generate refuses it, so it is committed by hand here. */
  private static final String WIDENED = "\npath \"secret/*\" {\n  capabilities = [\"read\"]\n}\n";

  @TempDir Path dir;
  Topology topology;
  RunSettings settings;
  Path output;

  @BeforeEach
  void committedOutputWithAWidenedVaultPolicy() throws Exception {
    Path topologyFile = dir.resolve("topology.yaml");
    Files.writeString(topologyFile, TOPOLOGY);
    topology = Kesgen.load(topologyFile);
    Path templates = dir.resolve("templates/vault");
    Files.createDirectories(templates);
    String embedded;
    try (var in = AccessProofReuseTest.class.getClassLoader()
        .getResourceAsStream("dev/kesgen/templates/vault/policy.hcl.hbs")) {
      embedded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(templates.resolve("policy.hcl.hbs"), embedded + WIDENED);
    output = dir.resolve("generated");
    settings = new RunSettings(output, dir.resolve("secrets"), Optional.of(dir.resolve("templates")), CLOCK, Set.of());
    PlannedRun run = unrefused();
    assertThat(run.access()).as("the override widens the policy").isNotEmpty();
    new OutputDirectory(output).write(run.files()); // past generate's refusal, as a hand would
  }

  @Test
  void aReusedProofGivesTheFindingsOfTheProofOnTheCommittedFiles() throws Exception {
    PlannedRun run = unrefused();
    CompareResult compare = new OutputDirectory(output).compare(run.files());
    assertThat(Engine.sameTextsAsProved(run.proved(), compare, readable(run, compare)))
        .as("the committed files are the rendered ones: the proof is reused").isTrue();

    List<Finding> findings = Engine.check(topology, settings, Optional.empty(), List.of(), EngineListener.NONE);

    assertThat(access(findings)).isNotEmpty().isEqualTo(onDisk(run));
    assertThat(access(findings)).anyMatch(f -> f.subject().equals("vault/policies/kes-dev.hcl")
        && f.message().contains("secret/*"));
  }

  @Test
  void oneByteChangedInAFileTheRulesReadIsProvenAgainFromTheCommittedText() throws Exception {
    Path policy = output.resolve("vault/policies/kes-dev.hcl");
    String text = Files.readString(policy);
    Files.writeString(policy, text.replace("capabilities = [\"read\"]", "capabilities = [\"list\"]"));
    PlannedRun run = unrefused();
    CompareResult compare = new OutputDirectory(output).compare(run.files());
    assertThat(Engine.sameTextsAsProved(run.proved(), compare, readable(run, compare))).isFalse();

    List<Finding> findings = Engine.check(topology, settings, Optional.empty(), List.of(), EngineListener.NONE);

    List<Finding> committed = onDisk(run);
    assertThat(committed).anyMatch(f -> f.message().contains("[list]"));
    assertThat(access(findings)).containsAll(committed);
    assertThat(access(findings)).noneMatch(f -> f.message().contains("[read]"));
    assertThat(findings)
        .anyMatch(f -> f.kind() == Finding.Kind.STALE && f.subject().equals("vault/policies/kes-dev.hcl"));
  }

  /** The plan as check makes it: access findings are findings there, not a refusal to plan. */
  private PlannedRun unrefused() throws RunException {
    return Engine.plan(topology, settings, SecretSinks.of(topology, settings), Set.of(), List.of(),
        EngineListener.NONE);
  }

  private static Set<String> readable(PlannedRun run, CompareResult compare) {
    Set<String> readable = new HashSet<>(run.files().keySet());
    compare.missing().forEach(readable::remove);
    compare.unknown().forEach(readable::remove);
    return readable;
  }

  /** The proof on the committed files with the committed identities, as check runs it without the reuse. */
  private List<Finding> onDisk(PlannedRun run) {
    return AccessCheck.of(topology, path -> {
      Path file = output.resolve(path);
      try {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, run.certificates()::previousIdentity).findings();
  }

  private static List<Finding> access(List<Finding> findings) {
    return findings.stream().filter(f -> f.kind() == Finding.Kind.ACCESS)
        .filter(f -> !f.message().startsWith("as generate would write it")).toList();
  }
}

package dev.kesgen.vaultit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a generated script with {@code sh}, as the README tells a user ({@code sh generated/vault/apply.sh} in the
 * project directory), where the only Vault CLI on the PATH is the server's binary under its own name ({@code bao},
 * or {@code vault} with VAULT_BIN) behind a shim that logs every command line, and kubectl is the stand-in
 * ({@code kubectl} in the test resources) that records what would be applied. The address and root token are given
 * only as {@code BAO_ADDR}/{@code BAO_TOKEN} unless {@code env} says otherwise.
 */
final class Scripts {
  record Run(int exit, String output) {}

  final Path bin;
  final Path state;
  final Path log;
  final VaultServer server;

  Scripts(VaultServer server, Path work) throws IOException {
    this.server = server;
    this.bin = Files.createDirectories(work.resolve("bin"));
    this.state = Files.createDirectories(work.resolve("state"));
    this.log = work.resolve("commands.log");
    Path cli = bin.resolve(server.flavour);
    Files.writeString(cli, "#!/bin/sh\nprintf '%s\\n' \"" + server.flavour + " $*\" >> \"$LOG\"\nexec '"
        + server.binary.toAbsolutePath() + "' \"$@\"\n");
    try (var in = Scripts.class.getResourceAsStream("kubectl")) {
      Files.write(bin.resolve("kubectl"), in.readAllBytes());
    }
    for (Path p : List.of(cli, bin.resolve("kubectl"))) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** The system PATH without any directory holding a vault or bao command, behind the shims. */
  String path() {
    StringBuilder path = new StringBuilder(bin.toString());
    for (String entry : System.getenv("PATH").split(":")) {
      if (!entry.isEmpty() && !Files.exists(Path.of(entry, "vault")) && !Files.exists(Path.of(entry, "bao"))) {
        path.append(':').append(entry);
      }
    }
    return path.toString();
  }

  Run sh(Path projectDir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(projectDir.toFile());
    VaultServer.clean(builder.environment(), server.home);
    builder.environment().put("PATH", path());
    builder.environment().put("STATE", state.toString());
    builder.environment().put("LOG", log.toString());
    if (env.isEmpty()) {
      builder.environment().put("BAO_ADDR", server.address);
      builder.environment().put("BAO_TOKEN", server.rootToken);
    } else {
      builder.environment().putAll(env);
    }
    Process process = builder.start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("sh " + String.join(" ", args) + " did not finish within 60 s");
      }
      return new Run(process.exitValue(), output);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  String commands() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** The Secret the stand-in kubectl would have applied: its decoded {@code data}, or an empty map. */
  Map<String, String> appliedSecret() throws IOException {
    Path applied = state.resolve("applied.yaml");
    if (!Files.exists(applied)) {
      return Map.of();
    }
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    var data = yaml.readTree(applied.toFile()).path("data");
    Map<String, String> decoded = new java.util.TreeMap<>();
    data.fields().forEachRemaining(e -> decoded.put(e.getKey(),
        new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
    return decoded;
  }
}

package dev.kesgen.chart;

import static dev.kesgen.chart.DeploymentTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Job's rendered shell script with the real /bin/sh against a stand-in for the kes CLI
 * that answers with the exact messages of the releases (v0.13.4: "key does already exist",
 * kms-go from 2024: "key already exists").
 */
class ProvisioningScriptTest {

    @TempDir
    Path dir;

    private Path fakeKes;

    @BeforeEach
    void writeFakeKes() throws IOException {
        fakeKes = dir.resolve("kes");
        Files.writeString(fakeKes, """
                #!/bin/sh
                case "$3" in
                  new) exit 0 ;;
                  old) echo "Failed to create key \\"old\\": key does already exist" >&2; exit 1 ;;
                  older) echo "Error: failed to create key \\"older\\": key already exists" >&2; exit 1 ;;
                  *) echo "Failed to create key \\"$3\\": not authorized: insufficient permissions" >&2; exit 1 ;;
                esac
                """);
        Files.setPosixFilePermissions(fakeKes, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void succeedsWhenEveryKeyIsCreatedOrAlreadyExists() throws Exception {
        Result result = run("new", "old", "older");

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("created key new", "key old already exists", "key older already exists");
    }

    @Test
    void failsVisiblyWhenAKeyCannotBeCreatedButStillTriesTheOthers() throws Exception {
        Result result = run("denied", "new");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("failed to create key denied: ", "insufficient permissions", "created key new");
    }

    private Result run(String... keys) throws Exception {
        List<String> command = strings(ProvisioningJobTest.job(KesChart.renderWithHooks("kes-v0.13.4-provisioning.yaml")).path("command"));
        // The script calls the image's /kes; point that one path at the stand-in, nothing else changes.
        String script = command.get(2).replace("/kes key create", fakeKes + " key create");
        List<String> argv = new ArrayList<>(List.of(command.get(0), command.get(1), script, command.get(3)));
        argv.addAll(List.of(keys));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
